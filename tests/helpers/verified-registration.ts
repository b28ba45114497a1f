// A public registration as the web form makes it: ask for the SMS code, read it where a person would
// (the SMS log, as the local phone simulator shows it), and send it with the form.
import type { ApiCall, ApiResponse } from './local-api.js';

/** The last verification code sent to `phone`, from the SMS log. */
export async function lastCodeSentTo(api: ApiCall, phone: string): Promise<string | undefined> {
  const log = await api('GET', `/messages?phone=${encodeURIComponent(phone)}`, { token: 'dev:admin:all' });
  const codes = (log.body as { template: string; body: string }[]).filter((m) => m.template === 'verificationCode');
  return /验证码(\d{6})/.exec(codes.at(-1)?.body ?? '')?.[1];
}

/** `client`: the caller's address (X-Forwarded-For), for the per-client limit. */
export async function registerVerified(api: ApiCall, body: { phone: string } & Record<string, unknown>, client = '198.51.100.1'): Promise<ApiResponse> {
  const headers = { 'x-forwarded-for': client };
  const asked = await api('POST', '/labourers/verify', { json: { phone: body.phone }, headers });
  if (asked.status !== 202) throw new Error(`verification refused: ${asked.status} ${JSON.stringify(asked.body)}`);
  return api('POST', '/labourers', { json: { ...body, verificationCode: await lastCodeSentTo(api, body.phone) }, headers });
}
