// An offer's hours to answer run from when its SMS was sent, not from the matching run: an offer made at
// 22:00 whose SMS waits out quiet hours until 08:00 gets its 48 hours from 08:00. The expiry sweep asks
// here before expiring: an offer whose SMS is still held waits; the first time its SMS is seen sent, the
// deadline moves by the delay past when it was to go, once (`smsSentAt` records it). A run at night sets
// the deadline from the end of quiet hours already (run-matching.ts), so the list shows it from the start.
import { isConditionFailure } from '#store/condition-failure.js';
import type { Deps } from './deps.js';
import type { OfferItem } from './offer-view.js';

/** The offer to expire (its deadline as now recorded), or undefined when it is not due after all. */
export async function dueFromSentSms(deps: Pick<Deps, 'db' | 'clock'>, offer: OfferItem): Promise<OfferItem | undefined> {
  if (!offer.smsMessageId || offer.smsSentAt) return offer;
  const { data: sms } = await deps.db.entities.outboxMessage.get({ messageId: offer.smsMessageId }).go();
  if (!sms) return offer;
  // Held for quiet hours: its hours have not begun. On its way out (pending, released): the deadline as recorded.
  if (sms.status === 'pending') return sms.heldState === 'held' ? undefined : offer;
  const sentAt = sms.sentAt ?? offer.createdAt;
  // The deadline was set from when the SMS was to go (the end of quiet hours, or at once): the rest is the delay.
  const delay = Math.max(0, Date.parse(sentAt) - Date.parse(sms.notBefore ?? offer.createdAt));
  const respondBy = new Date(Date.parse(offer.respondBy) + delay).toISOString();
  const { offerId, county, labourerId } = offer;
  try {
    await deps.db.entities.offer
      .patch({ offerId })
      .set({ smsSentAt: sentAt, respondBy })
      // The expiry index is keyed on (status, respondBy): a new deadline rebuilds its key.
      .composite({ status: 'offered', county, labourerId })
      .where((a, { eq }) => `${eq(a.status, 'offered')} AND ${eq(a.respondBy, offer.respondBy)}`)
      .go();
  } catch (error) {
    if (isConditionFailure(error)) return undefined; // answered or extended meanwhile
    throw error;
  }
  return respondBy < deps.clock.now().toISOString() ? { ...offer, respondBy, smsSentAt: sentAt } : undefined;
}
