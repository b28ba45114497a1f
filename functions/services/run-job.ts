// The background worker's one entry: a job by its id, run to its end — or, for a job longer than one
// worker's time (a big county's matching run), to a hand-on: it starts the next worker on the same job.
// Whatever it throws is recorded as `failed` with a Chinese message, so no job is left `running` by an error.
import { logger } from '#adapters/logger.js';
import { failJob, readJob } from './background-job.js';
import { runBulkBookingJob } from './bulk-booking.js';
import { runBroadcastJob } from './broadcasts.js';
import type { Deps } from './deps.js';
import { HAND_ON_MS, runMatchingJob } from './matching-run-job.js';
import { runPovertyImportJob } from './poverty-import-job.js';

export interface WorkerTime {
  /** Milliseconds the worker has left (Lambda's context); absent: no limit (the in-process worker). */
  timeLeftMs?: () => number;
}

export async function runJob(deps: Deps, jobId: string, time: WorkerTime = {}): Promise<void> {
  const job = await readJob(deps, jobId);
  // Lambda may deliver an asynchronous event twice: a job already ended is not run again.
  if (!job || job.state !== 'running') {
    logger.warn('background job not run', { jobId, state: job?.state ?? 'missing' });
    return;
  }
  const { timeLeftMs } = time;
  const shouldPause = timeLeftMs ? () => timeLeftMs() < HAND_ON_MS : undefined;
  try {
    if (job.kind === 'povertyImport') await runPovertyImportJob(deps, job);
    if (job.kind === 'broadcast') await runBroadcastJob(deps, job);
    const turn =
      job.kind === 'matchingRun' ? await runMatchingJob(deps, job, shouldPause) : job.kind === 'bulkBooking' ? await runBulkBookingJob(deps, job, shouldPause) : 'ended';
    if (turn === 'handOn') {
      // The turn recorded its progress as it stopped: the job stays alive until the next worker's.
      if (!deps.jobs) throw new Error('no job launcher to hand the job on to');
      await deps.jobs.start(jobId);
      logger.info('background job handed on', { jobId, kind: job.kind });
    }
  } catch (error) {
    logger.error('background job failed', { jobId, kind: job.kind, error: error instanceof Error ? error.message : String(error) });
    await failJob(deps, jobId, error);
  }
}
