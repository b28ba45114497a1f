// Seats for passengers the day cap displaced: free seats on their group's buses, then new buses on
// days that still have a free departure.
import type { DayCounter } from './day-counter.js';
import { type Bus, type Group, byDayThenMembers, deadlineKey } from './group.js';
import { KeyedHeap } from './index-heap.js';

/**
 * Seats `leftover` passengers (ascending indices) in free seats of `buses` (sorted by day), earliest
 * deadlines first on each day; mutates the buses and returns whoever found no seat (ascending).
 */
export function takeFreeSeats(group: Group, buses: readonly Bus[], leftover: readonly number[], seats: number): number[] {
  const { earliest: e, latest: l } = group;
  const ready = new KeyedHeap();
  const rest: number[] = [];
  let next = 0;
  for (const bus of buses) {
    while (next < leftover.length && e[leftover[next]!]! <= bus.day) {
      const p = leftover[next++]!;
      ready.push(p, deadlineKey(group, p));
    }
    while (ready.size > 0 && l[ready.peek()!]! < bus.day) rest.push(ready.pop()!);
    const before = bus.members.length;
    while (bus.members.length < seats && ready.size > 0) bus.members.push(ready.pop()!);
    if (bus.members.length > before) bus.members.sort((a, b) => a - b);
  }
  while (ready.size > 0) rest.push(ready.pop()!);
  rest.push(...leftover.slice(next));
  return rest.sort((a, b) => a - b);
}

export interface Waiting {
  group: number;
  passenger: number;
}

/**
 * New buses for waiting passengers of several groups of one origin, most urgent deadline first: each
 * leaves on the latest free day inside that passenger's window (so it gathers the most companions)
 * and takes the waiting passengers of its group who can leave that day, earliest deadlines first.
 * Returns the new buses per group and those who found no free day.
 */
export function openBuses(groups: readonly Group[], waiting: readonly Waiting[], seats: number, slots: DayCounter) {
  const deadline = (w: Waiting) => groups[w.group]!.latest[w.passenger]!;
  const queue = [...waiting].sort((a, b) => deadline(a) - deadline(b) || a.group - b.group || a.passenger - b.passenger);
  const byGroup = new Map<number, number[]>();
  for (const w of queue) {
    const list = byGroup.get(w.group);
    if (list) list.push(w.passenger);
    else byGroup.set(w.group, [w.passenger]);
  }
  const seated = new Map<number, Set<number>>();
  const cursor = new Map<number, number>();
  const buses: Bus[][] = groups.map(() => []);
  const stranded: Waiting[] = [];
  for (const w of queue) {
    const done = seated.get(w.group) ?? seated.set(w.group, new Set()).get(w.group)!;
    if (done.has(w.passenger)) continue;
    const { earliest: e, latest: l } = groups[w.group]!;
    const day = slots.latestFree(e[w.passenger]!, l[w.passenger]!);
    if (day === undefined) {
      done.add(w.passenger);
      stranded.push(w);
      continue;
    }
    slots.take(day);
    const candidates = byGroup.get(w.group)!;
    let from = cursor.get(w.group) ?? 0;
    while (from < candidates.length && done.has(candidates[from]!)) from++;
    cursor.set(w.group, from);
    const members: number[] = [];
    for (let k = from; k < candidates.length && members.length < seats; k++) {
      const q = candidates[k]!;
      if (done.has(q) || e[q]! > day) continue; // every candidate's deadline is ≥ this one's ≥ day
      done.add(q);
      members.push(q);
    }
    buses[w.group]!.push({ day, members: members.sort((a, b) => a - b) });
  }
  for (const list of buses) list.sort(byDayThenMembers);
  return { buses, stranded };
}
