// Phone verification for public registration, as Chinese government forms do it: a 6-digit code by SMS
// (a fixed text: nothing the caller typed is sent), 10 minutes, 5 tries. Codes are limited per phone
// (one a minute, five a day) and per client (twenty an hour) in the table, so the limits hold across
// Lambda instances: the form can no longer be used to send SMS to numbers of someone's choosing.
// Four write units a code: the client's counter, the code, the phone's day counter, the SMS.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { CHINA_UTC_OFFSET_SECONDS } from '#domain/calendar.js';
import { RateLimitedError, ValidationError, VerificationRequiredError } from '#domain/errors.js';
import { normalizeMainlandMobile } from '#domain/phone.js';
import { renderSms } from '#domain/sms/templates.js';
import { isConditionFailure } from '#store/condition-failure.js';
import type { Deps } from './deps.js';
import { writeOutbox } from './outbox.js';
import { countInWindow, secondsLeftInWindow, takeFromLimit, type RateLimit } from './rate-limit.js';

export const CODE_TTL_SECONDS = 600;
const RESEND_AFTER_SECONDS = 60;
const TRIES = 5;

export const VERIFY_LIMITS = {
  perClientHour: { name: 'verify-client-hour', max: 20, windowSeconds: 3600 },
  perPhoneDay: { name: 'verify-phone-day', max: 5, windowSeconds: 86_400, utcOffsetSeconds: CHINA_UTC_OFFSET_SECONDS },
} satisfies Record<string, RateLimit>;

const hashCode = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest();

/** Sends a code to `rawPhone`; `client` keys the per-client limit (the caller's IP address). */
export async function sendVerificationCode(deps: Deps, rawPhone: string, client: string): Promise<{ expiresInSeconds: number }> {
  const phone = normalizeMainlandMobile(rawPhone);
  if (!phone.ok) throw new ValidationError('手机号码有误', [{ path: 'phone', message: '请填写中国大陆手机号码' }]);
  const tooSoon = (wait: number) => new RateLimitedError(`获取验证码太频繁，请${wait > 90 ? `${Math.ceil(wait / 60)} 分钟` : `${wait} 秒`}后再试`, wait);
  const take = async (limit: RateLimit, subject: string) => {
    const decision = await takeFromLimit(deps, limit, subject);
    if (!decision.ok) throw tooSoon(decision.retryAfterSeconds);
  };
  // The client's own budget first: a sender spraying many numbers spends it, not the numbers' budgets.
  await take(VERIFY_LIMITS.perClientHour, client);
  if ((await countInWindow(deps, VERIFY_LIMITS.perPhoneDay, phone.e164)) >= VERIFY_LIMITS.perPhoneDay.max) {
    throw tooSoon(secondsLeftInWindow(deps, VERIFY_LIMITS.perPhoneDay));
  }

  // The code item itself keeps a phone to one code a minute (a conditional put, no counter of its own).
  const nowSeconds = Math.floor(deps.clock.now().getTime() / 1000);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  try {
    await deps.db.entities.phoneVerification
      .put({ phone: phone.e164, codeHash: hashCode(phone.e164, code).toString('hex'), triesLeft: TRIES, sentAt: nowSeconds, expiresAt: nowSeconds + CODE_TTL_SECONDS })
      .where(({ sentAt }, { notExists, lte }) => `${notExists(sentAt)} OR ${lte(sentAt, nowSeconds - RESEND_AFTER_SECONDS)}`)
      .go();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const { data } = await deps.db.entities.phoneVerification.get({ phone: phone.e164 }).go();
    throw tooSoon(Math.max(1, (data?.sentAt ?? nowSeconds) + RESEND_AFTER_SECONDS - nowSeconds));
  }
  await take(VERIFY_LIMITS.perPhoneDay, phone.e164);
  // Not in a transaction with the code: a lost SMS is asked for again, and a transaction bills double.
  await writeOutbox(deps, { to: phone.e164, sms: renderSms('verificationCode', { code }) });
  return { expiresInSeconds: CODE_TTL_SECONDS };
}

/**
 * Checks `code` for `phone` (E.164). A try is spent before the comparison, in one conditional write, so
 * no burst of simultaneous guesses gets more than the code's five. A code is not spent by a registration
 * that succeeds: the phone is registered then, and only its holder could use the code again.
 */
export async function checkVerificationCode(deps: Pick<Deps, 'db' | 'clock'>, phone: string, code: string | undefined): Promise<void> {
  const required = (message: string, detail: string) => new VerificationRequiredError(message, [{ path: 'verificationCode', message: detail }]);
  if (!code) throw required('请先验证手机号码', '请点“获取验证码”，填写手机收到的 6 位验证码');
  const nowSeconds = Math.floor(deps.clock.now().getTime() / 1000);
  let tried: { codeHash: string; triesLeft: number };
  try {
    const { data } = await deps.db.entities.phoneVerification
      .patch({ phone })
      .subtract({ triesLeft: 1 })
      .where(({ triesLeft, expiresAt }, { gt }) => `${gt(triesLeft, 0)} AND ${gt(expiresAt, nowSeconds)}`)
      .go({ response: 'all_new' });
    tried = data as typeof tried;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    throw required('验证码已失效', '验证码已过期、已用过或错误次数太多，请重新获取');
  }
  if (timingSafeEqual(Buffer.from(tried.codeHash, 'hex'), hashCode(phone, code))) return;
  throw required('验证码不对', tried.triesLeft > 0 ? `验证码不对，还可以再试 ${tried.triesLeft} 次` : '验证码不对，请重新获取');
}

/** A code that reached a refused registration is spent: one code, one answer (no probing of ID numbers). */
export async function spendVerificationCode(deps: Pick<Deps, 'db'>, phone: string): Promise<void> {
  await deps.db.entities.phoneVerification.delete({ phone }).go();
}
