// Builders for transport tests: travellers from day offsets, and a plan's invariants in one place.
import { arrivalOffsetDays, roadKm, vehiclesOf, type PlanOptions, type Traveller, type TripPlan } from '../../../functions/domain/transport/index.js';

const BASE = Date.UTC(2027, 1, 10);

/** The ISO date `offset` days after 2027-02-10. */
export function day(offset: number): string {
  return new Date(BASE + offset * 86_400_000).toISOString().slice(0, 10);
}

export function offsetOf(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - BASE) / 86_400_000);
}

/** 黔东南·岑巩县 → 深圳市 unless the route says otherwise. */
export function traveller(labourerId: string, earliest: number, latest: number, route: Partial<Traveller> = {}): Traveller {
  return { labourerId, originCounty: '522626', destinationCity: '4403', earliest: day(earliest), latest: day(latest), ...route };
}

/** Travellers `prefix`0 … `prefix`(count−1) with one window. */
export function crowd(prefix: string, count: number, earliest: number, latest: number, route: Partial<Traveller> = {}): Traveller[] {
  return Array.from({ length: count }, (_, i) => traveller(`${prefix}${String(i).padStart(3, '0')}`, earliest, latest, route));
}

/** Days from departure to arrival on the direct road. */
export function directOffset(origin: string, city: string): number {
  return arrivalOffsetDays(roadKm(origin, city));
}

/** Every hard rule of a plan; returns the violations (empty when the plan is sound). */
export function violations(travellers: readonly Traveller[], plan: TripPlan, options: PlanOptions): string[] {
  const problems: string[] = [];
  const byId = new Map(travellers.map((t) => [t.labourerId, t]));
  const seen = new Map<string, number>();
  const fleet = vehiclesOf(options);
  const maxStops = options.maxStops ?? 3;
  const maxDrops = options.maxDrops ?? 2;
  const batch = options.departureDates ? new Set(options.departureDates) : undefined;
  for (const trip of plan.trips) {
    const where = `${trip.origin}→${trip.destination} ${trip.date}`;
    if (trip.passengers.length === 0) problems.push(`empty vehicle ${where}`);
    if (trip.passengers.length > trip.seats) problems.push(`vehicle over ${trip.seats} seats: ${trip.passengers.length}`);
    if (!fleet.some((v) => v.vehicleSeats === trip.vehicleSeats && v.seats === trip.seats && v.cost === trip.cost)) problems.push(`not a fleet vehicle: ${trip.vehicleSeats}/${trip.seats}/${trip.cost}`);
    const pickups = trip.stops.filter((s) => s.kind === 'pickup');
    const drops = trip.stops.filter((s) => s.kind === 'drop');
    if (pickups.length > maxStops) problems.push(`${pickups.length} pickups ${where}`);
    if (drops.length > maxDrops) problems.push(`${drops.length} drops ${where}`);
    if (drops[0]?.code !== trip.destination) problems.push(`first drop is not the destination ${where}`);
    if (drops.at(-1)?.date !== trip.arrivalDate) problems.push(`arrival is not the last drop's day ${where}`);
    if (trip.arrivalDate < trip.date) problems.push(`arrives before it leaves ${where}`);
    if (options.departFrom && trip.date < options.departFrom) problems.push(`leaves before departFrom ${where}`);
    if (options.departTo && trip.date > options.departTo) problems.push(`leaves after departTo ${where}`);
    if (batch && !batch.has(trip.date)) problems.push(`leaves off the batch days ${where}`);
    if (trip.riders.length !== trip.passengers.length) problems.push(`riders ≠ passengers ${where}`);
    for (const r of trip.riders) {
      if (!pickups.some((s) => (s.code ?? s.name) === r.pickup)) problems.push(`${r.labourerId} boards at no stop of ${where}`);
      const drop = drops.find((s) => s.code === r.drop);
      const t = byId.get(r.labourerId);
      if (!drop || !t) {
        problems.push(`${r.labourerId} leaves at no stop of ${where}`);
        continue;
      }
      if (t.destinationCity !== r.drop) problems.push(`${r.labourerId} dropped in ${r.drop}, not ${t.destinationCity}`);
      if (drop.date! > t.latest) problems.push(`${r.labourerId} arrives ${drop.date} after the start ${t.latest}`);
    }
    for (const id of trip.passengers) {
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const t = byId.get(id);
      if (!t) {
        problems.push(`unknown passenger ${id}`);
        continue;
      }
      if (t.originCounty !== trip.origin) problems.push(`${id} leaves from the wrong county`);
      if (trip.date < t.earliest) problems.push(`${id} leaves ${trip.date} before ${t.earliest}`);
    }
  }
  for (const [id, count] of seen) if (count > 1) problems.push(`${id} on ${count} vehicles`);
  for (const u of plan.unplanned) if (seen.has(u.labourerId)) problems.push(`${u.labourerId} both planned and unplanned`);
  const accounted = new Set([...seen.keys(), ...plan.unplanned.map((u) => u.labourerId)]);
  for (const t of travellers) if (!accounted.has(t.labourerId)) problems.push(`${t.labourerId} dropped silently`);
  if (seen.size + plan.unplanned.length !== travellers.length) problems.push('planned + unplanned ≠ travellers');
  if (options.maxDeparturesPerDay !== undefined) {
    const perDay = new Map<string, number>();
    for (const trip of plan.trips) perDay.set(`${trip.origin} ${trip.date}`, (perDay.get(`${trip.origin} ${trip.date}`) ?? 0) + 1);
    for (const [key, count] of perDay) if (count > options.maxDeparturesPerDay) problems.push(`${count} departures ${key}`);
  }
  if (plan.buses !== plan.trips.length || plan.vehicles !== plan.trips.length) problems.push('buses ≠ trips');
  const cost = plan.trips.reduce((sum, t) => sum + t.cost, 0);
  if (Math.abs(plan.cost - cost) > 1e-6) problems.push(`cost ${plan.cost} ≠ Σ ${cost}`);
  if (Math.abs(plan.gap - (plan.cost - plan.lowerBound)) > 1e-6 || plan.gap < 0) problems.push(`gap ${plan.gap}`);
  return problems;
}
