// The outbox part of a transaction: an SMS written together with the state change it reports.
import { quietHoursFromEnv } from '#config/quiet-hours.js';
import { sendNotBefore } from '#domain/sms/quiet-hours.js';
import type { RenderedSms } from '#domain/sms/templates.js';
import type { TxPart } from '#store/transact.js';
import type { Deps } from './deps.js';

export interface OutboxSms {
  to: string;
  sms: RenderedSms;
  /** The county the message concerns (coordinator scope on the SMS log). */
  county?: string;
  /** The inbound message that caused it, if any (lets the phone simulator show the replies). */
  causedBy?: string;
  /** Logged but never sent, for this reason (e.g. replies paused for a looping phone). */
  suppressed?: string;
  /** A bus notice's departure day (YYYY-MM-DD): urgent that day and the day before, else it waits out quiet hours. */
  departureDate?: string;
  /** Not before this time (a scheduled broadcast). */
  sendAt?: Date;
  /** The broadcast it belongs to. */
  broadcastId?: string;
  /** The message id, when the caller must know it (an offer keeps its SMS's). */
  messageId?: string;
}

/** When the message will be let go: undefined for at once; else the end of quiet hours or its `sendAt`. */
export function smsNotBefore(deps: Pick<Deps, 'clock'>, message: OutboxSms): Date | undefined {
  if (message.suppressed) return undefined;
  const sms = { template: message.sms.template, causedBy: message.causedBy, departureDate: message.departureDate };
  return sendNotBefore(sms, deps.clock.now(), quietHoursFromEnv(), message.sendAt);
}

function outboxRecord(deps: Pick<Deps, 'newId' | 'clock'>, message: OutboxSms) {
  const now = deps.clock.now();
  // Quiet hours and scheduled sends: the message waits in the outbox, pending, until the sweep releases it.
  const notBefore = smsNotBefore(deps, message);
  return {
    messageId: message.messageId ?? deps.newId(),
    to: message.to,
    body: message.sms.body,
    segments: message.sms.segments,
    template: message.sms.template,
    templateVars: JSON.stringify(message.sms.vars),
    status: message.suppressed ? ('suppressed' as const) : ('pending' as const),
    failureReason: message.suppressed,
    county: message.county,
    causedBy: message.causedBy,
    createdAt: now.toISOString(),
    broadcastId: message.broadcastId,
    ...(notBefore ? { notBefore: notBefore.toISOString(), heldState: 'held' as const } : {}),
  };
}

export function outboxPart(deps: Pick<Deps, 'newId' | 'clock'>, message: OutboxSms, name = 'sms'): TxPart {
  const record = outboxRecord(deps, message);
  return { name, item: ({ outboxMessage }) => outboxMessage.create(record).commit() };
}

/** An SMS on its own, with no state change to keep it company (a transaction would bill it twice). */
export async function writeOutbox(deps: Pick<Deps, 'db' | 'newId' | 'clock'>, message: OutboxSms): Promise<void> {
  await deps.db.entities.outboxMessage.create(outboxRecord(deps, message)).go();
}
