// National run, once per run (Step Functions task): `plan` lists the counties and digests the open
// vacancies; `allocate` splits the jobs' places among the counties from their summaries. Payloads are a
// run id and county codes only: summaries and quotas are run artifacts in the table.
import * as z from 'zod/mini';
import { ID_PATTERN } from '#adapters/ids.js';
import { logger } from '#adapters/logger.js';
import { depsFromEnv } from '#services/deps.js';
import { allocateStep, nationalRunStore, planStep, type AllocateStepResult } from '#services/national-run.js';

const county = z.string().check(z.regex(/^\d{6}$/));
const Event = z.discriminatedUnion('action', [
  // The execution's input (the schedule's, or POST /matching/national-runs's with the run id it
  // named the execution after): no counties = every county.
  z.object({
    action: z.literal('plan'),
    input: z.optional(z.object({ counties: z.optional(z.array(county)), runId: z.optional(z.string().check(z.regex(ID_PATTERN))) })),
  }),
  z.object({ action: z.literal('allocate'), runId: z.string() }),
]);

const deps = depsFromEnv();
const store = nationalRunStore(deps);

export const handler = async (event: unknown): Promise<{ runId: string; counties: string[] } | AllocateStepResult> => {
  const input = Event.parse(event);
  if (input.action === 'plan') {
    const { counties, runId } = input.input ?? {};
    const plan = await planStep(deps, store, { ...(counties !== undefined ? { counties } : {}), ...(runId !== undefined ? { runId } : {}) });
    logger.info('national run planned', { runId: plan.runId, counties: plan.counties.length });
    return plan;
  }
  const allocated = await allocateStep(deps, store, input.runId);
  logger.info('national allocation', { runId: allocated.runId, ...allocated.stats, poorPlaced: allocated.poorPlaced, unsummarised: allocated.unsummarised.length });
  return allocated;
};
