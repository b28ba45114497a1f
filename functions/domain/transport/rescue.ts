// Under the day cap, win back stranded passengers by splitting a bus: when every day of a stranded
// passenger's window is full, a bus leaving on one of those days may be emptied into free seats and
// new buses on other free days, which frees the day for a bus of the stranded passenger's group.
// It trades up to two extra buses for at least one more passenger carried (carrying comes first).
import type { DayCounter } from './day-counter.js';
import { type Bus, type Group, byDayThenMembers } from './group.js';
import { openBuses, takeFreeSeats, type Waiting } from './seat-leftovers.js';

/** At most this many new buses to empty one bus. */
const MAX_NEW_BUSES = 2;

export interface OriginPlan {
  groups: readonly Group[];
  buses: Bus[][];
  /** Stranded passengers per group. */
  stranded: Set<number>[];
  slots: DayCounter;
}

/** Tries to seat stranded passengers, most urgent first, within `budget` attempts to empty a bus. */
export function rescueStranded(plan: OriginPlan, seats: number, budget: number): void {
  const queue: Waiting[] = plan.stranded.flatMap((set, group) => [...set].map((passenger) => ({ group, passenger })));
  const latest = (w: Waiting) => plan.groups[w.group]!.latest[w.passenger]!;
  queue.sort((a, b) => latest(a) - latest(b) || a.group - b.group || a.passenger - b.passenger);
  let attempts = 0;
  for (const w of queue) {
    if (attempts >= budget) return;
    if (!plan.stranded[w.group]!.has(w.passenger)) continue; // seated by an earlier rescue
    const { earliest: e, latest: l } = plan.groups[w.group]!;
    search: for (let day = l[w.passenger]!; day >= e[w.passenger]!; day--) {
      if (plan.slots.free(day)) {
        openFor(plan, w.group, day, seats);
        break;
      }
      for (let h = 0; h < plan.buses.length; h++) {
        for (const bus of plan.buses[h]!) {
          if (bus.day !== day) continue;
          if (++attempts > budget) return;
          if (emptyBus(plan, h, bus, seats)) {
            openFor(plan, w.group, day, seats);
            break search;
          }
        }
      }
    }
  }
}

/** Moves everyone off `bus` (group h) without using its day; commits only when all of them fit. */
function emptyBus(plan: OriginPlan, h: number, bus: Bus, seats: number): boolean {
  const group = plan.groups[h]!;
  const others = plan.buses[h]!.filter((b) => b !== bus).map((b) => ({ day: b.day, members: [...b.members] }));
  const rest = takeFreeSeats(group, others, bus.members, seats);
  // `bus` still holds its day, so the new buses cannot take it
  const fresh = openBuses([group], rest.map((passenger) => ({ group: 0, passenger })), seats, plan.slots);
  const added = fresh.buses[0]!;
  if (fresh.stranded.length > 0 || added.length > MAX_NEW_BUSES) {
    for (const b of added) plan.slots.give(b.day);
    return false;
  }
  plan.slots.give(bus.day);
  plan.buses[h] = [...others, ...added].sort(byDayThenMembers);
  return true;
}

/** A new bus on `day` for the stranded passengers of group g who can leave then, earliest deadlines first. */
function openFor(plan: OriginPlan, g: number, day: number, seats: number): void {
  const { earliest: e, latest: l } = plan.groups[g]!;
  const riders = [...plan.stranded[g]!]
    .filter((p) => e[p]! <= day && day <= l[p]!)
    .sort((a, b) => l[a]! - l[b]! || a - b)
    .slice(0, seats);
  for (const p of riders) plan.stranded[g]!.delete(p);
  plan.slots.take(day);
  plan.buses[g] = [...plan.buses[g]!, { day, members: riders.sort((a, b) => a - b) }].sort(byDayThenMembers);
}
