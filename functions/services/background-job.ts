// A background job's record and its input file (store/entities/job.ts, job-input.ts): created by the api
// before the worker is started, then moved along by the worker (functions/services/run-job.ts).
import { AppError } from '#domain/errors.js';
import type { Deps } from './deps.js';

export type JobKind = 'povertyImport';
export type JobState = 'running' | 'done' | 'failed';

const KEEP_SECONDS = 14 * 24 * 3600;
/** Raw bytes per part: base64 makes 240 KB into 320 K characters, an item under 350 KB (6 MB: 26 parts). */
const PART_BYTES = 240 * 1024;
/**
 * A job still `running` this long after it was created died with its Lambda (lib/constructs/background-jobs.ts:
 * started within 1 minute or never, no retry, 15-minute timeout) and a margin.
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
  const stale = data.state === 'running' && deps.clock.now().getTime() - Date.parse(data.createdAt) > STALE_AFTER_MS;
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
    ...(stale ? { error: '后台任务超时中断，请重新导入' } : data.error !== undefined ? { error: data.error } : {}),
    createdAt: data.createdAt,
    ...(data.finishedAt !== undefined ? { finishedAt: data.finishedAt } : {}),
  };
}

/** What GET /jobs/{id} shows (not who started it nor the county: the caller knows). */
export function jobView({ county: _county, startedBy: _startedBy, ...view }: JobRecord): JobView {
  return view;
}

export async function recordJobProgress(deps: Pick<Deps, 'db'>, jobId: string, done: number): Promise<void> {
  await deps.db.entities.job.patch({ jobId }).set({ done }).go();
}

export async function finishJob(deps: Pick<Deps, 'db' | 'clock'>, jobId: string, total: number, result: unknown): Promise<void> {
  const finishedAt = deps.clock.now().toISOString();
  await deps.db.entities.job.patch({ jobId }).set({ state: 'done', done: total, result: JSON.stringify(result), finishedAt }).go();
}

/** A Chinese message for the coordinator: our own errors say what went wrong, anything else is generic. */
export function jobErrorMessage(error: unknown): string {
  return error instanceof AppError ? error.message : '后台任务出错，没有做完：请重新导入；一直出错请联系管理员';
}

export async function failJob(deps: Pick<Deps, 'db' | 'clock'>, jobId: string, error: unknown): Promise<void> {
  const finishedAt = deps.clock.now().toISOString();
  await deps.db.entities.job.patch({ jobId }).set({ state: 'failed', error: jobErrorMessage(error), finishedAt }).go();
}
