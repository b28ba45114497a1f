// Scheduled matching: the counties named in the schedule's input, one after another (a county is the
// unit of work; the national fan-out runs counties in parallel elsewhere).
import { logger } from '#adapters/logger.js';
import { MatcherEvent } from '#http/schemas/matching.js';
import { depsFromEnv } from '#services/deps.js';
import { runCountyMatching, type MatchingRunResult } from '#services/run-matching.js';

const deps = depsFromEnv();

export const handler = async (event: unknown): Promise<{ runs: (MatchingRunResult & { county: string })[] }> => {
  const input = MatcherEvent.safeParse(event ?? {});
  if (!input.success) {
    logger.error('matcher input is not {county} or {counties: [...]}', { issues: input.error.issues.length });
    return { runs: [] };
  }
  const counties = [...new Set([...(input.data.county ? [input.data.county] : []), ...(input.data.counties ?? [])])];
  const runs = [];
  for (const county of counties) {
    const run = await runCountyMatching(deps, county);
    logger.info('matching run', { county, ...run });
    runs.push({ county, ...run });
  }
  return { runs };
};
