// A labourer's seat on a booked bus, for the status reply (CX): the departure date, time, place and seat.
// Seats are keyed by trip, so the county's booked trips from today on are read (a county books tens at a
// time) and the labourer's seat is fetched on each in one batch.
import { chinaToday } from '#domain/calendar.js';
import type { Deps } from './deps.js';

export interface BookedSeat {
  /** `YYYY-MM-DD`. */
  date: string;
  departureTime: string;
  pickupPoint: string;
  seatNo: number;
}

export async function findBookedSeat(deps: Pick<Deps, 'db' | 'clock'>, labourer: { id: string; homeCounty: string }): Promise<BookedSeat | undefined> {
  const { trip, seat } = deps.db.entities;
  const today = chinaToday(deps.clock.now());
  const { data: trips } = await trip.query.tripsByCounty({ county: labourer.homeCounty, status: 'booked' }).gte({ date: today }).go({ pages: 'all' });
  if (trips.length === 0) return undefined;
  const { data: seats } = await seat.get(trips.map((t) => ({ tripId: t.tripId, labourerId: labourer.id }))).go();
  const byTrip = new Map(trips.map((t) => [t.tripId, t]));
  const found = seats
    .map((s) => ({ s, t: byTrip.get(s.tripId)! }))
    .sort((a, b) => a.t.date.localeCompare(b.t.date))[0];
  return found && { date: found.t.date, departureTime: found.t.departureTime, pickupPoint: found.t.pickupPoint, seatNo: found.s.seatNo };
}
