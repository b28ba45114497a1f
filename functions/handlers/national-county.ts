// National run, per county (Step Functions Distributed Map item): `summarise` writes the county's class
// summary, `match` runs the county's matching within its allocation. Returns a small record; the
// Map keeps none of it (the results are run artifacts).
import * as z from 'zod/mini';
import { logger } from '#adapters/logger.js';
import { depsFromEnv } from '#services/deps.js';
import { matchStep, nationalRunStore, summariseStep } from '#services/national-run.js';

const Event = z.object({
  action: z.enum(['summarise', 'match']),
  runId: z.string(),
  county: z.string().check(z.regex(/^\d{6}$/)),
});

const deps = depsFromEnv();
const store = nationalRunStore(deps);

export const handler = async (event: unknown): Promise<{ county: string; done: string }> => {
  const { action, runId, county } = Event.parse(event);
  if (action === 'summarise') {
    const summary = await summariseStep(deps, store, runId, county);
    logger.info('national run: county summarised', { runId, ...summary });
  } else {
    const { runId: countyRunId, ...result } = await matchStep(deps, store, runId, county);
    logger.info('national run: county matched', { runId, countyRunId, ...result });
  }
  return { county, done: action };
};
