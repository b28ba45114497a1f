// National run, last step: the counties' results added up; counties that failed are listed, not fatal.
import * as z from 'zod/mini';
import { logger } from '#adapters/logger.js';
import { depsFromEnv } from '#services/deps.js';
import { nationalRunStore, recordRunFailure, summaryStep, type NationalRunSummary } from '#services/national-run.js';

// The run's last step, or (with `error`) the state machine's catch: the run failed after its plan.
const Event = z.object({ runId: z.string(), error: z.optional(z.string()) });

const deps = depsFromEnv();
const store = nationalRunStore(deps);

export const handler = async (event: unknown): Promise<(NationalRunSummary & { runId: string }) | { runId: string; failed: string }> => {
  const { runId, error } = Event.parse(event);
  if (error !== undefined) {
    await recordRunFailure(store, runId, error);
    logger.error('national run failed', { runId, error });
    return { runId, failed: error };
  }
  const summary = await summaryStep(store, runId);
  // Failed counties by code only: a code is no personal data.
  logger.info('national run finished', { ...summary, failed: summary.failed.slice(0, 100), failedCount: summary.failed.length });
  return summary;
};
