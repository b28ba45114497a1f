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
import { findBookedSeat } from './booked-seat.js';
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
  /** Not-arrived of someone whose bus left without them (marked absent at the roll call). */
  missedBus = false,
): TxPart[] {
  const fromOffer = offer.status;
  if (fromOffer !== 'accepted' && fromOffer !== 'placed') throw new ConflictError('这条岗位通知已结束（已离职或未到岗）');
  // Where the labourer can be: placed (left), arrived or accepted (never started), travelling (never got off).
  const expected: LabourerStatus[] = fromOffer === 'placed' ? ['placed'] : ['arrived', 'accepted', 'travelling'];
  if (!expected.includes(who.status)) throw new ConflictError('劳动者状态已改变，请刷新后再试');
  // Never arrived is said of someone who could have: their bus is there, or they needed none.
  if (fromOffer === 'accepted' && who.status !== 'arrived' && !needsNoBus(offer) && !(missedBus && who.status === 'accepted')) {
    throw new ConflictError(
      who.status === 'travelling' ? '这位劳动者已订座或还在路上，车到达后才能登记未到岗；如不再前往，请协调员取消其座位或撤回岗位' : '这位劳动者还在等车，还没有出发，车到达后才能登记未到岗',
    );
  }
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

/** Whether the list may offer 确认已上岗 / 未到岗 for this worker: what placeParts and releaseParts accept. */
export function canSettle(offer: Pick<OfferItem, 'status' | 'vacancyCounty' | 'county'>, labourerStatus: string | undefined): boolean {
  if (offer.status !== 'accepted') return false;
  return labourerStatus === 'arrived' || (labourerStatus === 'accepted' && needsNoBus(offer as OfferItem));
}

/** The labourer was marked absent on a bus that has left (they wait for another; the employer may give up). */
export async function missedBusOf(deps: Pick<Deps, 'db'>, labourerId: string, county: string): Promise<boolean> {
  const trips = (
    await Promise.all(
      (['departed', 'arrived'] as const).map((status) =>
        deps.db.entities.trip.query.tripsByCounty({ county, status }).where((a, { contains }) => contains(a.passengers, labourerId)).go({ pages: 'all', attributes: ['tripId'] }),
      ),
    )
  ).flatMap((r) => r.data);
  if (trips.length === 0) return false;
  const { data: seats } = await deps.db.entities.seat.get(trips.map((t) => ({ tripId: t.tripId!, labourerId }))).go({ attributes: ['boarding'] });
  return seats.some((x) => x.boarding === 'absent');
}

/**
 * A seat still held by someone who never goes (a job at home, a bus booked all the same): freed with the
 * release, so the roll call no longer lists them. Only a bus not yet on its way (booked or proposed).
 */
async function heldSeatParts(deps: Deps, offer: OfferItem, who: Worker): Promise<TxPart[]> {
  if (who.status !== 'travelling') return [];
  const seat = await findBookedSeat(deps, { id: offer.labourerId, homeCounty: offer.county });
  if (!seat) return [];
  return [
    {
      name: 'seat',
      item: ({ seat: entity }) => entity.delete({ tripId: seat.tripId, labourerId: offer.labourerId }).where((a, { exists }) => exists(a.seatNo)).commit(),
    },
    {
      name: 'tripSeats',
      item: ({ trip }) =>
        trip
          .patch({ tripId: seat.tripId })
          .add({ seatsTaken: -1 })
          .where((a, { eq }) => `(${eq(a.status, 'booked')} OR ${eq(a.status, 'proposed')})`)
          .commit(),
    },
  ];
}

/** POST /offers/{id}/not-arrived: the worker never started; the place (and any seat still held) goes back. */
export async function confirmNotArrived(deps: Deps, offer: OfferItem, by: string): Promise<void> {
  const who = await workerOf(deps, offer);
  const sms = outboxPart(deps, { to: who.phone, sms: renderSms('notPlaced', {}), county: offer.county });
  const missed = offer.status === 'accepted' && who.status === 'accepted' && offer.vacancyCounty !== offer.county && (await missedBusOf(deps, offer.labourerId, offer.county));
  const parts = releaseParts(deps, offer, who, 'not_arrived', by, sms, undefined, missed);
  await commit(deps, [...parts, ...(await heldSeatParts(deps, offer, who))]);
}
