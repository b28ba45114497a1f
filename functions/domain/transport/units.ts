// Travellers of one origin county into planning units: each passenger's departure window (leave on or
// after their earliest day, arrive the day before their start, or on it when nothing earlier fits, inside
// departFrom/departTo, on batch days only), their drop set (corridors.ts) and pickup's route rank; a
// unit is one drop set, as a season-1 group in reversed time.
import type { DepartureCalendar } from './calendar-index.js';
import { corridorsOf, type Corridors } from './corridors.js';
import { toDayNumber } from './day-numbers.js';
import { compareText } from './group-travellers.js';
import { type Group, makeGroup } from './group.js';
import type { Settings } from './plan-options.js';
import type { Pickup, PlanOptions, Traveller } from './types.js';

const FALLBACK_PICKUP: Pickup = { name: '集合点' };

export interface Passenger {
  id: string;
  drop: string;
  dropSet: number;
  dropPos: number;
  pickupKey: string;
  pickupRank: number;
  /** Departure window as calendar indices, first ≤ last. */
  first: number;
  last: number;
  earliestDay: number;
  startDay: number;
}

export interface Unit {
  origin: string;
  corridors: Corridors;
  dropSet: number;
  /** Passengers in the group's order. */
  passengers: Passenger[];
  group: Group;
}

/** Pickups in route order, then drops in route order, then ids: a vehicle visits few stops. */
export function routeOrder(a: Passenger, b: Passenger): number {
  return a.pickupRank - b.pickupRank || a.dropPos - b.dropPos || compareText(a.id, b.id);
}


export function unitsOf(origin: string, people: readonly Traveller[], settings: Settings, calendar: DepartureCalendar, options: PlanOptions) {
  const empty: string[] = [];
  const days = new Map<string, number | undefined>();
  const dayOf = (iso: string) => {
    if (!days.has(iso)) days.set(iso, toDayNumber(iso));
    return days.get(iso);
  };
  const valid = people.filter((t) => {
    const ok = dayOf(t.earliest) !== undefined && dayOf(t.latest) !== undefined;
    if (!ok) empty.push(t.labourerId);
    return ok;
  });
  const corridors = corridorsOf(
    origin,
    valid.map((t) => t.destinationCity),
    settings.maxDrops,
    settings.dropRadiusKm,
  );

  // pickups: the given route order first, the rest by key
  const pickups = new Map<string, Pickup>();
  const keyOf = (t: Traveller) => {
    const pickup = t.pickup ?? options.defaultPickup ?? FALLBACK_PICKUP;
    const key = pickup.code ?? pickup.name;
    if (!pickups.has(key)) pickups.set(key, pickup);
    return key;
  };
  const keys = valid.map(keyOf);
  const order = new Map((options.pickupOrder ?? []).map((k, i) => [k, i] as const));
  const rest = [...new Set(keys)].filter((k) => !order.has(k)).sort(compareText);
  rest.forEach((k, i) => order.set(k, (options.pickupOrder?.length ?? 0) + i));

  const bySet = new Map<number, Passenger[]>();
  valid.forEach((t, i) => {
    const [dropSet, dropPos] = corridors.dropSetOf.get(t.destinationCity)!;
    const offset = corridors.dropSets[dropSet]!.offsets[dropPos]!;
    const earliestDay = dayOf(t.earliest)!;
    const startDay = dayOf(t.latest)!;
    const window = windowOf(earliestDay, startDay - offset - 1, settings, calendar) ?? windowOf(earliestDay, startDay - offset, settings, calendar);
    if (!window) {
      empty.push(t.labourerId);
      return;
    }
    const p: Passenger = { id: t.labourerId, drop: t.destinationCity, dropSet, dropPos, pickupKey: keys[i]!, pickupRank: order.get(keys[i]!)!, first: window[0], last: window[1], earliestDay, startDay };
    const list = bySet.get(dropSet);
    if (list) list.push(p);
    else bySet.set(dropSet, [p]);
  });

  const units: Unit[] = [];
  for (const dropSet of [...bySet.keys()].sort((a, b) => a - b)) {
    const passengers = bySet.get(dropSet)!;
    units.push(unitOf(origin, corridors, dropSet, passengers));
  }
  return { units, pickups, corridors, empty };
}

/** [first, last] departure indices, or undefined when none is left. */
function windowOf(earliestDay: number, lastDay: number, settings: Settings, calendar: DepartureCalendar): readonly [number, number] | undefined {
  const from = settings.departFrom === undefined ? earliestDay : Math.max(earliestDay, settings.departFrom);
  const to = settings.departTo === undefined ? lastDay : Math.min(lastDay, settings.departTo);
  if (to < from) return undefined;
  const first = calendar.atOrAfter(from);
  const last = calendar.atOrBefore(to);
  return first <= last ? [first, last] : undefined;
}

/**
 * The unit as a season-1 group in reversed time (day −index): its "earliest" is −last and its "latest"
 * −first, so the group planner's least waiting is the least arriving early.
 */
function unitOf(origin: string, corridors: Corridors, dropSet: number, passengers: Passenger[]): Unit {
  passengers.sort((a, b) => b.last - a.last || b.first - a.first || compareText(a.id, b.id));
  const group = makeGroup(
    passengers.map((p) => p.id),
    Int32Array.from(passengers, (p) => -p.last),
    Int32Array.from(passengers, (p) => -p.first),
  );
  return { origin, corridors, dropSet, passengers, group };
}

