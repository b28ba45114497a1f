// The record of a county matching run (GET /matching/runs/{id}) and the labourers it left out with their
// reason (GET /matching/runs/{id}/unmatched): written as the run goes, read a page at a time, expiring
// with the season.
import { UNMATCHED_REASONS, type UnmatchedReason } from '#domain/matching/index.js';
import type { Deps } from './deps.js';

const RECORD_DAYS = 60;
/** Labourer ids per stored part and per page: ~30 KB an item, far under DynamoDB's 400 KB. */
export const UNMATCHED_PAGE = 1000;
const WRITE_CONCURRENCY = 16;
/** A run `running` with no progress this long died with its worker (15-minute Lambda, a margin). */
const STALE_AFTER_MS = 17 * 60_000;

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
  /** The background job writing a big county's run (GET /jobs/{id}). */
  jobId?: string;
  startedAt: string;
  updatedAt?: string;
  finishedAt?: string;
}

/** What the workers of a run written in turns have written so far (also what a failed run wrote). */
export interface RunSoFar {
  /** Offers written. */
  offers: number;
  /** Planned offers handled (written or skipped). */
  done: number;
  skipped: number;
  conflicted: number;
  /** Objective and poor placements of the offers written. */
  objective: number;
  poorPlaced: number;
}

export const NOTHING_YET: RunSoFar = { offers: 0, done: 0, skipped: 0, conflicted: 0, objective: 0, poorPlaced: 0 };

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

export async function startRunRecord(deps: Pick<Deps, 'db' | 'clock'>, runId: string, county: string, jobId?: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.entities.matchingRun
    .create({ runId, county, state: 'running', done: 0, total: 0, startedAt: now.toISOString(), expiresAt: expiresAt(now), ...(jobId ? { jobId } : {}) })
    .go();
}

export async function recordRunProgress(deps: Pick<Deps, 'db' | 'clock'>, runId: string, done: number, total: number): Promise<void> {
  await deps.db.entities.matchingRun.patch({ runId }).set({ done, total, updatedAt: deps.clock.now().toISOString() }).go();
}

/** A worker stopping before its time is up: what it wrote, for the next worker to go on from. */
export async function pauseRunRecord(deps: Pick<Deps, 'db' | 'clock'>, runId: string, soFar: RunSoFar, total: number): Promise<void> {
  await deps.db.entities.matchingRun
    .patch({ runId })
    .set({ done: soFar.done, total, offers: soFar.offers, soFar: JSON.stringify(soFar), updatedAt: deps.clock.now().toISOString() })
    .go();
}

export async function readRunSoFar(deps: Pick<Deps, 'db'>, runId: string): Promise<RunSoFar> {
  const { data } = await deps.db.entities.matchingRun.get({ runId }).go({ consistent: true, attributes: ['soFar'] });
  return data?.soFar ? (JSON.parse(data.soFar) as RunSoFar) : NOTHING_YET;
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

/** A run that stopped on an error: failed, with what it had written (those offers stand). */
export async function failRunRecord(deps: Pick<Deps, 'db' | 'clock'>, runId: string, written?: RunSoFar): Promise<void> {
  await deps.db.entities.matchingRun
    .patch({ runId })
    .set({
      state: 'failed',
      finishedAt: deps.clock.now().toISOString(),
      ...(written ? { done: written.done, offers: written.offers, objective: written.objective, poorPlaced: written.poorPlaced } : {}),
    })
    .go();
}

export async function readRunRecord(deps: Pick<Deps, 'db' | 'clock'>, runId: string): Promise<MatchingRunView | undefined> {
  const { data } = await deps.db.entities.matchingRun.get({ runId }).go();
  if (!data) return undefined;
  const { expiresAt: _expires, byReason, soFar: _soFar, ...rest } = data;
  // A worker that died (timeout, out of memory) never wrote its end: the run did not finish, say so.
  const stale = rest.state === 'running' && deps.clock.now().getTime() - Date.parse(rest.updatedAt ?? rest.startedAt) > STALE_AFTER_MS;
  return { ...rest, ...(stale ? { state: 'failed' as const } : {}), byReason: byReason ? JSON.parse(byReason) : {} };
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
