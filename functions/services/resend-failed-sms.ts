// POST /messages/resend: the county's SMS whose receipts said they never reached the phone are sent
// again, each as a new outbox message (the failed one keeps its place in the log and points to it).
// A number marked unreachable (two failures in a row) or opted out is skipped: fix the phone first.
// Each failed message is re-sent at most once (a conditional mark in the same transaction).
import type { RenderedSms, TemplateName } from '#domain/sms/templates.js';
import { writeTransaction } from '#store/transact.js';
import type { Deps } from './deps.js';
import { outboxPart } from './outbox.js';

export interface ResendResult {
  resent: number;
  /** Failed messages left alone: the number is unreachable, opted out, or no longer a labourer's. */
  skipped: number;
}

export async function resendFailedSms(deps: Deps, county: string, since?: string): Promise<ResendResult> {
  const { outboxMessage, uniqueGuard, labourer } = deps.db.entities;
  const query = outboxMessage.query.failedByCounty({ failedCounty: county });
  const { data: failed } = await (since ? query.gte({ failedAt: since }) : query).go({ pages: 'all' });
  let resent = 0;
  let skipped = 0;
  for (const message of failed) {
    if (message.status !== 'failed' || message.resentAs) continue;
    const { data: guard } = await uniqueGuard.get({ kind: 'phone', value: message.to }).go();
    const { data: person } = guard ? await labourer.get({ labourerId: guard.labourerId }).go({ attributes: ['phone', 'optedOut', 'unreachable'] }) : { data: null };
    if (!person || person.phone !== message.to || person.optedOut || person.unreachable) {
      skipped++;
      continue;
    }
    const messageId = deps.newId();
    const sms: RenderedSms = {
      template: message.template as TemplateName,
      body: message.body,
      segments: message.segments,
      vars: message.templateVars ? (JSON.parse(message.templateVars) as Record<string, string>) : {},
    };
    const outcome = await writeTransaction(deps.db, [
      {
        name: 'failedMessage',
        item: ({ outboxMessage: entity }) =>
          entity
            .patch({ messageId: message.messageId })
            .set({ resentAs: messageId })
            .where((a, { eq, notExists }) => `${eq(a.status, 'failed')} AND ${notExists(a.resentAs)}`)
            .commit(),
      },
      outboxPart(deps, { to: message.to, sms, county, messageId, ...(message.broadcastId ? { broadcastId: message.broadcastId } : {}) }, 'resend'),
    ]);
    if (outcome.ok) resent++;
  }
  return { resent, skipped };
}
