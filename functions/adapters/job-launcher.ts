// Starting a background job (functions/handlers/jobs.ts). Deployed: an asynchronous Invoke of the `jobs`
// Lambda with `{jobId}` (Lambda queues it; the api answers at once). Locally: bin/local runs the same
// worker code in process and registers itself here.
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ENV, optionalEnv } from '#config/env.js';

export interface JobLauncher {
  start(jobId: string): Promise<void>;
}

export function lambdaJobLauncher(functionName: string, lambda = new LambdaClient({})): JobLauncher {
  return {
    async start(jobId) {
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
