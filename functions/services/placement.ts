// 上岗 and staying on the job (issue #18). The employer (or the coordinator) confirms a worker at work or
// not arrived; the labourer may answer the same question by SMS; the 30/60/90-day check-ins record
// whether they stayed. Leaving — never arrived, left, wants another job — gives the place back and puts
// the labourer back in the pool (registered, on the watch list), so the next matching run offers again.
// Each is one transaction conditional on the offer's and the labourer's state, with its SMS.
import { ConflictError } from '#domain/errors.js';
import type { CheckInAnswer } from '#domain/after-bus/sms-answers.js';
import { renderSms } from '#domain/sms/templates.js';
import type { LABOURER_STATUSES } from '#store/entities/labourer.js';
import type { LEFT_REASONS } from '#store/entities/offer.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import { auditPart, labourerTarget } from './audit.js';
import type { Deps } from './deps.js';
import { vacateFilledPlace } from './offer-places.js';
import type { OfferItem } from './offer-view.js';
import { outboxPart } from './outbox.js';

type LeftReason = (typeof LEFT_REASONS)[number];
type LabourerStatus = (typeof LABOURER_STATUSES)[number];

async function person(deps: Pick<Deps, 'db'>, labourerId: string) {
  const { data } = await deps.db.entities.labourer.get({ labourerId }).go({ consistent: true });
  return data ?? undefined;
}

/** A worker who needs no bus (a job in their home county) is at work without an arrival. */
const needsNoBus = (offer: OfferItem) => offer.vacancyCounty === offer.county;

function labourerMove(labourerId: string, homeCounty: string, from: LabourerStatus, set: Record<string, unknown>): TxPart {
  return {
    name: 'labourerStatus',
    item: ({ labourer }) =>
      labourer
        .patch({ labourerId })
        .set(set as never)
        .composite({ homeCounty })
        .where((a, { eq }) => eq(a.status, from))
        .commit(),
  };
}

export type Worker = NonNullable<Awaited<ReturnType<typeof person>>>;

/** The labourer as stored now (consistent read), or a conflict when erased meanwhile. */
export async function workerOf(deps: Pick<Deps, 'db'>, offer: OfferItem): Promise<Worker> {
  const who = await person(deps, offer.labourerId);
  if (!who || !who.phone) throw new ConflictError('劳动者已不存在或已删除个人信息');
  return who;
}

function offerMove(offer: OfferItem, from: OfferItem['status'], set: Partial<OfferItem>, remove: ('checkInDay' | 'checkInAskedAt')[] = []): TxPart {
  const { offerId, county, labourerId, respondBy } = offer;
  return {
    name: 'offerStatus',
    item: ({ offer: entity }) => {
      const patch = entity
        .patch({ offerId })
        .set(set as never)
        // The county and labourer indexes are keyed on status: a status change rebuilds their keys.
        .composite({ county, labourerId, respondBy });
      return (remove.length > 0 ? patch.remove(remove) : patch).where((a, { eq }) => eq(a.status, from)).commit();
    },
  };
}

/**
 * The parts that put a worker at work: offer `placed` (placedAt, placedBy), labourer `placed`. Refused for
 * someone who has not arrived (still on a bus, never boarded), unless the job is in their home county.
 * `sms`: the part telling the labourer (a notice, or the reply to their own 1).
 */
export function placeParts(deps: Deps, offer: OfferItem, who: Worker, by: string, sms: TxPart): TxPart[] {
  if (offer.status === 'placed') throw new ConflictError('已经确认上岗，无需重复确认');
  if (offer.status !== 'accepted') throw new ConflictError('这条岗位通知不在待上岗状态（未接受、已离职或未到岗）');
  const from = who.status === 'arrived' ? 'arrived' : who.status === 'accepted' && needsNoBus(offer) ? 'accepted' : undefined;
  if (!from) throw new ConflictError(who.status === 'travelling' ? '这位劳动者还在路上，到达后才能确认上岗' : '这位劳动者还没有到达，不能确认上岗');
  const now = deps.clock.now().toISOString();
  return [
    offerMove(offer, 'accepted', { status: 'placed', placedAt: now, placedBy: by }),
    labourerMove(offer.labourerId, offer.county, from, { status: 'placed' }),
    sms,
    ...(by === 'labourer' ? [] : [auditPart(deps, { actor: by, action: 'offer.placed', target: labourerTarget(offer.labourerId), county: offer.county, after: { vacancyId: offer.vacancyId } })]),
  ];
}

