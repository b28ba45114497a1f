// Given the departure days of a group's buses, seat its passengers for the least total waiting.
//
// Sweep the days in order; on each, seat the released passengers (earliest ≤ day) with the smallest
// deadlines. This "earliest deadline first" seating fails only when no seating exists (the classic
// exchange argument for unit jobs with release days and deadlines), and it seats as many passengers
// as any seating can by every day t — so it also minimises Σ departure, hence Σ (departure − earliest).
import { type Bus, type Group, deadlineKey, groupSize } from './group.js';
import { KeyedHeap } from './index-heap.js';

export interface Seating {
  buses: Bus[];
  waiting: number;
}

/** The least-waiting seating on `days` (ascending, a day repeated once per bus), or undefined if none exists. */
export function seatOnDays(group: Group, days: readonly number[], seats: number): Seating | undefined {
  const buses: Bus[] = [];
  const waiting = sweep(group, days, seats, buses);
  return waiting === undefined ? undefined : { buses, waiting };
}

/**
 * The waiting of that seating without building it; Infinity if none exists or it reaches `stopAt`.
 * Which of two passengers with the same deadline rides first changes nobody's feasibility, and the
 * total is Σ departure − Σ earliest, so counting passengers per deadline day is enough: O(n + days).
 */
export function waitingOnDays(group: Group, days: readonly number[], seats: number, stopAt = Infinity): number {
  const { earliest: e, deadlines, deadlineRank: rank } = group;
  const n = groupSize(group);
  const unseated = new Int32Array(deadlines.length); // released passengers without a seat, per deadline
  let lowest = unseated.length;
  let next = 0;
  let total = 0;
  for (let i = 0; i < n; i++) total -= e[i]!;
  for (const day of days) {
    while (next < n && e[next]! <= day) {
      const r = rank[next++]!;
      unseated[r]!++;
      if (r < lowest) lowest = r;
    }
    while (lowest < unseated.length && unseated[lowest] === 0) lowest++;
    if (lowest < unseated.length && deadlines[lowest]! < day) return Infinity; // someone's last day has passed
    for (let free = seats; free > 0 && lowest < unseated.length; ) {
      const take = Math.min(free, unseated[lowest]!);
      unseated[lowest]! -= take;
      free -= take;
      total += take * day;
      while (lowest < unseated.length && unseated[lowest] === 0) lowest++;
    }
  }
  if (next < n || lowest < unseated.length) return Infinity;
  return total >= stopAt ? Infinity : total;
}

function sweep(group: Group, days: readonly number[], seats: number, out: Bus[]) {
  const { earliest: e, latest: l } = group;
  const n = groupSize(group);
  const ready = new KeyedHeap();
  let released = 0;
  let waiting = 0;
  for (let i = 0; i < days.length; ) {
    const day = days[i]!;
    let count = 1;
    while (days[i + count] === day) count++;
    i += count;
    while (released < n && e[released]! <= day) ready.push(released, deadlineKey(group, released++));
    const top = ready.peek();
    if (top !== undefined && l[top]! < day) return undefined; // someone's last day has passed
    const taken: number[] = [];
    while (taken.length < count * seats && ready.size > 0) {
      const p = ready.pop()!;
      taken.push(p);
      waiting += day - e[p]!;
    }
    splitIntoBuses(day, taken, seats, out);
  }
  return released === n && ready.size === 0 ? waiting : undefined;
}

/**
 * `taken` is in deadline order. Full buses take the latest deadlines and the one partly filled bus the
 * earliest: the rigid passengers then share one light bus, which the day cap can move or drop cheaply.
 */
function splitIntoBuses(day: number, taken: number[], seats: number, out: Bus[]): void {
  const busCount = Math.ceil(taken.length / seats);
  let from = 0;
  for (let b = 0; b < busCount; b++) {
    const to = taken.length - (busCount - 1 - b) * seats;
    out.push({ day, members: taken.slice(from, to).sort((x, y) => x - y) });
    from = to;
  }
}
