// Sends one outbox message and records the outcome. A message leaves `pending` exactly once: every
// transition is a conditional update, so a redelivered stream record finds it settled and does nothing.
// Past its county's daily budget, a non-urgent message is held for the next day (sms-budget.ts).
import { PermanentSmsError, SuppressedSmsError, type SmsSender } from '#adapters/sms-sender.js';
import { quietHoursFromEnv } from '#config/quiet-hours.js';
import { CHINA_UTC_OFFSET_SECONDS } from '#domain/calendar.js';
import { sendNotBefore } from '#domain/sms/quiet-hours.js';
import { REACHES_OPTED_OUT } from '#domain/sms/templates.js';
import { isConditionFailure } from '#store/condition-failure.js';
import type { Deps } from './deps.js';
import { countSentSms, withinSmsBudget, type SmsBudget } from './sms-budget.js';

/** `over-budget`: held for the next day, its county's SMS budget for the day being spent. `held`: waiting out quiet hours or its send time. */
export type DeliveryOutcome = 'sent' | 'failed' | 'suppressed' | 'over-budget' | 'already-settled' | 'held';

/** Messages written before variables were kept have none: a template provider then refuses them for good. */
function templateVars(json: string | undefined): Record<string, string> | undefined {
  return json === undefined ? undefined : (JSON.parse(json) as Record<string, string>);
}

export async function deliverSms(
  deps: Pick<Deps, 'db' | 'clock'>,
  sender: SmsSender,
  messageId: string,
  budget: SmsBudget,
): Promise<DeliveryOutcome> {
  const { outboxMessage } = deps.db.entities;
  const { data: message } = await outboxMessage.get({ messageId }).go({ consistent: true });
  if (!message || message.status !== 'pending') return 'already-settled';
  // The sweep (release-held-sms.ts) releases it when due; that change brings it back here.
  if (message.heldState === 'held') return 'held';
  // Written in the day but reached at night (a long queue at the send rate): it waits for the morning too.
  // Only a message never held before: a released one has waited already, and a bus notice's day is not kept.
  const lateAt = message.heldState === undefined ? sendNotBefore({ template: message.template, causedBy: message.causedBy }, deps.clock.now(), quietHoursFromEnv()) : undefined;
  if (lateAt) {
    await hold(deps, messageId, lateAt);
    return 'held';
  }

  const settle = (changes: { status: 'sent' | 'failed' | 'suppressed'; providerMessageId?: string; failureReason?: string }) =>
    outboxMessage
      .patch({ messageId })
      .set({ ...changes, sentAt: deps.clock.now().toISOString() })
      .where(({ status }, { eq }) => eq(status, 'pending'))
      .go();

  // Opted-out numbers get nothing; the log says so. Opt-out belongs to the number (phoneOptOut), whoever
  // holds it now; the labourer's flag still counts for the number it was set on (opt-outs from before).
  if (!REACHES_OPTED_OUT.has(message.template) && (await numberOptedOut(deps, message.to))) {
    await settle({ status: 'suppressed', failureReason: 'opted-out: 该号码已退订' });
    return 'suppressed';
  }

  // Past the county's budget for the day: held for the next day (its morning, after quiet hours), not
  // dropped — an offer's hours run from its SMS's send, so nothing is lost but a day.
  if (!(await withinSmsBudget(deps, budget, message))) {
    await hold(deps, messageId, sendNotBefore({ template: message.template }, deps.clock.now(), quietHoursFromEnv(), nextChinaDay(deps.clock.now())) ?? nextChinaDay(deps.clock.now()));
    return 'over-budget';
  }

  try {
    const { providerMessageId } = await sender.send({
      messageId,
      to: message.to,
      body: message.body,
      template: message.template,
      vars: templateVars(message.templateVars),
      causedBy: message.causedBy,
    });
    await settle({ status: 'sent', providerMessageId });
    await countSentSms(deps, message);
    return 'sent';
  } catch (error) {
    // The provider's own opt-out list (SNS: the number texted STOP/TD to it): it would drop the SMS silently.
    if (error instanceof SuppressedSmsError) {
      await settle({ status: 'suppressed', failureReason: error.message });
      return 'suppressed';
    }
    if (error instanceof PermanentSmsError) {
      await settle({ status: 'failed', failureReason: error.message });
      return 'failed';
    }
    throw error;
  }
}

/** Puts a pending message back in the held queue until `until` (the sweep releases it then). */
async function hold(deps: Pick<Deps, 'db'>, messageId: string, until: Date): Promise<void> {
  await deps.db.entities.outboxMessage
    .patch({ messageId })
    .set({ notBefore: until.toISOString(), heldState: 'held' })
    .where(({ status }, { eq }) => eq(status, 'pending'))
    .go()
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}

/** The next midnight in China, when a county's SMS budget starts again. */
function nextChinaDay(now: Date): Date {
  const day = 86_400_000;
  const offset = CHINA_UTC_OFFSET_SECONDS * 1000;
  return new Date((Math.floor((now.getTime() + offset) / day) + 1) * day - offset);
}

async function numberOptedOut(deps: Pick<Deps, 'db'>, phone: string): Promise<boolean> {
  const { phoneOptOut, uniqueGuard, labourer } = deps.db.entities;
  const { data: optOut } = await phoneOptOut.get({ phone }).go();
  if (optOut) return true;
  const { data: guard } = await uniqueGuard.get({ kind: 'phone', value: phone }).go();
  if (!guard) return false;
  const { data: holder } = await labourer.get({ labourerId: guard.labourerId }).go();
  return holder?.optedOut === true && holder.phone === phone;
}
