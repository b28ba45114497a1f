// A coordinator's actions on an open offer: withdraw it (its place goes back, as on a decline), re-send
// its SMS, or move its deadline. Each is one transaction that holds only while the offer is still open
// (an answer or the expiry sweep may come first), with the SMS that tells the labourer in the outbox.
import { chinaMonthDayHour } from '#domain/calendar.js';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.js';
import { renderSms } from '#domain/sms/templates.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import type { Deps } from './deps.js';
import { endOfferParts } from './offer-life-cycle.js';
import { offerSms } from './offer-sms.js';
import { toOfferView, type OfferItem, type OfferView } from './offer-view.js';
import { outboxPart } from './outbox.js';
import { toVacancyView } from './vacancy-view.js';

/** A deadline moves to at most this long after now. */
export const MAX_DEADLINE_HOURS = 7 * 24;

export async function getOffer(deps: Pick<Deps, 'db'>, offerId: string): Promise<OfferItem> {
  const { data } = await deps.db.entities.offer.get({ offerId }).go();
  if (!data) throw new NotFoundError('没有这条岗位通知');
  return data;
}

function assertOpen(offer: OfferItem): void {
  if (offer.status !== 'offered') throw new ConflictError('这条岗位通知已答复、过期或撤回，不能再操作');
}

async function recipient(deps: Pick<Deps, 'db'>, offer: OfferItem): Promise<{ name: string; phone: string; homeCounty: string }> {
  const { data } = await deps.db.entities.labourer.get({ labourerId: offer.labourerId }).go({ attributes: ['name', 'phone', 'homeCounty'] });
  // An erased labourer keeps no phone: nobody to tell.
  if (!data?.phone) throw new ConflictError('劳动者已删除个人信息，无法发送短信');
  return { name: data.name ?? '', phone: data.phone, homeCounty: data.homeCounty ?? offer.county };
}

async function commit(deps: Deps, offerId: string, parts: TxPart[]): Promise<OfferView> {
  const outcome = await writeTransaction(deps.db, parts);
  if (!outcome.ok) throw new ConflictError('这条岗位通知刚刚已答复、过期或被他人修改，请刷新后再试');
  return toOfferView(await getOffer(deps, offerId));
}

export async function withdrawOffer(deps: Deps, offer: OfferItem): Promise<OfferView> {
  assertOpen(offer);
  const { phone } = await recipient(deps, offer);
  const sms = renderSms('offerWithdrawn', { title: offer.vacancyTitle });
  return commit(deps, offer.offerId, endOfferParts(deps, offer, 'withdrawn', { to: phone, sms, county: offer.county }));
}

export async function resendOffer(deps: Deps, offer: OfferItem): Promise<OfferView> {
  assertOpen(offer);
  const now = deps.clock.now();
  const hoursLeft = Math.ceil((Date.parse(offer.respondBy) - now.getTime()) / 3600_000);
  if (hoursLeft <= 0) throw new ConflictError('答复期限已过，请先延长期限');
  const [person, { data: vacancy }] = await Promise.all([
    recipient(deps, offer),
    deps.db.entities.vacancy.get({ vacancyId: offer.vacancyId }).go(),
  ]);
  if (!vacancy) throw new NotFoundError('岗位已不存在');
  const { offerId, respondBy } = offer;
  return commit(deps, offerId, [
    {
      name: 'offerResent',
      item: ({ offer: entity }) =>
        entity
          .patch({ offerId })
          .add({ resends: 1 })
          .set({ resentAt: now.toISOString() })
          .where((a, { eq }) => `${eq(a.status, 'offered')} AND ${eq(a.respondBy, respondBy)}`)
          .commit(),
    },
    outboxPart(deps, { to: person.phone, sms: offerSms(person, toVacancyView(vacancy), hoursLeft), county: offer.county }),
  ]);
}

/** Moves the deadline `hours` later (from now if it has passed already), to at most 7 days from now. */
export async function extendOffer(deps: Deps, offer: OfferItem, hours: number): Promise<OfferView> {
  assertOpen(offer);
  const now = deps.clock.now().getTime();
  const from = Math.max(Date.parse(offer.respondBy), now);
  const room = Math.floor((now + MAX_DEADLINE_HOURS * 3600_000 - from) / 3600_000);
  if (hours > room) {
    throw new ValidationError('延长后的答复期限不能晚于 7 天后', [{ path: 'hours', message: `最多还能延长 ${Math.max(0, room)} 小时` }]);
  }
  const deadline = new Date(from + hours * 3600_000);
  const { phone } = await recipient(deps, offer);
  const { offerId, county, labourerId, respondBy } = offer;
  const newRespondBy = deadline.toISOString();
  const sms = renderSms('offerExtended', { title: offer.vacancyTitle, deadline: chinaMonthDayHour(newRespondBy) });
  return commit(deps, offerId, [
    {
      name: 'offerDeadline',
      item: ({ offer: entity }) =>
        entity
          .patch({ offerId })
          .set({ respondBy: newRespondBy })
          // The expiry index is keyed on (status, respondBy): a new deadline rebuilds its key.
          .composite({ status: 'offered', county, labourerId })
          .where((a, { eq }) => `${eq(a.status, 'offered')} AND ${eq(a.respondBy, respondBy)}`)
          .commit(),
    },
    outboxPart(deps, { to: phone, sms, county }),
  ]);
}
