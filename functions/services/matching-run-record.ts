// The record of a county matching run (GET /matching/runs/{id}) and the labourers it left out with their
// reason (GET /matching/runs/{id}/unmatched): written as the run goes, read a page at a time, expiring
// with the season.
import { UNMATCHED_REASONS, type UnmatchedReason } from '#domain/matching/index.js';
import type { Deps } from './deps.js';

const RECORD_DAYS = 60;
/** Labourer ids per stored part and per page: ~30 KB an item, far under DynamoDB's 400 KB. */
export const UNMATCHED_PAGE = 1000;
const WRITE_CONCURRENCY = 16;

export interface MatchingRunView {
  runId: string;
  county: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  offers?: number;
  unmatched?: number;
  objective?: number;
  poorPlaced?: number;
  byReason: Partial<Record<UnmatchedReason, number>>;
  startedAt: string;
  finishedAt?: string;
}

export interface RunOutcome {
  /** Offers the plan made: all of them handled by now. */
  planned: number;
  offers: number;
  objective: number;
  poorPlaced: number;
  /** Every labourer left out, with the first reason that held. */
  reasons: ReadonlyMap<string, UnmatchedReason>;
}

function expiresAt(now: Date): number {
  return Math.floor(now.getTime() / 1000) + RECORD_DAYS * 86_400;
}

export async function startRunRecord(deps: Pick<Deps, 'db' | 'clock'>, runId: string, county: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.entities.matchingRun
    .create({ runId, county, state: 'running', done: 0, total: 0, startedAt: now.toISOString(), expiresAt: expiresAt(now) })
    .go();
}

export async function recordRunProgress(deps: Pick<Deps, 'db'>, runId: string, done: number, total: number): Promise<void> {
  await deps.db.entities.matchingRun.patch({ runId }).set({ done, total }).go();
}

/** The unmatched list first, then the record says done: a reader of a done run finds the whole list. */
export async function finishRunRecord(deps: Pick<Deps, 'db' | 'clock'>, runId: string, outcome: RunOutcome): Promise<Partial<Record<UnmatchedReason, number>>> {
  const now = deps.clock.now();
  const byReason = new Map<UnmatchedReason, string[]>();
  for (const [labourerId, reason] of outcome.reasons) {
    const ids = byReason.get(reason);
    if (ids === undefined) byReason.set(reason, [labourerId]);
    else ids.push(labourerId);
  }
  const parts: { reason: UnmatchedReason; part: number; labourerIds: string[] }[] = [];
  for (const [reason, ids] of byReason) {
    ids.sort();
    for (let i = 0; i < ids.length; i += UNMATCHED_PAGE) parts.push({ reason, part: i / UNMATCHED_PAGE, labourerIds: ids.slice(i, i + UNMATCHED_PAGE) });
  }
  const expires = expiresAt(now);
  for (let i = 0; i < parts.length; i += WRITE_CONCURRENCY) {
    await Promise.all(
      parts.slice(i, i + WRITE_CONCURRENCY).map((p) => deps.db.entities.matchingRunUnmatched.put({ runId, ...p, expiresAt: expires }).go()),
    );
  }
  const counts = Object.fromEntries(UNMATCHED_REASONS.filter((r) => byReason.has(r)).map((r) => [r, byReason.get(r)!.length]));
  await deps.db.entities.matchingRun
    .patch({ runId })
    .set({
      state: 'done',
      done: outcome.planned,
      total: outcome.planned,
      offers: outcome.offers,
      unmatched: outcome.reasons.size,
      objective: outcome.objective,
      poorPlaced: outcome.poorPlaced,
      byReason: JSON.stringify(counts),
      finishedAt: now.toISOString(),
    })
    .go();
  return counts;
}

export async function failRunRecord(deps: Pick<Deps, 'db' | 'clock'>, runId: string): Promise<void> {
  await deps.db.entities.matchingRun.patch({ runId }).set({ state: 'failed', finishedAt: deps.clock.now().toISOString() }).go();
}

export async function readRunRecord(deps: Pick<Deps, 'db'>, runId: string): Promise<MatchingRunView | undefined> {
  const { data } = await deps.db.entities.matchingRun.get({ runId }).go();
  if (!data) return undefined;
  const { expiresAt: _expires, byReason, ...rest } = data;
  return { ...rest, byReason: byReason ? JSON.parse(byReason) : {} };
}

export interface UnmatchedPage {
  items: { labourerId: string; reason: UnmatchedReason }[];
  /** The next page's cursor, when there is one. */
  cursor?: string;
}

/**
 * One page of a run's unmatched (at most UNMATCHED_PAGE), by reason in their order (or of one reason),
 * then by labourer id: stored parts read in turn while they fit the page. The cursor is
 * `<reason>.<part>`, the next part to read.
 */
export async function unmatchedPage(
  deps: Pick<Deps, 'db'>,
  run: MatchingRunView,
  options: { reason?: UnmatchedReason; cursor?: { reason: UnmatchedReason; part: number } },
): Promise<UnmatchedPage> {
  // Every stored part in reading order, with its size.
  const parts: { reason: UnmatchedReason; part: number; size: number }[] = [];
  for (const reason of UNMATCHED_REASONS) {
    const count = run.byReason[reason] ?? 0;
    if (options.reason !== undefined && reason !== options.reason) continue;
    for (let part = 0; part * UNMATCHED_PAGE < count; part++) parts.push({ reason, part, size: Math.min(UNMATCHED_PAGE, count - part * UNMATCHED_PAGE) });
  }
  const at = options.cursor;
  let next = at === undefined ? 0 : parts.findIndex((p) => p.reason === at.reason && p.part === at.part);
  if (next < 0) return { items: [] };
  const items: UnmatchedPage['items'] = [];
  let size = 0;
  for (; next < parts.length && (size === 0 || size + parts[next]!.size <= UNMATCHED_PAGE); next++) {
    const { reason, part } = parts[next]!;
    const { data } = await deps.db.entities.matchingRunUnmatched.get({ runId: run.runId, reason, part }).go();
    for (const labourerId of data?.labourerIds ?? []) items.push({ labourerId, reason });
    size += parts[next]!.size;
  }
  const following = parts[next];
  return following === undefined ? { items } : { items, cursor: `${following.reason}.${following.part}` };
}
