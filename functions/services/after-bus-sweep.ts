// The daily after-the-bus sweep of one county (issue #18), run with the follow-up: a worker the employer
// has not confirmed 3 days after arrival is asked by SMS whether they started; placed workers get their
// check-in at 30, 60 and 90 days; a check-in unanswered for 7 days is recorded unknown for the
// coordinator. Each question is set on the offer in the same transaction as its SMS, conditionally, so
// a sweep run twice (or two at once) asks once.
import { checkInStep, placeQuestionDue } from '#domain/after-bus/schedule.js';
import { renderSms } from '#domain/sms/templates.js';
import { writeTransaction } from '#store/transact.js';
import type { Deps } from './deps.js';
import type { OfferItem } from './offer-view.js';
import { outboxPart } from './outbox.js';

export interface AfterBusSweepResult {
  placeAsked: number;
  checkInsAsked: number;
  checkInsUnknown: number;
}

async function phones(deps: Pick<Deps, 'db'>, offers: OfferItem[]): Promise<Map<string, { phone: string; name: string }>> {
  const found = new Map<string, { phone: string; name: string }>();
  const ids = [...new Set(offers.map((o) => o.labourerId))];
  for (let i = 0; i < ids.length; i += 100) {
    const { data } = await deps.db.entities.labourer.get(ids.slice(i, i + 100).map((labourerId) => ({ labourerId }))).go({ attributes: ['labourerId', 'phone', 'name'] });
    for (const p of data) if (p.phone) found.set(p.labourerId!, { phone: p.phone, name: p.name ?? '' });
  }
  return found;
}

export async function afterBusSweep(deps: Deps, county: string): Promise<AfterBusSweepResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const { offer } = deps.db.entities;
  const result: AfterBusSweepResult = { placeAsked: 0, checkInsAsked: 0, checkInsUnknown: 0 };

  const { data: accepted } = await offer.query.offersByCounty({ county, status: 'accepted' }).go({ pages: 'all' });
  const unconfirmed = accepted.filter((o) => placeQuestionDue(o, now));
  const { data: placed } = await offer.query.offersByCounty({ county, status: 'placed' }).go({ pages: 'all' });
  const steps = placed.map((o) => ({ o, step: checkInStep(o, now) })).filter((x) => x.step !== undefined);
  const people = await phones(deps, [...unconfirmed, ...steps.map((x) => x.o)]);

  for (const o of unconfirmed) {
    const who = people.get(o.labourerId);
    if (!who) continue;
    const outcome = await writeTransaction(deps.db, [
      {
        name: 'asked',
        item: ({ offer: entity }) =>
          entity
            .patch({ offerId: o.offerId })
            .set({ placeAskedAt: at })
            .where((a, { eq, notExists }) => `${eq(a.status, 'accepted')} AND ${notExists(a.placeAskedAt)}`)
            .commit(),
      },
      outboxPart(deps, { to: who.phone, sms: renderSms('placeAsk', { name: who.name, title: o.vacancyTitle }), county }),
    ]);
    if (outcome.ok) result.placeAsked++;
  }

  for (const { o, step } of steps) {
    if (step!.kind === 'unknown') {
      const day: number = step!.day;
      const outcome = await writeTransaction(deps.db, [
        {
          name: 'unknown',
          item: ({ offer: entity }) =>
            entity
              .patch({ offerId: o.offerId })
              .set({ retention: { ...o.retention, [`d${day}`]: 'unknown' }, checkInUnknown: true })
              .remove(['checkInDay', 'checkInAskedAt'])
              .where((a, { eq }) => `${eq(a.status, 'placed')} AND ${eq(a.checkInDay, day)}`)
              .commit(),
        },
      ]);
      if (outcome.ok) result.checkInsUnknown++;
      continue;
    }
    const who = people.get(o.labourerId);
    if (!who) continue;
    const outcome = await writeTransaction(deps.db, [
      {
        name: 'asked',
        item: ({ offer: entity }) =>
          entity
            .patch({ offerId: o.offerId })
            .set({ checkInDay: step!.day, checkInAskedAt: at })
            .where((a, { eq, notExists }) => `${eq(a.status, 'placed')} AND ${notExists(a.checkInDay)}`)
            .commit(),
      },
      outboxPart(deps, { to: who.phone, sms: renderSms('checkIn', { name: who.name, title: o.vacancyTitle }), county }),
    ]);
    if (outcome.ok) result.checkInsAsked++;
  }
  return result;
}
