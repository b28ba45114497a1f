// POST /sim/sms-fail (local only): `{phone, fail}` tells the local SMS sink to report SMS to that number
// undelivered (fail: true) or delivered again (false), so receipts, 号码无法送达 and the bulk re-send can be
// tried without a carrier. Turns the sink's receipts on.
import { normalizeMainlandMobile } from '../../functions/domain/phone.js';

export type SmsFailResult = { status: 200 | 400; body: unknown };

export function setFailingNumber(input: unknown, sink: { failing: Set<string>; receipts: boolean }): SmsFailResult {
  const { phone, fail } = (input ?? {}) as { phone?: unknown; fail?: unknown };
  const parsed = typeof phone === 'string' ? normalizeMainlandMobile(phone) : undefined;
  if (!parsed?.ok || typeof fail !== 'boolean') {
    return {
      status: 400,
      body: { error: { code: 'VALIDATION', message: '请求有误', details: [{ path: parsed?.ok ? 'fail' : 'phone', message: parsed?.ok ? '应为 true 或 false' : '手机号码格式不对' }] } },
    };
  }
  sink.receipts = true;
  if (fail) sink.failing.add(parsed.e164);
  else sink.failing.delete(parsed.e164);
  return { status: 200, body: { phone: parsed.e164, fail } };
}
