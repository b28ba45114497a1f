// Editing a planned or booked bus: its day, departure time, vehicle (seats follow the plan's load factor),
// plate and escort. One transaction conditional on the bus as read (status, passengers, seats taken), so a
// passenger moved in meanwhile is never left over capacity nor without the notice; every seated passenger
// gets one SMS listing what changed (the escort is staff business: no SMS).
import { chinaToday, chineseMonthDay } from '#domain/calendar.js';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.js';
import { renderSms } from '#domain/sms/templates.js';
import { describeTripChange, dropArrivals, minutesBetween, shiftTime, tripLoadFactor, usableSeats, type TripChange } from '#domain/trip-edits.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import { auditPart, changedFields } from './audit.js';
import type { Deps } from './deps.js';
import { outboxPart } from './outbox.js';
import { toTripView, type TripItem, type TripView } from './trip-view.js';

export interface TripEdit extends TripChange {
  escort?: string;
}

/** A bus still being arranged: after boarding starts it is the day's business, not a plan's. */
export const EDITABLE_STATUSES = ['proposed', 'booked'] as const;
const ATTEMPTS = 5;

export function isEditable(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** The bus as stored now (a consistent read: edits decide on it). */
export async function readTrip(deps: Pick<Deps, 'db'>, tripId: string): Promise<TripItem> {
  const { data } = await deps.db.entities.trip.get({ tripId }).go({ consistent: true });
  if (!data) throw new NotFoundError('没有这趟车');
  return data as TripItem;
}

export async function editTrip(deps: Deps, tripId: string, edit: TripEdit, actor: string): Promise<TripView> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const item = await readTrip(deps, tripId);
    if (!isEditable(item.status)) throw new ConflictError('这趟车已开始上车、已发车或已取消，不能再修改');
    const trip = toTripView(item);
    const changed = onlyChanged(trip, edit);
    if (Object.keys(changed).length === 0) return trip;
    if (changed.date !== undefined && changed.date < chinaToday(deps.clock.now())) {
      throw new ValidationError('修改内容有误', [{ path: 'date', message: '发车日期不能早于今天' }]);
    }
    const { data: seats } = await deps.db.entities.seat.query.byTrip({ tripId }).go({ pages: 'all', consistent: true });
    const set = newValues(trip, item, changed, seats);
    if (changed.date !== undefined) await refuseLateArrival(deps, trip, changed.date);
    const sms = await noticeParts(deps, trip, changed, seats);
    const parts: TxPart[] = [
      {
        name: 'trip',
        item: ({ trip: entity }) => {
          const base = entity.patch({ tripId }).set(set);
          // The old vehicle type's cost says nothing of the new one.
          const patch = changed.vehicleSeats !== undefined && item.vehicleCost !== undefined ? base.remove(['vehicleCost']) : base;
          // The county index is keyed on the day: a new day rebuilds its key.
          const keyed = changed.date !== undefined ? patch.composite({ county: item.county, status: item.status }) : patch;
          return keyed
            .where((a, { eq }) => `${eq(a.status, item.status)} AND ${eq(a.seatsTaken, item.seatsTaken)} AND ${eq(a.passengers, item.passengers)}`)
            .commit();
        },
      },
      auditPart(deps, { actor, action: 'trip.update', target: `trip:${tripId}`, county: item.county, ...changedFields(before(trip), changed as Record<string, unknown>) }),
      ...sms,
    ];
    const outcome = await writeTransaction(deps.db, parts);
    if (outcome.ok) return toTripView(await readTrip(deps, tripId));
    // The bus changed under us (a passenger moved, a booking, another edit): read it again and decide anew.
  }
  throw new ConflictError('这趟车正在被别人修改，请刷新后重试');
}

function before(trip: TripView): Record<string, unknown> {
  return { date: trip.date, departureTime: trip.departureTime, vehicleSeats: trip.vehicleSeats, vehiclePlate: trip.vehiclePlate, escort: trip.escort };
}

function onlyChanged(trip: TripView, edit: TripEdit): TripEdit {
  const current = before(trip);
  return Object.fromEntries(Object.entries(edit).filter(([key, value]) => value !== undefined && current[key] !== value)) as TripEdit;
}

type SeatRow = { labourerId: string; seatNo: number };

