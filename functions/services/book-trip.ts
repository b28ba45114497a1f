// Booking a proposed bus: each planned passenger gets a seat, becomes `travelling` and is told by SMS —
// one transaction per passenger. The seat item exists once per (trip, labourer), so booking twice or
// concurrently assigns each passenger one seat and sends one notice. Cancelling a seat reverses it.
// Every seat is conditional on its bus still existing and bookable: a new plan may replace a proposed
// bus nobody is seated on yet, and a booking that finds its bus gone is refused (409), never half-done.
import type { WhereAttributeSymbol } from 'electrodb';
import { chineseMonthDay } from '#domain/calendar.js';
import { ConflictError, NotFoundError } from '#domain/errors.js';
import { renderSms } from '#domain/sms/templates.js';
import { firstFreeSeat } from '#domain/trip-edits.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import { auditPart, labourerTarget } from './audit.js';
import type { Deps } from './deps.js';
import type { LabourerItem } from './labourer-view.js';
import { newBoardingCode } from './boarding-code.js';
import { moveLabourer } from './labourer-status.js';
import { outboxPart } from './outbox.js';
import { riderPickup } from './rider-pickup.js';
import { toTripView, type TripView } from './trip-view.js';

export interface BookingResult {
  booked: number;
  seats: { seatNo: number; labourerId: string }[];
  /** Planned passengers who could not be seated (no longer waiting for a bus). */
  skipped: string[];
}

const BOOKABLE = ['proposed', 'booked'] as const;
const REPLACED = '这趟车已被新的排车计划替换或已取消，请刷新后重新预订';

export async function getTrip(deps: Pick<Deps, 'db'>, tripId: string): Promise<TripView> {
  const { data } = await deps.db.entities.trip.get({ tripId }).go();
  if (!data) throw new NotFoundError('没有这趟车');
  return toTripView(data);
}

/** `actor`: the staff member booking (audited with the booking's counts). */
export async function bookTrip(deps: Deps, trip: TripView, actor = 'system'): Promise<BookingResult> {
  if (trip.status === 'cancelled') throw new ConflictError('这趟车已取消，不能预订');
  const { labourer, offer, seat } = deps.db.entities;
  const skipped: string[] = [];
  // Seats are numbered from 1 in the passengers' order; a seat moved onto this bus (move-passenger.ts)
  // already holds its number, so each passenger not yet seated takes the lowest number still free. Each
  // seat is conditional on the seats known (seatsTaken as counted here) and on the passenger still being on
  // the bus: a seat taken meanwhile (another booking, a move) makes this one read the seats again.
  let known = await seatsOf(deps, trip.id);
  let limit = trip.seats;
  for (const labourerId of trip.passengers) {
    if (known.seated.has(labourerId)) continue;
    const { data: person } = await labourer.get({ labourerId }).go();
    const { data: accepted } = await offer.query.offersByLabourer({ labourerId, status: 'accepted' }).go();
    if (!person || !accepted[0]) {
      skipped.push(labourerId);
      continue;
    }
    for (let attempt = 1; ; attempt++) {
      const seatNo = firstFreeSeat(known.numbers);
      const outcome = await writeTransaction(deps.db, seatParts(deps, trip, person, seatNo, accepted[0].vacancyTitle, known.numbers.size, limit));
      if (outcome.ok) {
        known.numbers.add(seatNo);
        break;
      }
      // An existing seat means this passenger was booked already (a repeated or concurrent call).
      if (outcome.failed.has('seat')) break;
      const { data: now } = await deps.db.entities.trip.get({ tripId: trip.id }).go({ consistent: true });
      if (!now || !(BOOKABLE as readonly string[]).includes(now.status)) throw new ConflictError(REPLACED);
      known = await seatsOf(deps, trip.id);
      limit = now.seats;
      if (known.seated.has(labourerId)) break;
      // Full, moved to another bus, or no longer waiting: not seated here.
      if (!now.passengers.includes(labourerId) || now.seatsTaken >= now.seats || attempt >= SEAT_ATTEMPTS || !outcome.failed.has('tripSeats')) {
        skipped.push(labourerId);
        break;
      }
    }
  }
  const marked = await writeTransaction(deps.db, [
    {
      name: 'tripStatus',
      item: ({ trip: entity }) =>
        entity
          .patch({ tripId: trip.id })
          .set({ status: 'booked' })
          .composite({ county: trip.county, date: trip.date })
          .where((a, { eq }) => bookable(a.status, eq))
          .commit(),
    },
    auditPart(deps, {
      actor,
      action: 'trip.book',
      target: `trip:${trip.id}`,
      county: trip.county,
      after: { passengers: trip.passengers.length - skipped.length, skipped: skipped.length, date: trip.date, destination: trip.destinationName },
    }),
  ]);
  if (!marked.ok) throw new ConflictError(REPLACED);
  const { data: seats } = await seat.query.byTrip({ tripId: trip.id }).go({ pages: 'all' });
  return {
    booked: seats.length,
    seats: seats.map((s) => ({ seatNo: s.seatNo, labourerId: s.labourerId })).sort((a, b) => a.seatNo - b.seatNo),
    skipped,
  };
}

const SEAT_ATTEMPTS = 5;

/** The bus's seats as stored now: who is seated, and the numbers taken. */
async function seatsOf(deps: Pick<Deps, 'db'>, tripId: string) {
  const { data } = await deps.db.entities.seat.query.byTrip({ tripId }).go({ pages: 'all', consistent: true });
  return { seated: new Set(data.map((s) => s.labourerId)), numbers: new Set(data.map((s) => s.seatNo)) };
}

