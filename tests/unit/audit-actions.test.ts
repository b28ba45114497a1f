// Every audit action the services write has a Chinese name on the pages (the history, GET /audit's list):
// the action strings are collected from the services' source, so a new one without a name fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, auditActionName } from '../../functions/domain/audit-actions.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The string literals in each `action: …` of an audit record (a ternary's both branches too). */
function actionsIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\baction:\s*([^,}\n]+)/g)) {
    for (const lit of m[1]!.matchAll(/(?<!===?\s*)'([A-Za-z]+(?:\.[A-Za-z]+)*)'/g)) found.push(lit[1]!);
  }
  return found;
}

describe('audit action names', () => {
  const used = [...new Set(sources('functions/services').flatMap((f) => actionsIn(readFileSync(f, 'utf8'))))].sort();

  it('finds the actions the services write (the collector works)', () => {
    expect(used).toEqual(expect.arrayContaining(['trip.board', 'trip.absent', 'trip.depart', 'trip.arrive', 'offer.placed', 'offer.notArrived', 'offer.left', 'seat.cancel']));
  });

  it('gives each of them a Chinese name', () => {
    const unnamed = used.filter((a) => !(a in ACTION_NAMES));
    expect(unnamed).toEqual([]);
    for (const a of used) expect(auditActionName(a)).toMatch(/[\u4e00-\u9fff]/);
  });
});