/** The attributes to write: the change, and what follows from it (seats, arrival day, stop times). */
function newValues(trip: TripView, item: TripItem, changed: TripEdit, seats: SeatRow[]) {
  const set: Partial<TripItem> = {};
  if (changed.vehiclePlate !== undefined) set.vehiclePlate = changed.vehiclePlate;
  if (changed.escort !== undefined) set.escort = changed.escort;
  if (changed.vehicleSeats !== undefined) {
    const loadFactor = tripLoadFactor(item);
    const usable = usableSeats(changed.vehicleSeats, loadFactor);
    const needed = Math.max(trip.passengers.length, trip.seatsTaken);
    if (usable < needed) {
      throw new ConflictError(`换成${changed.vehicleSeats}座车后只有${usable}个座位，车上已安排${needed}人，请先把多出的乘客移到别的车`);
    }
    const highest = Math.max(0, ...seats.map((s) => s.seatNo));
    if (highest > changed.vehicleSeats) throw new ConflictError(`已有乘客坐${highest}号座，${changed.vehicleSeats}座车没有这个座位`);
    Object.assign(set, { vehicleSeats: changed.vehicleSeats, seats: usable, loadFactor });
  }
  if (changed.date !== undefined) {
    set.date = changed.date;
    // The planner's travel days from the new day (not the old arrival shifted: older trips had none).
    const arrivals = arrivalsFrom(trip, changed.date);
    const last = [...arrivals.values()].sort().at(-1);
    if (last) set.arrivalDate = last;
  }
  if (changed.departureTime !== undefined) {
    set.departureTime = changed.departureTime;
    // Every stop keeps its distance in time from the departure.
    const minutes = minutesBetween(trip.departureTime, changed.departureTime);
    set.stops = trip.stops.map((s) => (s.time ? { ...s, time: shiftTime(s.time, minutes) } : s));
  }
  return set;
}

/** The day each drop (by its key) is reached when the bus leaves on `date`. */
function arrivalsFrom(trip: TripView, date: string): Map<string, string> {
  const drops = trip.stops.filter((s) => s.kind === 'drop');
  return dropArrivals(trip.county, date, drops.map((d) => d.code ?? d.name));
}

/**
 * A new day may not bring anyone on the bus to their drop after their job starts (issue #17): 409 naming
 * them, their start day and the arrival.
 */
async function refuseLateArrival(deps: Deps, trip: TripView, date: string): Promise<void> {
  if (trip.riders.length === 0) return;
  const arrivals = arrivalsFrom(trip, date);
  const fallback = [...arrivals.values()].sort().at(-1);
  const offers = await Promise.all(
    trip.riders.map(async (r) => (await deps.db.entities.offer.query.offersByLabourer({ labourerId: r.labourerId, status: 'accepted' }).go()).data[0]),
  );
  const vacancyIds = [...new Set(offers.flatMap((o) => (o ? [o.vacancyId] : [])))];
  if (vacancyIds.length === 0) return;
  const { data: jobs } = await deps.db.entities.vacancy.get(vacancyIds.map((vacancyId) => ({ vacancyId }))).go();
  const startOf = new Map(jobs.map((v) => [v.vacancyId, v.startDate]));
  const late = trip.riders.flatMap((r, i) => {
    const start = offers[i] && startOf.get(offers[i]!.vacancyId);
    const arrival = arrivals.get(r.drop) ?? fallback;
    return start && arrival && arrival > start ? [{ labourerId: r.labourerId, start, arrival }] : [];
  });
  if (late.length === 0) return;
  const { data: people } = await deps.db.entities.labourer.get(late.map((l) => ({ labourerId: l.labourerId }))).go();
  const nameOf = new Map(people.map((p) => [p.labourerId, p.name]));
  const who = late.map((l) => `${nameOf.get(l.labourerId) ?? '乘客'}（${chineseMonthDay(l.start)}开工）`);
  throw new ConflictError(
    `改到${chineseMonthDay(date)}发车要${chineseMonthDay(late[0]!.arrival)}才到，晚于${who.join('、')}的开工日期，请选早一点的日期或先把他们移到别的车`,
    late.map((l) => ({ path: 'date', message: `${nameOf.get(l.labourerId) ?? '乘客'}${chineseMonthDay(l.start)}开工` })),
  );
}

/** One SMS to each seated passenger when something they need to know changed (the escort is staff business). */
async function noticeParts(deps: Deps, trip: TripView, changed: TripEdit, seats: SeatRow[]): Promise<TxPart[]> {
  const { escort: _escort, ...forPassengers } = changed;
  const changes = describeTripChange(forPassengers);
  if (!changes || seats.length === 0) return [];
  // The earlier of the old and new days: a bus leaving tomorrow (or moved to tomorrow) is news tonight.
  const departureDate = changed.date !== undefined && changed.date < trip.date ? changed.date : trip.date;
  const ids = seats.map((s) => ({ labourerId: s.labourerId }));
  const { data: people } = await deps.db.entities.labourer.get(ids).go();
  const byId = new Map(people.map((p) => [p.labourerId, p]));
  return seats.flatMap((s, i) => {
    const person = byId.get(s.labourerId);
    if (!person) return [];
    const sms = renderSms('tripChanged', { name: person.name, changes, seat: s.seatNo });
    return [outboxPart(deps, { to: person.phone, sms, county: person.homeCounty, departureDate }, `sms${i}`)];
  });
}

