// A background job's record and its input file (store/entities/job.ts, job-input.ts): created by the api
// before the worker is started, then moved along by the worker (functions/services/run-job.ts).
import { AppError } from '#domain/errors.js';
import type { JOB_KINDS } from '#store/entities/job.js';
import type { Deps } from './deps.js';

export type JobKind = (typeof JOB_KINDS)[number];
export type JobState = 'running' | 'done' | 'failed';

const KEEP_SECONDS = 14 * 24 * 3600;
/** Raw bytes per part: base64 makes 240 KB into 320 K characters, an item under 350 KB (6 MB: 26 parts). */
const PART_BYTES = 240 * 1024;
/**
 * A job still `running` this long after its last sign of life (created, progress, a worker taking over)
 * died with its Lambda (lib/constructs/background-jobs.ts: started within 1 minute or never, no retry,
 * 15-minute timeout) and a margin. A job longer than one worker hands on to the next before its time is
 * up (matching runs), so it stays alive as long as it makes progress.
 */
const STALE_AFTER_MS = 17 * 60_000;

export interface JobView {
  jobId: string;
  kind: JobKind;
  state: JobState;
  done: number;
  total: number;
  result?: unknown;
  error?: string;
  createdAt: string;
  finishedAt?: string;
}

export interface JobRecord extends JobView {
  county: string;
  startedBy: string;
}

const expiresAt = (deps: Pick<Deps, 'clock'>) => Math.floor(deps.clock.now().getTime() / 1000) + KEEP_SECONDS;

/** Records a job `running` with its input file; the caller then starts the worker. */
export async function createJob(
  deps: Pick<Deps, 'db' | 'clock' | 'newId'>,
  job: { kind: JobKind; county: string; startedBy: string; total: number },
  input: Uint8Array,
): Promise<JobRecord> {
  const jobId = deps.newId();
  const createdAt = deps.clock.now().toISOString();
  const parts: { jobId: string; part: number; base64: string; expiresAt: number }[] = [];
  for (let offset = 0, part = 0; offset < input.length || part === 0; offset += PART_BYTES, part++) {
    parts.push({ jobId, part, base64: Buffer.from(input.subarray(offset, offset + PART_BYTES)).toString('base64'), expiresAt: expiresAt(deps) });
  }
  // The input first: a job record the worker can read is complete.
  await Promise.all(parts.map((p) => deps.db.entities.jobInput.create(p).go()));
  const record = { jobId, ...job, state: 'running' as const, done: 0, createdAt, expiresAt: expiresAt(deps) };
  await deps.db.entities.job.create(record).go();
  return { jobId, kind: job.kind, county: job.county, startedBy: job.startedBy, state: 'running', done: 0, total: job.total, createdAt };
}

export async function readJobInput(deps: Pick<Deps, 'db'>, jobId: string): Promise<Uint8Array> {
  const { data } = await deps.db.entities.jobInput.query.byJob({ jobId }).go({ pages: 'all' });
  // Number sort keys sort as text (10 before 2): order the parts here.
  const parts = data.sort((a, b) => a.part - b.part).map((p) => Buffer.from(p.base64, 'base64'));
  return new Uint8Array(Buffer.concat(parts));
}

export async function readJob(deps: Pick<Deps, 'db' | 'clock'>, jobId: string): Promise<JobRecord | undefined> {
  const { data } = await deps.db.entities.job.get({ jobId }).go();
  if (!data) return undefined;
  const stale = data.state === 'running' && deps.clock.now().getTime() - Date.parse(data.updatedAt ?? data.createdAt) > STALE_AFTER_MS;
  return {
    jobId: data.jobId,
    kind: data.kind,
    county: data.county,
    startedBy: data.startedBy,
    // A worker that timed out or crashed never wrote its end: the job did not finish, say so.
    state: stale ? 'failed' : data.state,
    done: data.done,
    total: data.total,
    ...(data.result !== undefined ? { result: JSON.parse(data.result) as unknown } : {}),
    ...(stale ? { error: STALE_ERROR[data.kind] } : data.error !== undefined ? { error: data.error } : {}),
    createdAt: data.createdAt,
    ...(data.finishedAt !== undefined ? { finishedAt: data.finishedAt } : {}),
  };
}

/** What GET /jobs/{id} shows (not who started it nor the county: the caller knows). */
export function jobView({ county: _county, startedBy: _startedBy, ...view }: JobRecord): JobView {
  return view;
}

const STALE_ERROR: Record<JobKind, string> = {
  povertyImport: '后台任务超时中断，请重新导入',
  matchingRun: '匹配中断：已发出的录用通知有效，再匹配一次会接着为其余的人匹配',
  bulkBooking: '预订中断：已订的座位有效，再预订一次会接着订其余的车',
  broadcast: '群发中断：已写入的短信照常发送，请查看后重新群发其余的人',
};

/**
 * `done` so far (and `total`, when a job learns it on the way; `soFar`, the result so far of a job that
 * may be handed on to another worker); also the job's sign of life.
 */
export async function recordJobProgress(deps: Pick<Deps, 'db' | 'clock'>, jobId: string, done: number, total?: number, soFar?: unknown): Promise<void> {
  const updatedAt = deps.clock.now().toISOString();
  await deps.db.entities.job
    .patch({ jobId })
    .set({ done, updatedAt, ...(total !== undefined ? { total } : {}), ...(soFar !== undefined ? { result: JSON.stringify(soFar) } : {}) })
    .go();
}

export async function finishJob(deps: Pick<Deps, 'db' | 'clock'>, jobId: string, total: number, result: unknown): Promise<void> {
  const finishedAt = deps.clock.now().toISOString();
  await deps.db.entities.job.patch({ jobId }).set({ state: 'done', done: total, total, result: JSON.stringify(result), finishedAt }).go();
}

/** A Chinese message for the coordinator: our own errors say what went wrong, anything else is generic. */
export function jobErrorMessage(error: unknown): string {
  return error instanceof AppError ? error.message : '后台任务出错，没有做完：请重新导入；一直出错请联系管理员';
}

/** `result`: what the job did before it failed (a matching run's offers written, trips booked). */
export async function failJob(deps: Pick<Deps, 'db' | 'clock'>, jobId: string, error: unknown, result?: unknown): Promise<void> {
  const finishedAt = deps.clock.now().toISOString();
  await deps.db.entities.job
    .patch({ jobId })
    .set({ state: 'failed', error: jobErrorMessage(error), finishedAt, ...(result !== undefined ? { result: JSON.stringify(result) } : {}) })
    .go();
}
