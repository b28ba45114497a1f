// National run, last step: the counties' results added up; counties that failed are listed, not fatal.
import * as z from 'zod/mini';
import { logger } from '#adapters/logger.js';
import { depsFromEnv } from '#services/deps.js';
import { nationalRunStore, summaryStep, type NationalRunSummary } from '#services/national-run.js';

const Event = z.object({ runId: z.string() });

const deps = depsFromEnv();
const store = nationalRunStore(deps);

export const handler = async (event: unknown): Promise<NationalRunSummary & { runId: string }> => {
  const { runId } = Event.parse(event);
  const summary = await summaryStep(store, runId);
  // Failed counties by code only: a code is no personal data.
  logger.info('national run finished', { ...summary, failed: summary.failed.slice(0, 100), failedCount: summary.failed.length });
  return summary;
};
