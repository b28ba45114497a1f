// The bus on its day (issue #18): the escort's roll call (each passenger checked in or marked absent, by tap
// or by the passenger's `上车 <code>`), the departure once nobody is left unchecked, and the arrival.
// Every change is conditional on the state it leaves (no double boarding, no departure twice, no arrival
// of a bus that never left) and writes its SMS through the outbox in the same transaction.
import type { EntityItem } from 'electrodb';
import { chinaToday, chineseMonthDay } from '#domain/calendar.js';
import type { seatEntity } from '#store/entities/seat.js';
import { ConflictError, NotFoundError } from '#domain/errors.js';
import { renderSms } from '#domain/sms/templates.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import { auditPart, labourerTarget } from './audit.js';
import type { Deps } from './deps.js';
import { moveLabourer } from './labourer-status.js';
import { outboxPart } from './outbox.js';
import { riderPickup } from './rider-pickup.js';
import type { TripView } from './trip-view.js';
import type { BoardingList, BoardingPassenger } from '#domain/views/after-bus.js';

export type { BoardingList, BoardingPassenger };

/** Statuses in which the roll call may still change. */
const ROLL_CALL = ['booked', 'boarding'] as const;

export async function boardingList(deps: Pick<Deps, 'db'>, trip: TripView): Promise<BoardingList> {
  const { data: seats } = await deps.db.entities.seat.query.byTrip({ tripId: trip.id }).go({ pages: 'all' });
  const people = new Map<string, { name?: string; phone?: string; idNumberMasked?: string }>();
  for (let i = 0; i < seats.length; i += 100) {
    const { data } = await deps.db.entities.labourer
      .get(seats.slice(i, i + 100).map((s) => ({ labourerId: s.labourerId })))
      .go({ attributes: ['labourerId', 'name', 'phone', 'idNumberMasked'] });
    for (const p of data) people.set(p.labourerId!, p);
  }
  const stopName = new Map(trip.stops.map((s) => [s.code ?? s.name, s.name]));
  const stopOrder = new Map(trip.stops.map((s, i) => [s.name, i]));
  const rider = new Map(trip.riders.map((r) => [r.labourerId, r]));
  const passengers = seats.map((s): BoardingPassenger => {
    const p = people.get(s.labourerId);
    const r = rider.get(s.labourerId);
    return {
      labourerId: s.labourerId,
      seatNo: s.seatNo,
      name: p?.name ?? '',
      idNumberMasked: p?.idNumberMasked ?? '',
      phone: p?.phone ?? '',
      pickup: r ? (stopName.get(r.pickup) ?? r.pickup) : trip.pickupPoint,
      pickupTime: riderPickup(trip, s.labourerId).time,
      drop: r ? (stopName.get(r.drop) ?? r.drop) : trip.destinationName,
      vacancyTitle: s.vacancyTitle,
      ...(s.boarding ? { boarding: s.boarding, boardedAt: s.boardedAt, boardedBy: s.boardedBy } : {}),
    };
  });
  passengers.sort((a, b) => (stopOrder.get(a.pickup) ?? 99) - (stopOrder.get(b.pickup) ?? 99) || a.seatNo - b.seatNo);
  const count = (v: BoardingPassenger['boarding']) => passengers.filter((p) => p.boarding === v).length;
  return {
    tripId: trip.id,
    status: trip.status,
    date: trip.date,
    departureTime: trip.departureTime,
    destinationName: trip.destinationName,
    ...(trip.arrivalDate ? { arrivalDate: trip.arrivalDate } : {}),
    ...(trip.departedAt ? { departedAt: trip.departedAt } : {}),
    ...(trip.arrivedAt ? { arrivedAt: trip.arrivedAt } : {}),
    ...(trip.vehiclePlate ? { vehiclePlate: trip.vehiclePlate } : {}),
    ...(trip.escort ? { escort: trip.escort } : {}),
    ...(trip.escortPhone ? { escortPhone: trip.escortPhone.replace(/^\+86/, '') } : {}),
    stops: trip.stops,
    present: count('present'),
    absent: count('absent'),
    unchecked: count(undefined),
    passengers,
  };
}

