// Chartered-vehicle planning (DESIGN §7). Per origin county:
//  1. destinations form corridors and drop sets (corridors.ts); a passenger's departure window runs from
//     their earliest day to the last day that still arrives the day before their start (or on the start
//     day when nothing earlier fits), inside departFrom/departTo and on batch days only (calendar-index.ts);
//  2. a unit is one drop set (so any vehicle of it keeps maxDrops);
//  3. each unit gets the fewest departures of the largest vehicle and, among those, the least early
//     arrival (the season-1 group planner run in reversed time, where "waiting" is arriving early);
//     the day cap then applies to those departures across the origin's units (day-caps.ts), and riders
//     move between the unit's days where that makes the days' vehicles cheaper (rebalance-days.ts);
//  4. each unit's passengers of one day are cut into runs of at most maxStops pickups in route order,
//     each run riding the cheapest vehicles that seat it (split-by-pickups.ts, cover.ts); a split that
//     needs more vehicles than the day's departures takes the day's spare departures only, so the cap
//     holds; riders a split leaves without one try the latest free day of their window, and whoever is
//     still left is unplanned with reason day-cap.
// The lower bound (lower-bound.ts) is per corridor; the gap says how far the plan may be from optimal.
import { departureCalendar } from './calendar-index.js';
import { cheaperDays } from './cheaper-days.js';
import { CoverTable } from './cover.js';
import { applyDayCap, type CappedGroup } from './day-caps.js';
import { compareText } from './group-travellers.js';
import { corridorLowerBound } from './lower-bound.js';
import { settingsOf } from './plan-options.js';
import { planGroup } from './plan-group.js';
import { tripOf } from './planned-trip.js';
import { rebalanceDays } from './rebalance-days.js';
import { splitByPickups } from './split-by-pickups.js';
import type { GroupSummary, PlanOptions, PlannedTrip, Traveller, TripPlan } from './types.js';
import { type Passenger, routeOrder, type Unit, unitsOf } from './units.js';

export { MINUTES_PER_PICKUP } from './planned-trip.js';

/** Rounds of finding other days for riders a pickup split left without a departure. */
const STRANDED_ROUNDS = 3;

