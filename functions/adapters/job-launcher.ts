// Starting a background job (functions/handlers/jobs.ts). Deployed: an asynchronous Invoke of the `jobs`
// Lambda with `{jobId}` (Lambda queues it; the api answers at once). Locally: bin/local runs the same
// worker code in process and registers itself here.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { ENV, optionalEnv } from '#config/env.js';

export interface JobLauncher {
  start(jobId: string): Promise<void>;
}

// The Lambda SDK is loaded when the first job starts, not at import: few cold starts start one (issue #21).
const lambdaSdk = () => import('@aws-sdk/client-lambda');

export function lambdaJobLauncher(functionName: string, client?: LambdaClient): JobLauncher {
  let lambda: LambdaClient | undefined;
  return {
    async start(jobId) {
      const { InvokeCommand, LambdaClient } = await lambdaSdk();
      lambda ??= client ?? new LambdaClient({});
      await lambda.send(
        new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify({ jobId })) }),
      );
    },
  };
}

/** Set by bin/local/system.ts: the in-process worker of `npm start`. */
export const inProcessJobs: { launcher?: JobLauncher } = {};

/** The jobs Lambda when JOBS_FUNCTION_NAME is set, else the in-process worker (undefined: neither). */
export function jobLauncherFromEnv(): JobLauncher | undefined {
  const name = optionalEnv(ENV.jobsFunctionName);
  return name ? lambdaJobLauncher(name) : inProcessJobs.launcher;
}
