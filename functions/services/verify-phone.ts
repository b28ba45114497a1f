// Phone verification for public registration, as Chinese government forms do it: a 6-digit code by SMS
// (a fixed text: nothing the caller typed is sent), 10 minutes, 5 tries. Codes are limited per phone
// (one a minute, five a day) and per client (twenty an hour) in the table, so the limits hold across
// Lambda instances: the form can no longer be used to send SMS to numbers of someone's choosing.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { RateLimitedError, ValidationError, VerificationRequiredError } from '#domain/errors.js';
import { normalizeMainlandMobile } from '#domain/phone.js';
import { renderSms } from '#domain/sms/templates.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import type { Deps } from './deps.js';
import { outboxPart } from './outbox.js';
import { takeFromLimit, type RateLimit } from './rate-limit.js';

export const CODE_TTL_SECONDS = 600;
const TRIES = 5;

export const VERIFY_LIMITS = {
  perClientHour: { name: 'verify-client-hour', max: 20, windowSeconds: 3600 },
  perPhoneMinute: { name: 'verify-phone-minute', max: 1, windowSeconds: 60 },
  perPhoneDay: { name: 'verify-phone-day', max: 5, windowSeconds: 86_400 },
} satisfies Record<string, RateLimit>;

const hashCode = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest();

/** Sends a code to `rawPhone`; `client` keys the per-client limit (the caller's IP address). */
export async function sendVerificationCode(deps: Deps, rawPhone: string, client: string): Promise<{ expiresInSeconds: number }> {
  const phone = normalizeMainlandMobile(rawPhone);
  if (!phone.ok) throw new ValidationError('手机号码有误', [{ path: 'phone', message: '请填写中国大陆手机号码' }]);
  // The client's own budget first: a sender spraying many numbers spends it, not the numbers' budgets.
  const checks: [RateLimit, string][] = [
    [VERIFY_LIMITS.perClientHour, client],
    [VERIFY_LIMITS.perPhoneMinute, phone.e164],
    [VERIFY_LIMITS.perPhoneDay, phone.e164],
  ];
  for (const [limit, subject] of checks) {
    const decision = await takeFromLimit(deps, limit, subject);
    if (!decision.ok) {
      const wait = decision.retryAfterSeconds;
      throw new RateLimitedError(`获取验证码太频繁，请${wait > 90 ? `${Math.ceil(wait / 60)} 分钟` : `${wait} 秒`}后再试`, wait);
    }
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = Math.floor(deps.clock.now().getTime() / 1000) + CODE_TTL_SECONDS;
  await writeTransaction(deps.db, [
    {
      name: 'verification',
      item: ({ phoneVerification }) =>
        phoneVerification.put({ phone: phone.e164, codeHash: hashCode(phone.e164, code).toString('hex'), triesLeft: TRIES, expiresAt }).commit(),
    },
    outboxPart(deps, { to: phone.e164, sms: renderSms('verificationCode', { code }) }),
  ]);
  return { expiresInSeconds: CODE_TTL_SECONDS };
}

/**
 * Checks `code` for `phone` (E.164) and returns the transaction part that spends it, so a code registers
 * once. A wrong code costs one of its tries.
 */
export async function spendVerificationPart(deps: Pick<Deps, 'db' | 'clock'>, phone: string, code: string | undefined): Promise<TxPart> {
  const required = (message: string, detail: string) => new VerificationRequiredError(message, [{ path: 'verificationCode', message: detail }]);
  if (!code) throw required('请先验证手机号码', '请点“获取验证码”，填写手机收到的 6 位验证码');
  const { phoneVerification } = deps.db.entities;
  const { data } = await phoneVerification.get({ phone }).go({ consistent: true });
  const nowSeconds = Math.floor(deps.clock.now().getTime() / 1000);
  if (!data || data.expiresAt <= nowSeconds || data.triesLeft <= 0) throw required('验证码已失效', '验证码已过期或错误次数太多，请重新获取');

  if (!timingSafeEqual(Buffer.from(data.codeHash, 'hex'), hashCode(phone, code))) {
    await phoneVerification
      .patch({ phone })
      .subtract({ triesLeft: 1 })
      .where(({ triesLeft, codeHash }, { gt, eq }) => `${gt(triesLeft, 0)} AND ${eq(codeHash, data.codeHash)}`)
      .go()
      .catch(() => undefined); // a new code or a concurrent try got there first
    const left = data.triesLeft - 1;
    throw required('验证码不对', left > 0 ? `验证码不对，还可以再试 ${left} 次` : '验证码不对，请重新获取');
  }
  return {
    name: 'verification',
    item: (entities) =>
      entities.phoneVerification
        .delete({ phone })
        .where(({ codeHash }, { eq }) => eq(codeHash, data.codeHash))
        .commit(),
  };
}

/** A code that reached a refused registration is spent too: one code, one answer. */
export async function spendVerificationCode(deps: Pick<Deps, 'db'>, phone: string): Promise<void> {
  await deps.db.entities.phoneVerification.delete({ phone }).go();
}
