// Chartered-bus planning (DESIGN §7): group travellers by origin county and destination city, plan the
// fewest buses per group, then the least waiting, under the per-county departures cap when one is set.
import { applyDayCap, type CappedGroup } from './day-caps.js';
import { fromDayNumber } from './day-numbers.js';
import { compareText, groupTravellers, type Route } from './group-travellers.js';
import { departuresCap, seatsPerBus } from './plan-options.js';
import { planGroup } from './plan-group.js';
import type { GroupSummary, PlanOptions, PlannedTrip, Traveller, TripPlan } from './types.js';

export function planTrips(travellers: readonly Traveller[], options: PlanOptions = {}): TripPlan {
  const seats = seatsPerBus(options);
  const cap = departuresCap(options);
  const { routes, emptyWindows } = groupTravellers(travellers);
  const uncapped = routes.map((r) => ({ buses: planGroup(r.group, seats), unplaced: [] }));
  const plans = cap === undefined ? uncapped : capByOrigin(routes, uncapped, seats, cap);
  return assemble(routes, plans, seats, emptyWindows);
}

/** The groups of one origin share its departures; routes are sorted by origin, so they sit together. */
function capByOrigin(routes: readonly Route[], plans: readonly CappedGroup[], seats: number, cap: number): CappedGroup[] {
  const capped: CappedGroup[] = [];
  for (let from = 0; from < routes.length; ) {
    let to = from + 1;
    while (to < routes.length && routes[to]!.origin === routes[from]!.origin) to++;
    const groups = routes.slice(from, to).map((r) => r.group);
    capped.push(...applyDayCap(groups, plans.slice(from, to).map((p) => p.buses), seats, cap));
    from = to;
  }
  return capped;
}

function assemble(routes: readonly Route[], plans: readonly CappedGroup[], seats: number, emptyWindows: readonly string[]): TripPlan {
  const unplanned: TripPlan['unplanned'] = emptyWindows.map((labourerId) => ({ labourerId, reason: 'empty-window' }));
  const isoDates = new Map<number, string>();
  const iso = (day: number) => isoDates.get(day) ?? isoDates.set(day, fromDayNumber(day)).get(day)!;
  const trips: PlannedTrip[] = [];
  const groups: GroupSummary[] = [];
  let waitingDays = 0;
  routes.forEach(({ origin, destination, group }, g) => {
    const { buses, unplaced } = plans[g]!;
    for (const p of unplaced) unplanned.push({ labourerId: group.ids[p]!, reason: 'day-cap' });
    let carried = 0;
    for (const bus of buses) {
      carried += bus.members.length;
      for (const m of bus.members) waitingDays += bus.day - group.earliest[m]!;
      trips.push({ origin, destination, date: iso(bus.day), passengers: bus.members.map((m) => group.ids[m]!).sort(compareText) });
    }
    groups.push({ origin, destination, passengers: carried, lowerBound: Math.ceil(carried / seats), buses: buses.length });
  });
  trips.sort(
    (a, b) =>
      compareText(a.origin, b.origin) ||
      compareText(a.destination, b.destination) ||
      compareText(a.date, b.date) ||
      compareText(a.passengers[0] ?? '', b.passengers[0] ?? ''),
  );
  unplanned.sort((a, b) => compareText(a.labourerId, b.labourerId) || compareText(a.reason, b.reason));
  const lowerBound = groups.reduce((sum, s) => sum + s.lowerBound, 0);
  return { trips, buses: trips.length, lowerBound, gap: trips.length - lowerBound, waitingDays, unplanned, groups };
}
