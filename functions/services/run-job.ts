// The background worker's one entry: a job by its id, run to its end. Whatever it throws is recorded as
// `failed` with a Chinese message, so no job is left `running` by an error.
import { logger } from '#adapters/logger.js';
import { failJob, readJob } from './background-job.js';
import type { Deps } from './deps.js';
import { runPovertyImportJob } from './poverty-import-job.js';

export async function runJob(deps: Deps, jobId: string): Promise<void> {
  const job = await readJob(deps, jobId);
  // Lambda may deliver an asynchronous event twice: a job already ended is not run again.
  if (!job || job.state !== 'running') {
    logger.warn('background job not run', { jobId, state: job?.state ?? 'missing' });
    return;
  }
  try {
    if (job.kind === 'povertyImport') await runPovertyImportJob(deps, job);
  } catch (error) {
    logger.error('background job failed', { jobId, kind: job.kind, error: error instanceof Error ? error.message : String(error) });
    await failJob(deps, jobId, error);
  }
}