/** The trip moves to `boarding` with its first check-in (and stays there), only while the roll call is open. */
function tripInRollCall(trip: TripView, seatsTaken: number): TxPart {
  return {
    name: 'tripStatus',
    item: ({ trip: entity }) =>
      entity
        .patch({ tripId: trip.id })
        .set({ status: 'boarding' })
        .add({ seatsTaken })
        .composite({ county: trip.county, date: trip.date })
        .where((a, { eq, lt }) => {
          const open = `(${eq(a.status, 'booked')} OR ${eq(a.status, 'boarding')})`;
          // A no-show turning up after all takes a seat back: only if nobody took it meanwhile.
          return seatsTaken > 0 ? `${open} AND ${lt(a.seatsTaken, trip.seats)}` : open;
        })
        .commit(),
  };
}

type SeatItem = EntityItem<typeof seatEntity>;

const DEPARTING = '这趟车正在发车或已发车，不能再改签到';

/**
 * The parts that check a passenger in (`present`) or mark them absent. A no-show's seat is counted free at
 * once (a waiting labourer may take it before departure); checking them in again takes it back if still
 * free. `by`: `escort:<tripId>`, `coordinator:<county>`, `sms`. Throws a conflict when nothing would change.
 */
export function boardingParts(deps: Deps, trip: TripView, seat: SeatItem, present: boolean, by: string): TxPart[] {
  if (!(ROLL_CALL as readonly string[]).includes(trip.status)) throw new ConflictError(trip.status === 'proposed' ? '这趟车还没有预订，不能签到' : '这趟车已发车或已取消，不能再签到');
  const want = present ? 'present' : 'absent';
  if (seat.boarding === want) throw new ConflictError(present ? '这位乘客已经签到上车，不能重复签到' : '这位乘客已经标记为未到');
  if (seat.departNotified) throw new ConflictError(DEPARTING);
  const before = seat.boarding;
  // Seats counted: absent frees one; back to present from absent takes one again.
  const seatsTaken = !present && before !== 'absent' ? -1 : present && before === 'absent' ? 1 : 0;
  const { labourerId } = seat;
  return [
    {
      name: 'seat',
      item: ({ seat: entity }) =>
        entity
          .patch({ tripId: trip.id, labourerId })
          .set({ boarding: want, boardedAt: deps.clock.now().toISOString(), boardedBy: by })
          // As read: a concurrent tap or SMS for the same passenger loses, and so does one after the departure
          // under way has told this passenger (their seat gone, or the bus left with them) — the trip is still open then.
          .where((a, { eq, notExists }) => `${before ? eq(a.boarding, before) : notExists(a.boarding)} AND ${notExists(a.departNotified)}`)
          .commit(),
    },
    tripInRollCall(trip, seatsTaken),
    ...(by === 'sms'
      ? []
      : [auditPart(deps, { actor: by, action: present ? 'trip.board' : 'trip.absent', target: labourerTarget(labourerId), county: trip.county, after: { tripId: trip.id, seatNo: seat.seatNo } })]),
  ];
}

/** POST /trips/{id}/boarding: the escort's or coordinator's tap. */
export async function recordBoarding(
  deps: Deps,
  trip: TripView,
  labourerId: string,
  present: boolean,
  by: string,
): Promise<{ labourerId: string; seatNo: number; boarding: 'present' | 'absent' }> {
  const { data: seat } = await deps.db.entities.seat.get({ tripId: trip.id, labourerId }).go({ consistent: true });
  if (!seat) throw new NotFoundError('这趟车上没有这位乘客');
  const parts = boardingParts(deps, trip, seat, present, by);
  const outcome = await writeTransaction(deps.db, parts);
  if (!outcome.ok) {
    if (outcome.failed.has('seat')) {
      const { data: now } = await deps.db.entities.seat.get({ tripId: trip.id, labourerId }).go({ consistent: true });
      throw new ConflictError(now?.departNotified ? DEPARTING : '这位乘客的签到刚刚已被记录，请刷新');
    }
    throw new ConflictError(present && seat.boarding === 'absent' ? '座位已让给其他乘客，不能再签到' : '这趟车已发车或已取消，不能再签到');
  }
  return { labourerId, seatNo: seat.seatNo, boarding: present ? 'present' : 'absent' };
}

