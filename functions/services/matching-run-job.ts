// POST /matching/runs, at once or in the background. A county with up to SYNC_OPEN_LABOURERS open
// labourers is matched within the request (at most that many offers: ~10 s of writes at 8 parallel
// transactions, well inside the HTTP API's 30 s) and answers the run; a bigger one becomes a job
// (202 {runId, jobId}) that the coordinator follows with GET /matching/runs/{id} or GET /jobs/{id}.
// The job's worker (Lambda, 15 minutes) stops writing HAND_ON_MS before its time is up and starts the
// next worker on the same job, which solves again what is still open and goes on (run-matching.ts): a
// run of any size finishes, one worker at a time, with one record. A worker that fails marks the run and
// the job failed with the offers it wrote; those stand, and the next run matches only who is still open.
import { logger } from '#adapters/logger.js';
import { UnavailableError } from '#domain/errors.js';
import { createJob, failJob, finishJob, readJobInput, recordJobProgress, type JobRecord } from './background-job.js';
import type { Deps } from './deps.js';
import { failRunRecord, readRunRecord, readRunSoFar, startRunRecord } from './matching-run-record.js';
import { refreshKeptFigures } from './county-stats.js';
import { continueMatchingRun, runCountyMatching, type MatchingRunResult } from './run-matching.js';

/** Open labourers up to which a run answers at once (README: "small counties"). */
export const SYNC_OPEN_LABOURERS = 2000;
/** A worker hands on when this little of its time is left (a batch of writes takes well under a second). */
export const HAND_ON_MS = 2 * 60_000;

export type MatchingRunStart = { ran: 'now'; result: MatchingRunResult } | { ran: 'background'; runId: string; job: JobRecord };

/** Whether the county has more open labourers than a request may match: reads at most the first SYNC_OPEN_LABOURERS + 1 keys. */
async function isLarge(deps: Deps, county: string): Promise<boolean> {
  const query = deps.db.entities.labourer.query.labourersByCounty({ homeCounty: county, status: 'registered' });
  let seen = 0;
  let cursor: string | null = null;
  do {
    const page: { data: unknown[]; cursor: string | null } = await query.go({ cursor, limit: SYNC_OPEN_LABOURERS + 1 - seen, attributes: ['labourerId'] });
    seen += page.data.length;
    cursor = page.cursor;
  } while (cursor !== null && seen <= SYNC_OPEN_LABOURERS);
  return seen > SYNC_OPEN_LABOURERS;
}

/**
 * A big county's dashboard is served its figures as last computed (county-stats.ts): after a run they
 * are recomputed, so the offers it made show at once. A failure here costs only stale tiles, not the run.
 */
async function refreshFiguresAfterRun(deps: Deps, county: string): Promise<void> {
  try {
    await refreshKeptFigures(deps, county);
  } catch (error) {
    logger.warn('county figures not refreshed after a run', { county, error: error instanceof Error ? error.message : String(error) });
  }
}

/** `background`: a job whatever the county's size (tests of the worker on a small county). */
export async function startMatchingRun(deps: Deps, county: string, actor: string, options: { background?: boolean } = {}): Promise<MatchingRunStart> {
  const large = options.background === true || (await isLarge(deps, county));
  if (!large) {
    const result = await runCountyMatching(deps, county);
    await refreshFiguresAfterRun(deps, county);
    return { ran: 'now', result };
  }
  if (!deps.jobs) throw new UnavailableError('后台任务没有配置，暂时不能为大县匹配');
  const runId = deps.newId();
  const job = await createJob(deps, { kind: 'matchingRun', county, startedBy: actor, total: 0 }, new TextEncoder().encode(JSON.stringify({ runId })));
  await startRunRecord(deps, runId, county, job.jobId);
  try {
    await deps.jobs.start(job.jobId);
  } catch (error) {
    await failJob(deps, job.jobId, error);
    await failRunRecord(deps, runId);
    throw error;
  }
  return { ran: 'background', runId, job };
}

export class MatchingInterruptedError extends UnavailableError {
  constructor(offers: number) {
    super(`匹配中断：已发出 ${offers} 份录用通知（有效）；再匹配一次会接着为其余的人匹配，不会重复发`);
  }
}

/**
 * The worker's turn: `handOn` when it stopped for its time (the caller starts the next worker), `ended`
 * when the run is done or failed (both recorded on the job and the run).
 */
export async function runMatchingJob(deps: Deps, job: JobRecord, shouldPause?: () => boolean): Promise<'handOn' | 'ended'> {
  const { runId } = JSON.parse(new TextDecoder().decode(await readJobInput(deps, job.jobId))) as { runId: string };
  const soFar = await readRunSoFar(deps, runId);
  try {
    const turn = await continueMatchingRun(
      deps,
      runId,
      job.county,
      { ...(shouldPause ? { shouldPause } : {}), onProgress: (done, total) => recordJobProgress(deps, job.jobId, done, total) },
      soFar,
    );
    if (turn.state === 'paused') return 'handOn';
    const { skipped: _skipped, conflicted: _conflicted, ...result } = turn.result;
    const run = await readRunRecord(deps, runId);
    // Before the job reads done: the page then reloads the figures, and they must include the run.
    await refreshFiguresAfterRun(deps, job.county);
    await finishJob(deps, job.jobId, run?.total ?? 0, result);
    return 'ended';
  } catch (error) {
    // The run is marked failed with what it wrote (continueMatchingRun): the job says the same, in Chinese.
    logger.error('matching job failed', { jobId: job.jobId, runId, error: error instanceof Error ? error.message : String(error) });
    const run = await readRunRecord(deps, runId);
    const offers = run?.offers ?? 0;
    // The offers it made stand: the figures should show them too.
    await refreshFiguresAfterRun(deps, job.county);
    await failJob(deps, job.jobId, new MatchingInterruptedError(offers), { runId, offers });
    return 'ended';
  }
}
