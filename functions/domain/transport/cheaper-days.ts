// A unit's days re-cut when that is cheaper (DESIGN §7): the group planner starts from the fewest
// departures of the largest vehicle, but more departures of smaller vehicles can cost less (three buses
// of 34, 42 and 31 riders cost more than a bus of 53 and three minibuses of 19). The cheapest day loads
// the windows allow (day-loads.ts), filled earliest deadline first (edf-days.ts), replace the unit's
// days when they are a plan, cost less once split by pickups (split-by-pickups.ts) and fit the day cap.
import type { CoverTable } from './cover.js';
import { cheapestDayLoads, remainingDayLoads } from './day-loads.js';
import { fillDays, searchDayLoads } from './edf-days.js';
import type { UnitDay } from './rebalance-days.js';
import { splitByPickups } from './split-by-pickups.js';
import { type Passenger, routeOrder } from './units.js';

const EPS = 1e-9;

/**
 * New days (index → departures, rider indices) or undefined to keep `days`. `room(index)`: departures
 * the day may hold, counting those `days` already has there.
 */
export function cheaperDays(
  passengers: readonly Passenger[],
  days: ReadonlyMap<number, UnitDay>,
  cover: CoverTable,
  maxStops: number,
  room: (index: number) => number,
): Map<number, UnitDay> | undefined {
  if (passengers.length === 0) return undefined;
  const loads = cheapestDayLoads(passengers, cover);
  if (!loads) return undefined;
  const split = (members: readonly number[]) => {
    const riders = members.map((m) => passengers[m]!).sort(routeOrder);
    const counts: number[] = [];
    riders.forEach((r, i) => (i > 0 && r.pickupRank === riders[i - 1]!.pickupRank ? counts[counts.length - 1]!++ : counts.push(1)));
    const { runs } = splitByPickups(counts, maxStops, cover, Infinity);
    return { cost: runs.reduce((sum, r) => sum + r.cover.cost, 0), vehicles: runs.reduce((sum, r) => sum + r.cover.vehicles.length, 0) };
  };
  let before = 0;
  for (const day of days.values()) before += split(day.members).cost;
  // the DP's loads when earliest deadline first meets them within the cap, else the cheapest loads a
  // search finds that fit the cap (by the cheapest cover's vehicle count)
  const tryLoads = (loads: ReadonlyMap<number, number> | undefined) => {
    const filled = loads && fillDays(passengers, loads);
    if (!filled) return undefined;
    let after = 0;
    const next = new Map<number, UnitDay>();
    for (const [index, members] of filled) {
      const { cost, vehicles } = split(members);
      if (vehicles > room(index)) return undefined;
      after += cost;
      next.set(index, { buses: vehicles, members });
    }
    return after < before - EPS ? next : undefined;
  };
  return (
    tryLoads(loads.loads) ??
    tryLoads(
      searchDayLoads(
        passengers,
        (n) => cover.costOf(n),
        before,
        loads.cost,
        remainingDayLoads(passengers, cover),
        (day, n) => cover.best(n).vehicles.length <= room(day),
      ),
    )
  );
}
