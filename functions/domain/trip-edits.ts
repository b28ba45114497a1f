// Pure arithmetic of editing a planned bus: usable seats of another vehicle, the first free seat number,
// times moved with the departure, and the words an SMS uses for what changed.
import { chineseMonthDay } from './calendar.js';
import { arrivalOffsetDays, roadKm } from './transport/index.js';

/** Seats usable on a vehicle: floor(vehicleSeats × loadFactor) (a tiny epsilon keeps 45 × 0.8 at 36). */
export function usableSeats(vehicleSeats: number, loadFactor: number): number {
  return Math.floor(vehicleSeats * loadFactor + 1e-9);
}

/** The load factor a trip was planned with: kept on it, else read back from its seats (1 for the oldest trips). */
export function tripLoadFactor(trip: { loadFactor?: number; seats: number; vehicleSeats?: number }): number {
  if (trip.loadFactor !== undefined) return trip.loadFactor;
  if (!trip.vehicleSeats) return 1;
  return Math.min(1, trip.seats / trip.vehicleSeats);
}

/** The lowest seat number from 1 not taken. */
export function firstFreeSeat(taken: Iterable<number>): number {
  const used = new Set(taken);
  let seat = 1;
  while (used.has(seat)) seat++;
  return seat;
}

const MINUTES_A_DAY = 24 * 60;

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Minutes from one HH:MM to another (negative when earlier). */
export function minutesBetween(from: string, to: string): number {
  return minutesOf(to) - minutesOf(from);
}

/** HH:MM moved by `minutes`, around the clock (a drop after midnight stays a time of day). */
export function shiftTime(time: string, minutes: number): string {
  const total = (((minutesOf(time) + minutes) % MINUTES_A_DAY) + MINUTES_A_DAY) % MINUTES_A_DAY;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface TripChange {
  date?: string;
  departureTime?: string;
  vehicleSeats?: number;
  vehiclePlate?: string;
}

/**
 * What changed, as the passenger's SMS says it: "改为3月6日08:00发车，换35座车，车牌川H12345" — only the
 * parts that changed; empty when nothing a passenger needs to know changed.
 */
export function describeTripChange(change: TripChange): string {
  const parts: string[] = [];
  if (change.date !== undefined || change.departureTime !== undefined) {
    parts.push(`改为${change.date !== undefined ? chineseMonthDay(change.date) : ''}${change.departureTime ?? ''}发车`);
  }
  if (change.vehicleSeats !== undefined) parts.push(`换${change.vehicleSeats}座车`);
  if (change.vehiclePlate !== undefined) parts.push(`车牌${change.vehiclePlate}`);
  return parts.join('，');
}

/** A stop of a planned bus as stored (pickups in route order, then drops). */
export interface EditStop {
  kind: 'pickup' | 'drop';
  code?: string;
  name: string;
  time?: string;
}

const keyOf = (stop: { code?: string; name: string }) => stop.code ?? stop.name;
const names = (stop: { code?: string; name: string }, key: string) => keyOf(stop) === key || stop.name === key;

/** The bus's stops someone boards or leaves at; order and times kept. A bus nobody rides keeps its stops. */
export function stopsInUse<S extends EditStop>(stops: readonly S[], riders: readonly { pickup: string; drop: string }[]): S[] {
  if (riders.length === 0) return [...stops];
  const used = stops.filter((s) => riders.some((r) => names(s, s.kind === 'pickup' ? r.pickup : r.drop)));
  // Never leave a bus without a pickup or a drop (riders naming no stop board at the first one).
  const pickups = used.filter((s) => s.kind === 'pickup');
  const drops = used.filter((s) => s.kind === 'drop');
  return [...(pickups.length > 0 ? pickups : stops.filter((s) => s.kind === 'pickup').slice(0, 1)), ...(drops.length > 0 ? drops : stops.filter((s) => s.kind === 'drop').slice(0, 1))];
}

/** As many pickups as the planner gives one vehicle by default (plan option maxStops). */
export const MAX_PICKUPS = 3;

/**
 * The bus's stops with one more pickup after its last, `minutesPerPickup` later (the planner's stagger);
 * undefined when it already has `maxPickups`.
 */
export function withPickup<S extends EditStop>(stops: readonly S[], pickup: { code?: string; name: string }, minutesPerPickup: number, maxPickups = MAX_PICKUPS): EditStop[] | undefined {
  const pickups = stops.filter((s) => s.kind === 'pickup');
  if (pickups.length >= maxPickups) return undefined;
  const last = pickups[pickups.length - 1];
  const added: EditStop = { kind: 'pickup', ...(pickup.code ? { code: pickup.code } : {}), name: pickup.name, ...(last?.time ? { time: shiftTime(last.time, minutesPerPickup) } : {}) };
  return [...pickups, added, ...stops.filter((s) => s.kind === 'drop')];
}

/** Whether a drop (a city's or a county's code) serves a job in `jobCounty` (6 digits). */
export function dropServes(drop: { code?: string }, jobCounty: string): boolean {
  return drop.code !== undefined && drop.code.length >= 4 && jobCounty.startsWith(drop.code);
}

/**
 * The day each drop is reached for a bus leaving `origin` on `date`: the planner's rule (road km along the
 * drops in order, 600 km a day, transport/travel.ts).
 */
export function dropArrivals(origin: string, date: string, dropCodes: readonly string[]): Map<string, string> {
  const arrivals = new Map<string, string>();
  let km = 0;
  let from = origin;
  for (const code of dropCodes) {
    km += roadKm(from, code);
    arrivals.set(code, addDays(date, arrivalOffsetDays(km)));
    from = code;
  }
  return arrivals;
}
