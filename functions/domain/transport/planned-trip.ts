// One planned vehicle as the plan gives it: pickups in route order with times staggered from the
// departure (MINUTES_PER_PICKUP apart), drops in route order with the day each is reached, riders.
import type { DepartureCalendar } from './calendar-index.js';
import { compareText } from './group-travellers.js';
import type { Settings } from './plan-options.js';
import type { Pickup, PlannedStop, PlannedTrip } from './types.js';
import type { Passenger, Unit } from './units.js';

/** Minutes between two pickups of one vehicle (a township stop, boarding and the drive to the next). */
export const MINUTES_PER_PICKUP = 30;
/** Arriving this many days before the start (or fewer) is what counties ask for; earlier counts as early. */
const GOOD_EARLY_DAYS = 2;

export function tripOf(
  origin: string,
  unit: Unit,
  index: number,
  aboard: readonly Passenger[],
  vehicle: Settings['fleet'][number],
  settings: Settings,
  calendar: DepartureCalendar,
  pickups: ReadonlyMap<string, Pickup>,
  totals: { waitingDays: number; earlyDays: number },
): PlannedTrip {
  const set = unit.corridors.dropSets[unit.dropSet]!;
  const day = calendar.day(index);
  const date = calendar.iso(index);
  const pickupKeys = [...new Set(aboard.map((p) => p.pickupKey))];
  const dropPositions = [...new Set(aboard.map((p) => p.dropPos))].sort((a, b) => a - b);
  const stops: PlannedStop[] = [];
  // pickups in route order (aboard is sorted by pickup rank), one every MINUTES_PER_PICKUP
  pickupKeys.forEach((key, k) => {
    const pickup = pickups.get(key)!;
    stops.push({ kind: 'pickup', ...(pickup.code ? { code: pickup.code } : {}), name: pickup.name, time: clockPlus(settings.departureTime, k * MINUTES_PER_PICKUP) });
  });
  for (const pos of dropPositions) stops.push({ kind: 'drop', code: set.drops[pos]!, name: set.drops[pos]!, date: isoPlus(date, set.offsets[pos]!) });
  for (const p of aboard) {
    totals.waitingDays += day - p.earliestDay;
    totals.earlyDays += Math.max(0, p.startDay - (day + set.offsets[p.dropPos]!) - GOOD_EARLY_DAYS);
  }
  return {
    origin,
    destination: set.drops[dropPositions[0]!]!,
    date,
    departureTime: settings.departureTime,
    arrivalDate: isoPlus(date, set.offsets[dropPositions[dropPositions.length - 1]!]!),
    vehicleSeats: vehicle.vehicleSeats,
    seats: vehicle.seats,
    cost: vehicle.cost,
    stops,
    passengers: aboard.map((p) => p.id).sort(compareText),
    riders: aboard.map((p) => ({ labourerId: p.id, pickup: p.pickupKey, drop: p.drop })).sort((a, b) => compareText(a.labourerId, b.labourerId)),
  };
}

function isoPlus(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** HH:MM plus minutes, on a 24-hour clock. */
function clockPlus(hhmm: string, minutes: number): string {
  const total = (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + minutes) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