async function seatsAndPeople(deps: Pick<Deps, 'db'>, tripId: string) {
  const { data: seats } = await deps.db.entities.seat.query.byTrip({ tripId }).go({ pages: 'all', consistent: true });
  const people = new Map<string, { labourerId: string; name: string; phone: string; homeCounty: string }>();
  for (let i = 0; i < seats.length; i += 100) {
    const { data } = await deps.db.entities.labourer
      .get(seats.slice(i, i + 100).map((s) => ({ labourerId: s.labourerId })))
      .go({ attributes: ['labourerId', 'name', 'phone', 'homeCounty'] });
    for (const p of data) if (p.phone) people.set(p.labourerId!, p as never);
  }
  return { seats, people };
}

/** The trip is still in one of these statuses (a check inside a passenger's transaction). */
function tripStill(trip: TripView, statuses: readonly TripView['status'][]): TxPart {
  return {
    name: 'tripStill',
    item: ({ trip: entity }) =>
      entity
        .check({ tripId: trip.id })
        .where((a, { eq }) => `(${statuses.map((s) => eq(a.status, s)).join(' OR ')})`)
        .commit(),
  };
}

/**
 * The bus leaves: refused while any passenger is neither checked in nor marked absent. Those aboard are
 * told who escorts them; a no-show is told the seat went and waits for a bus again (`accepted`). Each
 * passenger first, one transaction each, marked on the seat (a call cut short and repeated tells nobody
 * twice); then the trip moves, conditionally, so a second call finds it departed (409).
 */
export async function departTrip(deps: Deps, trip: TripView, actor: string): Promise<{ departed: number; absent: number }> {
  if (trip.status !== 'booked' && trip.status !== 'boarding') throw new ConflictError('这趟车不在待发车状态（未预订、已发车或已取消）');
  // The ledger and the subsidy claim read the bus's day: a bus leaving earlier gets its date changed first.
  if (chinaToday(deps.clock.now()) < trip.date) {
    throw new ConflictError(`这趟车定在${chineseMonthDay(trip.date)}发车，今天还不能发车；如需提前发车，请协调员先把乘车日期改为今天`, [{ path: 'date', message: trip.date }]);
  }
  const { seats, people } = await seatsAndPeople(deps, trip.id);
  const unchecked = seats.filter((s) => !s.boarding);
  if (unchecked.length > 0) {
    throw new ConflictError(`还有 ${unchecked.length} 位乘客未签到也未标记未到，不能发车`, unchecked.map((s) => ({ path: s.labourerId, message: `${s.seatNo}号座 ${people.get(s.labourerId)?.name ?? ''}`.trim() })));
  }
  const escort = trip.escortPhone ? `${trip.escort ?? ''}${trip.escort ? ' ' : ''}${trip.escortPhone.replace(/^\+86/, '')}` : (trip.escort ?? '人员');
  let departed = 0;
  let absent = 0;
  for (const s of seats.filter((x) => !x.departNotified)) {
    const person = people.get(s.labourerId);
    if (!person) continue;
    const aboard = s.boarding === 'present';
    const sms = aboard
      ? renderSms('tripDeparted', { name: person.name, destination: trip.destinationName, escort })
      : renderSms('tripMissed', { name: person.name, date: chineseMonthDay(trip.date) });
    const outcome = await writeTransaction(deps.db, [
      {
        name: 'seat',
        item: ({ seat: entity }) =>
          entity
            .patch({ tripId: trip.id, labourerId: s.labourerId })
            .set({ departNotified: true })
            // The mark as read: a check-in changed meanwhile is decided on the next call.
            .where((a, { eq, notExists }) => `${notExists(a.departNotified)} AND ${eq(a.boarding, s.boarding!)}`)
            .commit(),
      },
      tripStill(trip, ['booked', 'boarding']),
      // Aboard, the labourer is `travelling` since booking: the notice is all that changes for them.
      ...(aboard ? [] : [moveLabourer(person, 'travelling', 'accepted')]),
      outboxPart(deps, { to: person.phone, sms, county: person.homeCounty }),
    ]);
    if (outcome.ok && aboard) departed++;
    if (outcome.ok && !aboard) absent++;
  }
  const moved = await writeTransaction(deps.db, [
    {
      name: 'tripStatus',
      item: ({ trip: entity }) =>
        entity
          .patch({ tripId: trip.id })
          .set({ status: 'departed', departedAt: deps.clock.now().toISOString() })
          .composite({ county: trip.county, date: trip.date })
          .where((a, { eq }) => `(${eq(a.status, 'booked')} OR ${eq(a.status, 'boarding')})`)
          .commit(),
    },
    auditPart(deps, { actor, action: 'trip.depart', target: `trip:${trip.id}`, county: trip.county, after: { present: seats.filter((x) => x.boarding === 'present').length, absent: seats.filter((x) => x.boarding === 'absent').length } }),
  ]);
  if (!moved.ok && departed + absent === 0) throw new ConflictError('这趟车刚刚已发车或已取消');
  return { departed, absent };
}

