// Where and when one passenger boards: their rider entry's pickup stop (its name and time), else the
// bus's first pickup at its departure time (trips planned before riders existed).
import type { TripView } from './trip-view.js';

export interface RiderPickup {
  name: string;
  time: string;
}

const stopKey = (stop: { code?: string; name: string }) => stop.code ?? stop.name;

export function riderPickup(trip: Pick<TripView, 'stops' | 'riders' | 'pickupPoint' | 'departureTime'>, labourerId: string): RiderPickup {
  const rider = trip.riders.find((r) => r.labourerId === labourerId);
  const pickups = trip.stops.filter((s) => s.kind === 'pickup');
  const stop = (rider && pickups.find((s) => stopKey(s) === rider.pickup || s.name === rider.pickup)) ?? pickups[0];
  return { name: stop?.name ?? trip.pickupPoint, time: stop?.time ?? trip.departureTime };
}

export { stopKey };