export function planTrips(travellers: readonly Traveller[], options: PlanOptions = {}): TripPlan {
  const settings = settingsOf(options);
  const cover = new CoverTable(settings.fleet);
  const calendar = departureCalendar(settings.departureDates);
  const unplanned: TripPlan['unplanned'] = [];
  const trips: PlannedTrip[] = [];
  const groups: GroupSummary[] = [];
  const totals = { waitingDays: 0, earlyDays: 0 };

  const byOrigin = new Map<string, Traveller[]>();
  for (const t of travellers) {
    const list = byOrigin.get(t.originCounty);
    if (list) list.push(t);
    else byOrigin.set(t.originCounty, [t]);
  }
  for (const origin of [...byOrigin.keys()].sort(compareText)) {
    const people = byOrigin.get(origin)!.slice().sort((a, b) => compareText(a.labourerId, b.labourerId));
    const { units, pickups, corridors, empty } = unitsOf(origin, people, settings, calendar, options);
    for (const id of empty) unplanned.push({ labourerId: id, reason: 'empty-window' });
    const uncapped = units.map((u) => planGroup(u.group, settings.maxSeats));
    const plans: CappedGroup[] =
      settings.cap === undefined
        ? uncapped.map((buses) => ({ buses, unplaced: [] }))
        : applyDayCap(
            units.map((u) => u.group),
            uncapped,
            settings.maxSeats,
            settings.cap,
          );
    // departures per day after the cap: the base the pickup splits may add to, within the cap
    const used = new Map<number, number>();
    for (const plan of plans) for (const bus of plan.buses) used.set(-bus.day, (used.get(-bus.day) ?? 0) + 1);
    const perCorridor = corridors.corridors.map(() => ({ passengers: [] as Passenger[], vehicles: 0, cost: 0 }));
    const stranded = new Map<Unit, Passenger[]>();
    /** Seats one unit's riders of one day in at most `limit` vehicles; returns the vehicles and who is left. */
    const seatDay = (unit: Unit, index: number, members: Passenger[], limit: number) => {
      const corridor = perCorridor[unit.corridors.dropSets[unit.dropSet]!.corridor]!;
      const riders = members.sort(routeOrder);
      const counts: number[] = [];
      riders.forEach((r, i) => (i > 0 && r.pickupRank === riders[i - 1]!.pickupRank ? counts[counts.length - 1]!++ : counts.push(1)));
      const { runs } = splitByPickups(counts, settings.maxStops, cover, limit);
      let vehicles = 0;
      const seated = new Set<Passenger>();
      for (const run of runs) {
        let from = run.from;
        for (const t of run.cover.vehicles) {
          const vehicle = settings.fleet[t]!;
          const aboard = riders.slice(from, Math.min(run.to, from + vehicle.seats));
          from += aboard.length;
          if (aboard.length === 0) continue;
          trips.push(tripOf(origin, unit, index, aboard, vehicle, settings, calendar, pickups, totals));
          for (const p of aboard) seated.add(p);
          vehicles++;
          corridor.vehicles++;
          corridor.cost += vehicle.cost;
        }
      }
      corridor.passengers.push(...seated);
      return { vehicles, left: riders.filter((r) => !seated.has(r)) };
    };
    units.forEach((unit, u) => {
      const plan = plans[u]!;
      for (const p of plan.unplaced) unplanned.push({ labourerId: unit.passengers[p]!.id, reason: 'day-cap' });
      const byDay = new Map<number, { buses: number; members: number[] }>();
      for (const bus of plan.buses) {
        const day = byDay.get(-bus.day) ?? { buses: 0, members: [] };
        day.buses++;
        day.members.push(...bus.members);
        byDay.set(-bus.day, day);
      }
      const emptied = new Map([...byDay].map(([index, day]) => [index, day.buses]));
      const cap = settings.cap;
      for (const index of rebalanceDays(
        byDay,
        unit.passengers.map((p) => [p.first, p.last] as const),
        cover,
        settings.maxSeats,
        (index) => (cap === undefined ? Infinity : cap - used.get(index)!),
        (index, departures) => {
          used.set(index, used.get(index)! + departures);
          emptied.set(index, emptied.get(index)! + departures);
        },
      ))
        used.set(index, used.get(index)! - emptied.get(index)!);
      const cheaper = cheaperDays(unit.passengers, byDay, cover, settings.maxStops, (index) =>
        cap === undefined ? Infinity : cap - (used.get(index) ?? 0) + (byDay.get(index)?.buses ?? 0),
      );
      if (cheaper) {
        for (const [index, day] of byDay) used.set(index, used.get(index)! - day.buses);
        byDay.clear();
        for (const [index, day] of cheaper) {
          byDay.set(index, day);
          used.set(index, (used.get(index) ?? 0) + day.buses);
        }
      }
      for (const index of [...byDay.keys()].sort((a, b) => a - b)) {
        const { buses, members } = byDay.get(index)!;
        const limit = settings.cap === undefined ? Infinity : buses + settings.cap - used.get(index)!;
        const { vehicles, left } = seatDay(unit, index, members.map((m) => unit.passengers[m]!), limit);
        used.set(index, used.get(index)! - buses + vehicles);
        if (left.length > 0) stranded.set(unit, [...(stranded.get(unit) ?? []), ...left]);
      }
    });
    // Riders a pickup split left without a departure on their day try the latest other day of their
    // window the cap leaves free, a few rounds; whoever is still left is unplanned (day-cap).
    for (let round = 0; round < STRANDED_ROUNDS && stranded.size > 0; round++) {
      const cap = settings.cap ?? Infinity;
      for (const [unit, riders] of [...stranded]) {
        const buckets = new Map<number, Passenger[]>();
        const still: Passenger[] = [];
        for (const r of riders) {
          let index = r.last;
          while (index >= r.first && (used.get(index) ?? 0) >= cap) index--;
          if (index < r.first) still.push(r);
          else if (buckets.has(index)) buckets.get(index)!.push(r);
          else buckets.set(index, [r]);
        }
        for (const index of [...buckets.keys()].sort((a, b) => b - a)) {
          const { vehicles, left } = seatDay(unit, index, buckets.get(index)!, cap - (used.get(index) ?? 0));
          used.set(index, (used.get(index) ?? 0) + vehicles);
          still.push(...left);
        }
        if (still.length > 0) stranded.set(unit, still);
        else stranded.delete(unit);
      }
    }
    for (const riders of stranded.values()) for (const r of riders) unplanned.push({ labourerId: r.id, reason: 'day-cap' });
    corridors.corridors.forEach((destinations, c) => {
      const { passengers, vehicles, cost } = perCorridor[c]!;
      if (passengers.length === 0 && vehicles === 0) return;
      const lowerBound = corridorLowerBound(
        passengers.map((p) => ({ first: p.first, last: p.last, pickup: p.pickupRank })),
        cover,
        settings.maxStops,
      );
      groups.push({ origin, destination: destinations[0]!, destinations, passengers: passengers.length, lowerBound: round(lowerBound), buses: vehicles, cost: round(cost) });
    });
  }

  trips.sort(
    (a, b) =>
      compareText(a.origin, b.origin) ||
      compareText(a.destination, b.destination) ||
      compareText(a.date, b.date) ||
      compareText(a.passengers[0] ?? '', b.passengers[0] ?? ''),
  );
  unplanned.sort((a, b) => compareText(a.labourerId, b.labourerId) || compareText(a.reason, b.reason));
  const cost = round(trips.reduce((sum, t) => sum + t.cost, 0));
  const lowerBound = round(groups.reduce((sum, g) => sum + g.lowerBound, 0));
  return {
    trips,
    buses: trips.length,
    vehicles: trips.length,
    cost,
    lowerBound,
    gap: round(Math.max(0, cost - lowerBound)),
    waitingDays: totals.waitingDays,
    earlyDays: totals.earlyDays,
    unplanned,
    groups,
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
