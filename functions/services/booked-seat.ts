// A labourer's seat on a bus, for the status reply (CX): the departure date, where and when they board
// (their pickup stop and its time) and the seat. Seats are keyed by trip, so the county's booked trips
// from today on are read (a county books tens at a time) and the labourer's seat is fetched on each in one
// batch; a seat moved onto a bus not yet booked (move-passenger.ts) is looked for there next.
import { chinaToday } from '#domain/calendar.js';
import type { Deps } from './deps.js';
import { riderPickup } from './rider-pickup.js';
import { toTripView, type TripItem } from './trip-view.js';

export interface BookedSeat {
  tripId: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** When they board: their pickup stop's time, else the departure. */
  departureTime: string;
  /** Where they board: their pickup stop's name. */
  pickupPoint: string;
  seatNo: number;
}

export async function findBookedSeat(deps: Pick<Deps, 'db' | 'clock'>, labourer: { id: string; homeCounty: string }): Promise<BookedSeat | undefined> {
  for (const status of ['booked', 'proposed'] as const) {
    const found = await seatOn(deps, labourer, status);
    if (found) return found;
  }
  return undefined;
}

async function seatOn(deps: Pick<Deps, 'db' | 'clock'>, labourer: { id: string; homeCounty: string }, status: 'booked' | 'proposed'): Promise<BookedSeat | undefined> {
  const { trip, seat } = deps.db.entities;
  const today = chinaToday(deps.clock.now());
  const query = trip.query.tripsByCounty({ county: labourer.homeCounty, status }).gte({ date: today });
  // Only buses that hold the labourer: a county's proposals can be many.
  const { data: read } = await (status === 'proposed' ? query.where((a, { contains }) => contains(a.passengers, labourer.id)) : query).go({ pages: 'all' });
  // gte on the sort key reads past the status's own keys (departed, proposed … after booked): keep its own.
  const trips = read.filter((t) => t.status === status);
  if (trips.length === 0) return undefined;
  const { data: seats } = await seat.get(trips.map((t) => ({ tripId: t.tripId, labourerId: labourer.id }))).go();
  const byTrip = new Map(trips.map((t) => [t.tripId, t]));
  const found = seats.map((s) => ({ s, t: byTrip.get(s.tripId)! })).sort((a, b) => a.t.date.localeCompare(b.t.date))[0];
  if (!found) return undefined;
  const boarding = riderPickup(toTripView(found.t as TripItem), labourer.id);
  return { tripId: found.t.tripId, date: found.t.date, departureTime: boarding.time, pickupPoint: boarding.name, seatNo: found.s.seatNo };
}