/** `seatsKnown`: the seats taken as this booking counted them (the seat is refused if that changed); `limit`: the bus's seats. */
function seatParts(deps: Deps, trip: TripView, person: LabourerItem, seatNo: number, vacancyTitle: string, seatsKnown: number, limit: number): TxPart[] {
  const boarding = riderPickup(trip, person.labourerId);
  const boardingCode = newBoardingCode();
  const sms = renderSms('tripBooked', {
    name: person.name,
    date: chineseMonthDay(trip.date),
    // Where this passenger boards (their pickup stop and its time), not only the bus's first stop.
    time: boarding.time,
    pickup: boarding.name,
    destination: trip.destinationName,
    seat: seatNo,
    plate: trip.vehiclePlate,
    code: boardingCode,
  });
  return [
    {
      name: 'seat',
      item: ({ seat }) =>
        seat.create({ tripId: trip.id, labourerId: person.labourerId, seatNo, vacancyTitle, boardingCode, createdAt: deps.clock.now().toISOString() }).commit(),
    },
    moveLabourer(person, 'accepted', 'travelling'),
    {
      name: 'tripSeats',
      item: ({ trip: entity }) =>
        entity
          .patch({ tripId: trip.id })
          .add({ seatsTaken: 1 })
          .where(
            (a, { eq, lt, contains }) =>
              `${lt(a.seatsTaken, limit)} AND ${eq(a.seatsTaken, seatsKnown)} AND ${contains(a.passengers, person.labourerId)} AND ${bookable(a.status, eq)}`,
          )
          .commit(),
    },
    outboxPart(deps, { to: person.phone, sms, county: person.homeCounty, departureDate: trip.date }),
  ];
}

type Eq = <T, A extends WhereAttributeSymbol<T>>(attr: A, value: T) => string;

/** The bus takes passengers (that it still exists, ElectroDB's patch requires anyway). */
function bookable(status: WhereAttributeSymbol<TripView['status']>, eq: Eq): string {
  return `(${BOOKABLE.map((value: TripView['status']) => eq(status, value)).join(' OR ')})`;
}

/** A seat may be given up until the bus leaves (at the roll call too); after that the passenger is on the road. */
const CANCELLABLE = ['booked', 'boarding'] as const;

/**
 * Frees the seat, takes the person off the bus (its passengers and riders, so booking it again does not
 * seat them again), tells them, and puts them back among those waiting for a bus. One transaction,
 * conditional on the bus as read (status, passengers) and the seat as read (its roll-call mark, not yet
 * told of the departure): a no-show's seat was already counted free at the roll call, so it is not freed
 * twice. A bus changed meanwhile is read again.
 */
export async function cancelSeat(deps: Deps, trip: TripView, labourerId: string, actor = 'system'): Promise<void> {
  for (let attempt = 1; attempt <= SEAT_ATTEMPTS; attempt++) {
    const [{ data: now }, { data: taken }, { data: person }] = await Promise.all([
      deps.db.entities.trip.get({ tripId: trip.id }).go({ consistent: true }),
      deps.db.entities.seat.get({ tripId: trip.id, labourerId }).go({ consistent: true }),
      deps.db.entities.labourer.get({ labourerId }).go({ consistent: true }),
    ]);
    if (!now || !taken || !person) throw new NotFoundError('这趟车上没有这位乘客');
    if (!(CANCELLABLE as readonly string[]).includes(now.status) || taken.departNotified) {
      throw new ConflictError(now.status === 'proposed' ? '这趟车还没有预订，没有座位可取消' : '这趟车已发车、已到达或已取消，不能再取消座位');
    }
    const absent = taken.boarding === 'absent';
    const sms = renderSms('seatCancelled', { name: person.name, date: chineseMonthDay(now.date), destination: now.destinationName });
    const outcome = await writeTransaction(deps.db, [
      {
        name: 'seat',
        item: ({ seat }) =>
          seat
            .delete({ tripId: trip.id, labourerId })
            .where((a, { eq, exists, notExists }) => `${exists(a.seatNo)} AND ${notExists(a.departNotified)} AND ${taken.boarding ? eq(a.boarding, taken.boarding) : notExists(a.boarding)}`)
            .commit(),
      },
      moveLabourer(person, 'travelling', 'accepted'),
      {
        name: 'tripSeats',
        item: ({ trip: entity }) => {
          const set = entity
            .patch({ tripId: trip.id })
            .set({ passengers: now.passengers.filter((id) => id !== labourerId), riders: (now.riders ?? []).filter((r) => r.labourerId !== labourerId) });
          // A no-show's seat was counted free when they were marked absent.
          return (absent ? set : set.add({ seatsTaken: -1 })).where((a, { eq }) => `${eq(a.status, now.status)} AND ${eq(a.passengers, now.passengers)}`).commit();
        },
      },
      outboxPart(deps, { to: person.phone, sms, county: person.homeCounty, departureDate: now.date }),
      auditPart(deps, {
        actor,
        action: 'seat.cancel',
        target: labourerTarget(labourerId),
        county: person.homeCounty,
        before: { tripId: trip.id, seatNo: taken.seatNo, date: now.date, destination: now.destinationName, ...(taken.boarding ? { boarding: taken.boarding } : {}) },
      }),
    ]);
    if (outcome.ok) return;
    // The seat, the person or the bus changed since read (a check-in, another cancel, a move, the departure): read again.
  }
  throw new ConflictError('这趟车正在被别人调整，请稍后重试');
}
