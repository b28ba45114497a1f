// The template as CloudFormation will read it: every resource it refers to exists, and no two
// resources wait on each other (a cycle is only found at deploy time otherwise: synth does not check).
import { describe, expect, it } from 'vitest';
import { synth } from './synth.js';

const { template } = synth();
const resources = template.toJSON().Resources as Record<string, { DependsOn?: string | string[] }>;

/** Logical ids a resource waits on: Ref, Fn::GetAtt, Fn::Sub's ${…}, DependsOn. */
function dependencies(resource: unknown, known: Record<string, unknown>): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Ref' && typeof value === 'string') found.add(value);
      else if (key === 'Fn::GetAtt') found.add(Array.isArray(value) ? String(value[0]) : String(value).split('.')[0]!);
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(value) ? String(value[0]) : String(value);
        for (const match of text.matchAll(/\$\{([A-Za-z0-9]+)(\.[^}]*)?\}/g)) found.add(match[1]!);
        walk(value);
      } else if (key === 'DependsOn') [value].flat().forEach((id) => found.add(String(id)));
      else walk(value);
    }
  };
  walk(resource);
  return new Set([...found].filter((id) => id in known));
}

/** Every cycle met by a depth-first walk, as "A → B → A". */
function cyclesIn(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[] = [];
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      cycles.push([...path.slice(path.indexOf(id)), id].join(' → '));
      return;
    }
    state.set(id, 'visiting');
    for (const next of graph.get(id) ?? []) visit(next, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of graph.keys()) visit(id, []);
  return cycles;
}

describe('the template', () => {
  it('has no dependency cycle', () => {
    const graph = new Map(Object.entries(resources).map(([id, r]) => [id, dependencies(r, resources)]));
    expect(graph.size).toBeGreaterThan(50);
    expect(cyclesIn(graph)).toEqual([]);
  });

  it('would notice one', () => {
    const fn = { Properties: { Environment: { Variables: { CLIENT: { Ref: 'Client' } } } } };
    const client = { Properties: { CallbackURLs: [{ 'Fn::Sub': 'https://${Pages.DomainName}/' }] } };
    const pages = { Properties: { Origin: { 'Fn::GetAtt': ['Fn', 'Arn'] } } };
    const all = { Fn: fn, Client: client, Pages: pages };
    const graph = new Map(Object.entries(all).map(([id, r]) => [id, dependencies(r, all)]));
    expect(cyclesIn(graph)).toEqual(['Fn → Client → Pages → Fn']);
  });
});
