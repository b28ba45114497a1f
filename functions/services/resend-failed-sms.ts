// POST /messages/resend: the county's SMS whose receipts said they never reached the phone are sent
// again, each as a new outbox message (the failed one keeps its place in the log and points to it).
// Skipped and counted apart: a number marked unreachable (two failures in a row) or opted out — fix the
// phone first; and what is out of date (domain/sms/resend-policy.ts: an offer answered, a bus gone or
// changed, a code, older than 7 days, not the latest of its kind). Each failed message is re-sent at
// most once (a conditional mark in the same transaction), so a second call re-sends nothing.
import { RESEND_MAX_AGE_DAYS, stillWorthResending, type PhoneNow } from '#domain/sms/resend-policy.js';
import type { RenderedSms, TemplateName } from '#domain/sms/templates.js';
import { writeTransaction } from '#store/transact.js';
import { writeAudit } from './audit.js';
import type { Deps } from './deps.js';
import { outboxPart } from './outbox.js';
import type { ResendResult } from '#domain/views/messaging.js';

export type { ResendResult };

/** `actor`: the staff member asking (audited once, with the counts, when anything was re-sent). */
export async function resendFailedSms(deps: Deps, county: string, since?: string, actor = 'system'): Promise<ResendResult> {
  const { outboxMessage } = deps.db.entities;
  const query = outboxMessage.query.failedByCounty({ failedCounty: county });
  const { data: failed } = await (since ? query.gte({ failedAt: since }) : query).go({ pages: 'all' });
  const phones = new Map<string, Promise<PhoneNow | null>>();
  let resent = 0;
  let skippedUnreachable = 0;
  let skippedOutOfDate = 0;
  for (const message of failed) {
    if (message.status !== 'failed' || message.resentAs) continue;
    if (!phones.has(message.to)) phones.set(message.to, phoneNow(deps, message.to));
    const phone = await phones.get(message.to)!;
    if (!phone) {
      skippedUnreachable++;
      continue;
    }
    if (!stillWorthResending(message, phone)) {
      skippedOutOfDate++;
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
  const result = { resent, skipped: skippedUnreachable + skippedOutOfDate, skippedUnreachable, skippedOutOfDate, maxAgeDays: RESEND_MAX_AGE_DAYS };
  if (resent > 0) {
    await writeAudit(deps, { actor, action: 'sms.resend', target: `county:${county}`, county, after: { resent, skippedUnreachable, skippedOutOfDate, ...(since ? { since } : {}) } });
  }
  return result;
}

/** The phone's labourer as things stand, or null when the number cannot be used (unreachable, opted out, not theirs). */
async function phoneNow(deps: Deps, phone: string): Promise<PhoneNow | null> {
  const { uniqueGuard, labourer, offer, trip, outboxMessage } = deps.db.entities;
  const { data: guard } = await uniqueGuard.get({ kind: 'phone', value: phone }).go();
  if (!guard) return null;
  const { data: person } = await labourer.get({ labourerId: guard.labourerId }).go({ attributes: ['phone', 'optedOut', 'unreachable', 'status'] });
  if (!person || person.phone !== phone || person.optedOut || person.unreachable) return null;
  const now = deps.clock.now();
  const [{ data: offers }, { data: log }] = await Promise.all([
    offer.query.offersByLabourer({ labourerId: guard.labourerId }).go({ pages: 'all', attributes: ['status', 'smsMessageId', 'tripId'] }),
    outboxMessage.query.messagesByPhone({ to: phone }).go({ pages: 'all', attributes: ['messageId', 'template', 'createdAt'] }),
  ]);
  const open = offers.filter((o) => o.status === 'offered');
  const tripIds = [...new Set(offers.filter((o) => o.status === 'accepted' && o.tripId).map((o) => o.tripId!))];
  const trips = await Promise.all(tripIds.map(async (tripId) => (await trip.get({ tripId }).go({ attributes: ['status', 'departureTime'] })).data));
  return {
    now,
    labourerStatus: person.status!,
    openOfferSms: new Set(open.flatMap((o) => (o.smsMessageId ? [o.smsMessageId] : []))),
    hasOpenOffer: open.length > 0,
    hasBusAhead: trips.some((t) => t !== null && t.status === 'booked' && Date.parse(t.departureTime!) > now.getTime()),
    log: log.map((m) => ({ messageId: m.messageId!, template: m.template!, createdAt: m.createdAt! })),
  };
}
