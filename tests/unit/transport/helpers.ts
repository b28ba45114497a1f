// Builders for transport tests: travellers from day offsets, and a plan's invariants in one place.
import type { PlanOptions, Traveller, TripPlan } from '../../../functions/domain/transport/index.js';

const BASE = Date.UTC(2027, 1, 10);

/** The ISO date `offset` days after 2027-02-10. */
export function day(offset: number): string {
  return new Date(BASE + offset * 86_400_000).toISOString().slice(0, 10);
}

export function offsetOf(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - BASE) / 86_400_000);
}

export function traveller(labourerId: string, earliest: number, latest: number, route: Partial<Traveller> = {}): Traveller {
  return { labourerId, originCounty: '522422', destinationCity: '4403', earliest: day(earliest), latest: day(latest), ...route };
}

/** Travellers `prefix`0 … `prefix`(count−1) with one window. */
export function crowd(prefix: string, count: number, earliest: number, latest: number, route: Partial<Traveller> = {}): Traveller[] {
  return Array.from({ length: count }, (_, i) => traveller(`${prefix}${String(i).padStart(3, '0')}`, earliest, latest, route));
}

/** Every hard rule of a plan; returns the violations (empty when the plan is sound). */
export function violations(travellers: readonly Traveller[], plan: TripPlan, seats: number, options: PlanOptions): string[] {
  const problems: string[] = [];
  const byId = new Map(travellers.map((t) => [t.labourerId, t]));
  const seen = new Map<string, number>();
  for (const trip of plan.trips) {
    if (trip.passengers.length === 0) problems.push(`empty bus ${trip.origin}→${trip.destination} ${trip.date}`);
    if (trip.passengers.length > seats) problems.push(`bus over ${seats} seats: ${trip.passengers.length}`);
    for (const id of trip.passengers) {
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const t = byId.get(id);
      if (!t) {
        problems.push(`unknown passenger ${id}`);
        continue;
      }
      if (t.originCounty !== trip.origin || t.destinationCity !== trip.destination) problems.push(`${id} on the wrong route`);
      if (trip.date < t.earliest || trip.date > t.latest) problems.push(`${id} leaves ${trip.date} outside ${t.earliest}…${t.latest}`);
    }
  }
  for (const [id, count] of seen) if (count > 1) problems.push(`${id} on ${count} buses`);
  for (const u of plan.unplanned) if (seen.has(u.labourerId)) problems.push(`${u.labourerId} both planned and unplanned`);
  const accounted = new Set([...seen.keys(), ...plan.unplanned.map((u) => u.labourerId)]);
  for (const t of travellers) if (!accounted.has(t.labourerId)) problems.push(`${t.labourerId} dropped silently`);
  if (seen.size + plan.unplanned.length !== travellers.length) problems.push('planned + unplanned ≠ travellers');
  if (options.maxDeparturesPerDay !== undefined) {
    const perDay = new Map<string, number>();
    for (const trip of plan.trips) perDay.set(`${trip.origin} ${trip.date}`, (perDay.get(`${trip.origin} ${trip.date}`) ?? 0) + 1);
    for (const [key, count] of perDay) if (count > options.maxDeparturesPerDay) problems.push(`${count} departures ${key}`);
  }
  if (plan.buses !== plan.trips.length) problems.push('buses ≠ trips');
  if (plan.gap !== plan.buses - plan.lowerBound || plan.gap < 0) problems.push(`gap ${plan.gap}`);
  return problems;
}
