// GET /messages?phone=: the SMS log of one phone; a coordinator sees the messages about their county.
// POST /messages/resend: the county's failed SMS, sent again (services/resend-failed-sms.ts).
import { ValidationError } from '#domain/errors.js';
import { normalizeMainlandMobile } from '#domain/phone.js';
import type { Deps } from '#services/deps.js';
import { messagesForPhone } from '#services/message-log.js';
import { resendFailedSms } from '#services/resend-failed-sms.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { actorOf, resolveCounty, type Principal } from '../principal.js';
import { ListMessagesQuery, ResendMessagesBody } from '../schemas/messages.js';
import { validate } from '../validate.js';

export async function listMessages(
  deps: Deps,
  event: HttpEvent,
  who: Extract<Principal, { role: 'coordinator' | 'admin' }>,
): Promise<HttpResult> {
  const query = validate(ListMessagesQuery, event.queryStringParameters ?? {}, '查询条件');
  const phone = normalizeMainlandMobile(query.phone);
  if (!phone.ok) throw new ValidationError('查询条件有误', [{ path: 'phone', message: '手机号码格式不对' }]);
  const messages = await messagesForPhone(deps, phone.e164);
  return jsonResponse(200, who.role === 'admin' ? messages : messages.filter((m) => m.county === who.county));
}

/** POST /messages/resend {county, status: 'failed', since?} → {resent, skipped}. */
export async function resendMessagesRoute(
  deps: Deps,
  event: HttpEvent,
  who: Extract<Principal, { role: 'coordinator' | 'admin' }>,
): Promise<HttpResult> {
  const body = validate(ResendMessagesBody, event.body, '重发失败短信');
  const county = resolveCounty(who, body.county);
  const since = body.since === undefined ? undefined : new Date(body.since).toISOString();
  return jsonResponse(200, await resendFailedSms(deps, county, since, actorOf(who)));
}
