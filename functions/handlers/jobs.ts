// The background-jobs worker: invoked asynchronously by the api with `{jobId}` (15-minute timeout).
import { ID_PATTERN } from '#adapters/ids.js';
import { logger } from '#adapters/logger.js';
import { depsFromEnv } from '#services/deps.js';
import { runJob } from '#services/run-job.js';

const deps = depsFromEnv();

export const handler = async (event: { jobId?: unknown }): Promise<void> => {
  if (typeof event?.jobId !== 'string' || !ID_PATTERN.test(event.jobId)) {
    logger.error('background job event without a job id', { event });
    return;
  }
  await runJob(deps, event.jobId);
};
