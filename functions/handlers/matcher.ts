// Scheduled matching: the counties named in the schedule's input, one after another (a county is the
// unit of work; the national fan-out runs counties in parallel elsewhere).
import { logger } from '#adapters/logger.js';
import { depsFromEnv } from '#services/deps.js';
import { runCountyMatching, type MatchingRunResult } from '#services/run-matching.js';
import { countiesOf } from '#services/scheduled-counties.js';
import { refreshKeptFigures } from '#services/county-stats.js';

const deps = depsFromEnv();

export const handler = async (event: unknown): Promise<{ runs: (MatchingRunResult & { county: string })[] }> => {
  const runs = [];
  for (const county of countiesOf(event)) {
    const run = await runCountyMatching(deps, county);
    logger.info('matching run', { county, ...run });
    // A big county's dashboard is served from its figures as last computed: bring them up to date.
    await refreshKeptFigures(deps, county);
    runs.push({ county, ...run });
  }
  return { runs };
};
