// A national run on one machine: the state machine's steps (lib/constructs/national.ts), in the same
// order and with the same step functions, the two Distributed Maps replaced by a bounded Promise pool.
//
// Why a Promise pool and not worker_threads: a county step is mostly DynamoDB reads and offer
// transactions (awaiting I/O, which a pool overlaps), while a worker would need its own DynamoDB
// client and table binding rebuilt from the environment, a tsx loader of its own, and structured
// copies of every result — for counties whose matchCounty takes a fraction of a second. The pool
// keeps the failure semantics of the Map: a county that throws is retried, then recorded as failed,
// and the run goes on.
//
//   npx tsx bin/local/national-run.ts [--parallelism 8] [county …]   (TABLE_NAME, DYNAMODB_ENDPOINT as for npm start)
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { NationalRunLauncher, NationalRunState } from '../../functions/adapters/national-run-launcher.js';
import { depsFromEnv, type Deps } from '../../functions/services/deps.js';
import {
  allocateStep,
  boundedPool,
  matchStep,
  nationalRunStore,
  planStep,
  recordRunFailure,
  summariseStep,
  summaryStep,
  type AllocateStepResult,
  type CountyFailure,
  type NationalRunSummary,
} from '../../functions/services/national-run.js';

export interface LocalNationalRunOptions {
  /** County steps at a time (the state machine's MaxConcurrency). Default 8. */
  parallelism?: number;
  /** Attempts per county step (the Map items' Retry). Default 3. */
  attempts?: number;
  /** The run's id, when whoever started it chose one (POST /matching/national-runs). */
  runId?: string;
}

export interface LocalNationalRun extends NationalRunSummary {
  runId: string;
  allocation: Omit<AllocateStepResult, 'counties'>;
  /** Steps that failed after their attempts, with the last error. */
  errors: (CountyFailure & { step: 'summarise' | 'match' })[];
}

async function attempt<T>(attempts: number, work: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** i));
    }
  }
}

/** Runs a national run over `counties` (every county of the country when empty). */
export async function runNationalLocally(
  deps: Deps,
  counties: readonly string[],
  options: LocalNationalRunOptions = {},
): Promise<LocalNationalRun> {
  const parallelism = options.parallelism ?? 8;
  const attempts = options.attempts ?? 3;
  const store = nationalRunStore(deps);
  const errors: LocalNationalRun['errors'] = [];
  const step = (name: 'summarise' | 'match', run: (county: string) => Promise<unknown>) => async (county: string) => {
    try {
      await attempt(attempts, () => run(county));
    } catch (error) {
      errors.push({ step: name, county, error: error instanceof Error ? error.message : String(error) });
    }
  };

  const plan = await planStep(deps, store, options.runId === undefined ? { counties } : { counties, runId: options.runId });
  try {
    await boundedPool(plan.counties, parallelism, step('summarise', (county) => summariseStep(deps, store, plan.runId, county)));
    const { counties: order, ...allocation } = await allocateStep(deps, store, plan.runId);
    await boundedPool(order, parallelism, step('match', (county) => matchStep(deps, store, plan.runId, county)));
    const summary = await summaryStep(store, plan.runId);
    return { ...summary, allocation, errors };
  } catch (error) {
    // As the state machine's catch: the run's outcome says it failed.
    await recordRunFailure(store, plan.runId, error instanceof Error ? error.name : String(error)).catch(() => undefined);
    throw error;
  }
}

/**
 * POST /matching/national-runs under `npm start`: each run goes on in the background, as an execution
 * would; a run fails as a whole only when a step outside the county Maps fails.
 */
export function inProcessLauncher(deps: Deps, options: LocalNationalRunOptions = {}): NationalRunLauncher & { settled(): Promise<void> } {
  const runs = new Map<string, { state: NationalRunState; done: Promise<void> }>();
  return {
    async start({ runId, counties }) {
      if (runs.has(runId)) return;
      const run = { state: 'running' as NationalRunState, done: Promise.resolve() };
      run.done = runNationalLocally(deps, counties ?? [], { ...options, runId }).then(
        () => void (run.state = 'succeeded'),
        (error: unknown) => {
          run.state = 'failed';
          console.error(`national run ${runId}:`, error);
        },
      );
      runs.set(runId, run);
    },
    async state(runId) {
      return runs.get(runId)?.state;
    },
    async settled() {
      await Promise.all([...runs.values()].map((r) => r.done));
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { parallelism: { type: 'string', default: '8' } },
  });
  const result = await runNationalLocally(depsFromEnv(), positionals, { parallelism: Number(values.parallelism) });
  console.log(JSON.stringify(result, null, 2));
}
