// Daily follow-up of the counties named in the schedule's input: watch list, ended posts, bus reminders.
import { logger } from '#adapters/logger.js';
import { depsFromEnv } from '#services/deps.js';
import { followUpCounty, type FollowUpResult } from '#services/follow-up.js';
import { countiesOf } from '#services/scheduled-counties.js';

const deps = depsFromEnv();

export const handler = async (event: unknown): Promise<{ counties: FollowUpResult[] }> => {
  const counties = [];
  for (const county of countiesOf(event)) {
    const result = await followUpCounty(deps, county);
    logger.info('follow-up', { ...result });
    counties.push(result);
  }
  return { counties };
};
