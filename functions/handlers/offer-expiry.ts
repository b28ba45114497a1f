// Scheduled sweep: offers past their deadline expire, their places go back, and the labourer is told.
import { logger } from '#adapters/logger.js';
import { depsFromEnv } from '#services/deps.js';
import { expireOffers } from '#services/offer-life-cycle.js';

const deps = depsFromEnv();

export const handler = async (): Promise<{ expired: number }> => {
  const expired = await expireOffers(deps);
  logger.info('offer expiry', { expired });
  return { expired };
};
