// Planning options, normalised rather than rejected, so planTrips stays total.
import { toDayNumber } from './day-numbers.js';
import type { PlanOptions, VehicleType } from './types.js';

const DEFAULT_CAPACITY = 45;
const DEFAULT_LOAD_FACTOR = 1;
const DEFAULT_MAX_STOPS = 3;
const DEFAULT_MAX_DROPS = 2;
const DEFAULT_DROP_RADIUS_KM = 100;
const DEFAULT_DEPARTURE_TIME = '07:30';

/**
 * Coaches of 53, 45 and 35 seats, a 19-seat minibus and a 7-seat van, priced relative to the 45-seat
 * coach (100): a charter's price grows far slower than its seats, so big coaches are cheaper a seat,
 * and a van is the cheapest way to move three people.
 */
export const DEFAULT_FLEET: readonly VehicleType[] = [
  { seats: 53, cost: 115 },
  { seats: 45, cost: 100 },
  { seats: 35, cost: 85 },
  { seats: 19, cost: 55 },
  { seats: 7, cost: 30 },
];

/** A vehicle type as planned: its own seats, the seats usable under the load factor, its cost. */
export interface Vehicle {
  vehicleSeats: number;
  seats: number;
  cost: number;
}

export interface Settings {
  /** Usable seats descending, then cost ascending; at least one type. */
  fleet: Vehicle[];
  /** The most seats any vehicle has. */
  maxSeats: number;
  cap: number | undefined;
  maxStops: number;
  maxDrops: number;
  dropRadiusKm: number;
  departFrom: number | undefined;
  departTo: number | undefined;
  /** Day numbers, ascending, distinct; undefined = any day. */
  departureDates: number[] | undefined;
  departureTime: string;
}

export function settingsOf(options: PlanOptions): Settings {
  const fleet = vehiclesOf(options);
  const dates = options.departureDates?.map(toDayNumber).filter((d): d is number => d !== undefined);
  return {
    fleet,
    maxSeats: fleet[0]!.seats,
    cap: departuresCap(options),
    maxStops: wholeAtLeastOne(options.maxStops, DEFAULT_MAX_STOPS),
    maxDrops: wholeAtLeastOne(options.maxDrops, DEFAULT_MAX_DROPS),
    dropRadiusKm: options.dropRadiusKm !== undefined && Number.isFinite(options.dropRadiusKm) && options.dropRadiusKm >= 0 ? options.dropRadiusKm : DEFAULT_DROP_RADIUS_KM,
    departFrom: options.departFrom === undefined ? undefined : toDayNumber(options.departFrom),
    departTo: options.departTo === undefined ? undefined : toDayNumber(options.departTo),
    departureDates: options.departureDates === undefined ? undefined : [...new Set(dates)].sort((a, b) => a - b),
    departureTime: /^([01]\d|2[0-3]):[0-5]\d$/.test(options.departureTime ?? '') ? options.departureTime! : DEFAULT_DEPARTURE_TIME,
  };
}

/**
 * The fleet with seats = floor(seats × loadFactor), at least one each (45 × 0.01 would otherwise carry
 * nobody). Types with a non-finite or non-positive seat count or cost are left out; an empty fleet
 * falls back to the default. `capacity` alone means one type of that many seats (the season-1 bus).
 */
export function vehiclesOf(options: PlanOptions): Vehicle[] {
  const loadFactor = positiveOr(options.loadFactor, DEFAULT_LOAD_FACTOR);
  const given = (options.fleet ?? []).filter((v) => positive(v.seats) && positive(v.cost));
  const types =
    given.length > 0 ? given : options.capacity !== undefined && options.fleet === undefined ? [{ seats: positiveOr(options.capacity, DEFAULT_CAPACITY), cost: 1 }] : DEFAULT_FLEET;
  const vehicles = types.map((v) => ({ vehicleSeats: Math.floor(v.seats), seats: Math.max(1, Math.floor(Math.floor(v.seats) * loadFactor)), cost: v.cost }));
  vehicles.sort((a, b) => b.seats - a.seats || a.cost - b.cost || b.vehicleSeats - a.vehicleSeats);
  // Of types with the same usable seats only the cheapest can be worth taking.
  return vehicles.filter((v, i) => i === 0 || vehicles[i - 1]!.seats !== v.seats);
}

/** Usable seats of the season-1 single bus: floor(capacity × loadFactor), at least 1. */
export function seatsPerBus(options: PlanOptions): number {
  return vehiclesOf({ capacity: options.capacity ?? DEFAULT_CAPACITY, loadFactor: options.loadFactor })[0]!.seats;
}

/** undefined (no cap) for undefined, NaN or +Infinity; otherwise a whole number ≥ 0. */
export function departuresCap(options: PlanOptions): number | undefined {
  const cap = options.maxDeparturesPerDay;
  if (cap === undefined || Number.isNaN(cap) || cap === Infinity) return undefined;
  return Math.max(0, Math.floor(cap));
}

function wholeAtLeastOne(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

function positive(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && positive(value) ? value : fallback;
}
