// Background jobs under `npm start`: POST /labourers/poverty-import hands a large list to the same worker
// code the `jobs` Lambda runs (functions/services/run-job.ts), here in process, as an asynchronous Invoke
// would: the request answers at once and the job goes on.
import type { JobLauncher } from '../../functions/adapters/job-launcher.js';
import type { Deps } from '../../functions/services/deps.js';
import { runJob } from '../../functions/services/run-job.js';

export function inProcessJobLauncher(deps: Deps): JobLauncher & { settled(): Promise<void> } {
  const running = new Set<Promise<void>>();
  return {
    async start(jobId) {
      // runJob records its own failures; anything left (the store unreachable) is only logged, as Lambda would.
      const job = runJob(deps, jobId).catch((error: unknown) => console.error(`background job ${jobId}:`, error));
      running.add(job);
      void job.finally(() => running.delete(job));
    },
    async settled() {
      await Promise.all([...running]);
    },
  };
}
