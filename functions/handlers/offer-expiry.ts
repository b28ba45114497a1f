// Scheduled sweep of what lapses with time: offers past their deadline expire (their places go back, the
// labourer is told), and 换号 requests nobody refused within the cooling period complete.
import { logger } from '#adapters/logger.js';
import { depsFromEnv } from '#services/deps.js';
import { expireOffers } from '#services/offer-life-cycle.js';
import { completeDuePhoneChanges } from '#services/phone-change.js';

const deps = depsFromEnv();

export const handler = async (): Promise<{ expired: number; phoneChanges: { done: number; refused: number } }> => {
  const expired = await expireOffers(deps);
  const phoneChanges = await completeDuePhoneChanges(deps);
  logger.info('expiry sweep', { expired, phoneChanges });
  return { expired, phoneChanges };
};
