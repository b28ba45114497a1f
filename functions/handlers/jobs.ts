// The background-jobs worker: invoked asynchronously by the api with `{jobId}` (15-minute timeout). A job
// longer than that (a big county's matching run, a season's buses) stops before the time is up and
// invokes this same function again on the same job (functions/services/run-job.ts): its own name comes
// from the Lambda runtime.
import type { Context } from 'aws-lambda';
import { ID_PATTERN } from '#adapters/ids.js';
import { lambdaJobLauncher } from '#adapters/job-launcher.js';
import { logger } from '#adapters/logger.js';
import { depsFromEnv } from '#services/deps.js';
import { runJob } from '#services/run-job.js';

const self = process.env.AWS_LAMBDA_FUNCTION_NAME;
const deps = { ...depsFromEnv(), ...(self ? { jobs: lambdaJobLauncher(self) } : {}) };

export const handler = async (event: { jobId?: unknown }, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<void> => {
  if (typeof event?.jobId !== 'string' || !ID_PATTERN.test(event.jobId)) {
    logger.error('background job event without a job id', { event });
    return;
  }
  await runJob(deps, event.jobId, context ? { timeLeftMs: () => context.getRemainingTimeInMillis() } : {});
};
