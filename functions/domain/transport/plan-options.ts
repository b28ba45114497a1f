// Planning options, normalised rather than rejected, so planTrips stays total.
import type { PlanOptions } from './types.js';

const DEFAULT_CAPACITY = 45;
const DEFAULT_LOAD_FACTOR = 1;

/**
 * floor(capacity × loadFactor). A non-finite or non-positive capacity or load factor falls back to its
 * default, and a bus keeps at least one seat (45 × 0.01 would otherwise carry nobody).
 */
export function seatsPerBus(options: PlanOptions): number {
  const capacity = positiveOr(options.capacity, DEFAULT_CAPACITY);
  const loadFactor = positiveOr(options.loadFactor, DEFAULT_LOAD_FACTOR);
  return Math.max(1, Math.floor(capacity * loadFactor));
}

/** undefined (no cap) for undefined, NaN or +Infinity; otherwise a whole number ≥ 0. */
export function departuresCap(options: PlanOptions): number | undefined {
  const cap = options.maxDeparturesPerDay;
  if (cap === undefined || Number.isNaN(cap) || cap === Infinity) return undefined;
  return Math.max(0, Math.floor(cap));
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
