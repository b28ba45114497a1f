// Scheduled sweep of what lapses with time: offers past their deadline expire (their places go back, the
// labourer is told), 换号 requests nobody refused within the cooling period complete, and SMS held for
// quiet hours or a scheduled broadcast are released once their time has come (first, so an offer whose
// SMS goes now is not expired on a deadline that runs from its sending).
import { logger } from '#adapters/logger.js';
import { depsFromEnv } from '#services/deps.js';
import { expireOffers } from '#services/offer-life-cycle.js';
import { completeDuePhoneChanges } from '#services/phone-change.js';
import { releaseHeldSms } from '#services/release-held-sms.js';

const deps = depsFromEnv();

export const handler = async (): Promise<{ released: number; expired: number; phoneChanges: { done: number; refused: number } }> => {
  const released = await releaseHeldSms(deps);
  const expired = await expireOffers(deps);
  const phoneChanges = await completeDuePhoneChanges(deps);
  logger.info('expiry sweep', { released, expired, phoneChanges });
  return { released, expired, phoneChanges };
};
