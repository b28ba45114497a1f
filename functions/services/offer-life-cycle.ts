// An open offer ends in one of four ways: accepted (the place becomes filled), declined, expired or
// withdrawn by the coordinator (the place goes back; a declined pair is never offered again). Each ending is one transaction: the offer,
// the vacancy's counters, the labourer's status and the SMS that tells the labourer.
import { renderSms } from '#domain/sms/templates.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import type { Deps } from './deps.js';
import { moveLabourer } from './labourer-status.js';
import { fillPlace, releasePlace } from './offer-places.js';
import type { OfferItem } from './offer-view.js';
import { outboxPart, type OutboxSms } from './outbox.js';
import { dueFromSentSms } from './offer-deadline.js';
import { vacancyWorkerPart } from './vacancy-workers.js';

export type OfferEnding = 'accepted' | 'declined' | 'expired' | 'withdrawn';

const LABOURER_AFTER: Record<OfferEnding, 'accepted' | 'registered'> = {
  accepted: 'accepted',
  declined: 'registered',
  expired: 'registered',
  withdrawn: 'registered',
};

export async function findOpenOffer(deps: Pick<Deps, 'db'>, labourerId: string): Promise<OfferItem | undefined> {
  const { data } = await deps.db.entities.offer.query.offersByLabourer({ labourerId, status: 'offered' }).go();
  return data[0];
}

/** The parts that end `offer`; `sms` tells the labourer (a reply, or the expiry notice). */
export function endOfferParts(deps: Pick<Deps, 'clock' | 'newId'>, offer: OfferItem, ending: OfferEnding, sms: OutboxSms): TxPart[] {
  const answeredAt = deps.clock.now().toISOString();
  const { offerId, county, labourerId, respondBy } = offer;
  return [
    {
      name: 'offerStatus',
      item: ({ offer: entity }) =>
        entity
          .patch({ offerId })
          .set({ status: ending, answeredAt })
          .composite({ county, labourerId, respondBy })
          // Its deadline as read: an offer extended meanwhile is not expired on the old one.
          .where((a, { eq }) => `${eq(a.status, 'offered')} AND ${eq(a.respondBy, respondBy)}`)
          .commit(),
    },
    ending === 'accepted'
      ? fillPlace({ id: offer.vacancyId })
      : releasePlace({ id: offer.vacancyId, kind: offer.vacancyKind }, offer.poverty),
    moveLabourer({ labourerId, homeCounty: county }, 'offered', LABOURER_AFTER[ending]),
    outboxPart(deps, sms),
    // The employer's list of workers coming (GET /vacancies/{id}/workers) reads these.
    ...(ending === 'accepted' ? [vacancyWorkerPart(offer, answeredAt)] : []),
  ];
}

/** The expiry sweep: every open offer past its deadline, across counties. */
export async function expireOffers(deps: Deps): Promise<number> {
  const now = deps.clock.now().toISOString();
  const { data: due } = await deps.db.entities.offer.query.offersByStatus({ status: 'offered' }).lt({ respondBy: now }).go({ pages: 'all' });
  let expired = 0;
  for (const listed of due) {
    // The hours run from when the SMS went (quiet hours may have held it): offer-deadline.ts.
    const offer = await dueFromSentSms(deps, listed);
    if (!offer) continue;
    const { data: person } = await deps.db.entities.labourer.get({ labourerId: offer.labourerId }).go({ attributes: ['phone'] });
    if (!person?.phone) continue;
    const phone = person.phone;
    const sms = renderSms('offerExpired', { title: offer.vacancyTitle });
    const outcome = await writeTransaction(deps.db, endOfferParts(deps, offer, 'expired', { to: phone, sms, county: offer.county }));
    if (outcome.ok) expired++;
  }
  return expired;
}