/**
 * The parts that end a job (left) or a job never started (not_arrived): the offer ends, the place goes back
 * to the vacancy, the labourer is back in the pool on the watch list — the employer sees it on the workers
 * list (employers have no phone here). `retention`: a check-in's answers, recorded with it.
 */
export function releaseParts(
  deps: Deps,
  offer: OfferItem,
  who: Worker,
  reason: LeftReason,
  by: string,
  sms: TxPart,
  retention?: OfferItem['retention'],
): TxPart[] {
  const fromOffer = offer.status;
  if (fromOffer !== 'accepted' && fromOffer !== 'placed') throw new ConflictError('这条岗位通知已结束（已离职或未到岗）');
  // Where the labourer can be: placed (left), arrived or accepted (never started), travelling (never got off).
  const expected: LabourerStatus[] = fromOffer === 'placed' ? ['placed'] : ['arrived', 'accepted', 'travelling'];
  if (!expected.includes(who.status)) throw new ConflictError('劳动者状态已改变，请刷新后再试');
  const now = deps.clock.now().toISOString();
  const ending = { status: reason === 'not_arrived' ? 'not_arrived' : 'left', leftAt: now, leftReason: reason, ...(retention ? { retention } : {}) } as const;
  return [
    offerMove(offer, fromOffer, ending, retention ? ['checkInDay', 'checkInAskedAt'] : []),
    vacateFilledPlace({ id: offer.vacancyId, kind: offer.vacancyKind }, offer.poverty),
    labourerMove(offer.labourerId, offer.county, who.status, { status: 'registered', watchSince: now }),
    sms,
    ...(by === 'labourer'
      ? []
      : [auditPart(deps, { actor: by, action: reason === 'not_arrived' ? 'offer.notArrived' : 'offer.left', target: labourerTarget(offer.labourerId), county: offer.county, after: { vacancyId: offer.vacancyId, reason } })]),
  ];
}

/** A check-in answered 1: recorded, the worker stays placed. */
export function stayParts(offer: OfferItem, sms: TxPart): TxPart[] {
  const day = offer.checkInDay ?? 30;
  return [
    offerMove({ ...offer }, 'placed', { retention: { ...offer.retention, [`d${day}`]: 'stay' } }, ['checkInDay', 'checkInAskedAt']),
    sms,
  ];
}

/** A check-in's answers with this one added (the question pending, else the 30-day one). */
export function withAnswer(offer: OfferItem, answer: CheckInAnswer): NonNullable<OfferItem['retention']> {
  return { ...offer.retention, [`d${offer.checkInDay ?? 30}`]: answer };
}

async function commit(deps: Deps, parts: TxPart[]): Promise<void> {
  const outcome = await writeTransaction(deps.db, parts);
  if (!outcome.ok) throw new ConflictError('状态刚刚已改变，请刷新后再试');
}

/** POST /offers/{id}/placed: the employer or the coordinator confirms the worker at work. */
export async function confirmPlaced(deps: Deps, offer: OfferItem, by: string): Promise<void> {
  const who = await workerOf(deps, offer);
  const sms = outboxPart(deps, { to: who.phone, sms: renderSms('placedConfirmed', { title: offer.vacancyTitle }), county: offer.county });
  await commit(deps, placeParts(deps, offer, who, by, sms));
}

/** POST /offers/{id}/not-arrived: the worker never started; the place goes back. */
export async function confirmNotArrived(deps: Deps, offer: OfferItem, by: string): Promise<void> {
  const who = await workerOf(deps, offer);
  const sms = outboxPart(deps, { to: who.phone, sms: renderSms('notPlaced', {}), county: offer.county });
  await commit(deps, releaseParts(deps, offer, who, 'not_arrived', by, sms));
}