/**
 * The bus is there: each passenger aboard becomes `arrived`, their accepted offer records the trip and the
 * day (the employer's list and the 3-day confirmation read it), and they are told to report for work. Each
 * passenger first (their move from `travelling` makes a repeated call skip them), then the trip.
 */
export async function arriveTrip(deps: Deps, trip: TripView, actor: string): Promise<{ arrived: number }> {
  if (trip.status !== 'departed') throw new ConflictError(trip.status === 'arrived' ? '这趟车已经到达' : '这趟车还没有发车，不能登记到达');
  const now = deps.clock.now().toISOString();
  const { seats, people } = await seatsAndPeople(deps, trip.id);
  let arrived = 0;
  for (const s of seats.filter((x) => x.boarding === 'present')) {
    const person = people.get(s.labourerId);
    if (!person) continue;
    const { data: offers } = await deps.db.entities.offer.query.offersByLabourer({ labourerId: s.labourerId, status: 'accepted' }).go();
    const offer = offers[0];
    const sms = renderSms('tripArrived', { name: person.name, destination: trip.destinationName });
    const outcome = await writeTransaction(deps.db, [
      tripStill(trip, ['departed']),
      moveLabourer(person, 'travelling', 'arrived'),
      ...(offer
        ? [
            {
              name: 'offerArrival',
              item: ({ offer: entity }) =>
                entity
                  .patch({ offerId: offer.offerId })
                  .set({ tripId: trip.id, arrivedAt: now })
                  .where((a, { eq }) => eq(a.status, 'accepted'))
                  .commit(),
            } satisfies TxPart,
          ]
        : []),
      outboxPart(deps, { to: person.phone, sms, county: person.homeCounty }),
    ]);
    if (outcome.ok) arrived++;
  }
  const moved = await writeTransaction(deps.db, [
    {
      name: 'tripStatus',
      item: ({ trip: entity }) =>
        entity
          .patch({ tripId: trip.id })
          .set({ status: 'arrived', arrivedAt: now })
          .composite({ county: trip.county, date: trip.date })
          .where((a, { eq }) => eq(a.status, 'departed'))
          .commit(),
    },
    auditPart(deps, { actor, action: 'trip.arrive', target: `trip:${trip.id}`, county: trip.county, after: { arrived } }),
  ]);
  if (!moved.ok && arrived === 0) throw new ConflictError('这趟车刚刚已登记到达');
  return { arrived };
}
