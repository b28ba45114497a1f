// The outbox part of a transaction: an SMS written together with the state change it reports.
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
}

export function outboxPart(deps: Pick<Deps, 'newId' | 'clock'>, message: OutboxSms, name = 'sms'): TxPart {
  const messageId = deps.newId();
  const createdAt = deps.clock.now().toISOString();
  return {
    name,
    item: ({ outboxMessage }) =>
      outboxMessage
        .create({
          messageId,
          to: message.to,
          body: message.sms.body,
          segments: message.sms.segments,
          template: message.sms.template,
          status: message.suppressed ? 'suppressed' : 'pending',
          failureReason: message.suppressed,
          county: message.county,
          causedBy: message.causedBy,
          createdAt,
        })
        .commit(),
  };
}
