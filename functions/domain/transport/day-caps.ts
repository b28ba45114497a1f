// The per-county departures cap (分批有序错峰): at most `cap` buses leave one origin county per day, so
// the groups of one origin compete for days. Not exact: it carries everyone it can, then keeps buses
// few, then waiting low, in these steps:
//  1. the uncapped buses stay whole where the cap allows, heaviest first (keep-whole-buses.ts);
//  2. passengers of the buses left out take free seats on their group's buses, then new buses on free
//     days (seat-leftovers.ts);
//  3. a bus on a full day may be split onto other free days to make room for the still stranded
//     (rescue.ts); whoever is left is unplanned with reason `day-cap`;
//  4. each group is reseated on its days, and buses move to earlier free days to cut waiting.
import { seatOnDays } from './assign-to-days.js';
import { DayCounter } from './day-counter.js';
import { type Bus, type Group, busDeadline, busRelease, busWaiting, byDayThenMembers, groupSize, makeGroup } from './group.js';
import { keepWholeBuses } from './keep-whole-buses.js';
import { rescueStranded } from './rescue.js';
import { openBuses, takeFreeSeats } from './seat-leftovers.js';

export interface CappedGroup {
  buses: Bus[];
  /** Indices into the group of passengers the cap leaves without a seat, ascending. */
  unplaced: number[];
}

/** Attempts to empty a bus for the stranded, per origin: bounds the rescue on hopeless overloads. */
const RESCUE_BUDGET = 2_000;

/** Applies the cap to the uncapped plans of one origin county's groups (same order in and out). */
export function applyDayCap(groups: readonly Group[], plans: readonly Bus[][], seats: number, cap: number): CappedGroup[] {
  if (cap < 1) return groups.map((group) => ({ buses: [], unplaced: Array.from({ length: groupSize(group) }, (_, i) => i) }));
  const planned = new DayCounter(cap);
  for (const buses of plans) for (const bus of buses) planned.take(bus.day);
  if (planned.withinCap()) return plans.map((buses) => ({ buses: buses.map((b) => ({ day: b.day, members: [...b.members] })), unplaced: [] }));

  // 1. whole buses
  const owners = plans.flatMap((buses, g) => buses.map((bus) => ({ g, bus })));
  const days = keepWholeBuses(
    owners.map(({ g, bus }) => ({ release: busRelease(groups[g]!, bus), deadline: busDeadline(groups[g]!, bus), load: bus.members.length })),
    cap,
  );
  const slots = new DayCounter(cap);
  const buses: Bus[][] = groups.map(() => []);
  const leftover: number[][] = groups.map(() => []);
  owners.forEach(({ g, bus }, i) => {
    const day = days[i];
    if (day === undefined) {
      leftover[g]!.push(...bus.members);
      return;
    }
    slots.take(day);
    buses[g]!.push({ day, members: [...bus.members] });
  });

  // 2. free seats, then new buses
  const waiting = groups.flatMap((group, g) => {
    buses[g]!.sort(byDayThenMembers);
    const rest = takeFreeSeats(group, buses[g]!, leftover[g]!.sort((a, b) => a - b), seats);
    return rest.map((passenger) => ({ group: g, passenger }));
  });
  const opened = openBuses(groups, waiting, seats, slots);
  opened.buses.forEach((extra, g) => buses[g]!.push(...extra));

  // 3. split buses for the stranded
  const stranded = groups.map(() => new Set<number>());
  for (const w of opened.stranded) stranded[w.group]!.add(w.passenger);
  const plan = { groups, buses, stranded, slots };
  rescueStranded(plan, seats, RESCUE_BUDGET);

  // 4. less waiting
  return groups.map((group, g) => ({
    buses: pullEarlier(group, plan.buses[g]!, seats, slots),
    unplaced: [...plan.stranded[g]!].sort((a, b) => a - b),
  }));
}

/** Reseat a group on its own days, then move buses to earlier free days; repeat while anything moves. */
function pullEarlier(group: Group, buses: readonly Bus[], seats: number, slots: DayCounter): Bus[] {
  const seated = buses.flatMap((b) => b.members).sort((a, b) => a - b);
  const sub = subgroup(group, seated);
  const toSub = new Map(seated.map((p, i) => [p, i]));
  let current = buses.map((b) => ({ day: b.day, members: b.members.map((m) => toSub.get(m)!) }));
  for (let round = 0; round < 8; round++) {
    const reseated = seatOnDays(sub, current.map((b) => b.day).sort((a, b) => a - b), seats);
    if (reseated && reseated.waiting < current.reduce((sum, b) => sum + busWaiting(sub, b), 0)) {
      for (const b of current) slots.give(b.day);
      for (const b of reseated.buses) slots.take(b.day);
      current = reseated.buses;
    }
    let moved = false;
    for (const bus of current) {
      const day = slots.earliestFree(busRelease(sub, bus), bus.day - 1);
      if (day === undefined) continue;
      slots.give(bus.day);
      slots.take(day);
      bus.day = day;
      moved = true;
    }
    if (!moved) break;
  }
  return current.map((b) => ({ day: b.day, members: b.members.map((m) => seated[m]!).sort((x, y) => x - y) })).sort(byDayThenMembers);
}

/** The passengers at `indices` (ascending, so still in release order) as a group of their own. */
function subgroup(group: Group, indices: readonly number[]): Group {
  return makeGroup(
    indices.map((i) => group.ids[i]!),
    Int32Array.from(indices, (i) => group.earliest[i]!),
    Int32Array.from(indices, (i) => group.latest[i]!),
  );
}
