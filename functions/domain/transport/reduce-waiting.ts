// Lower a group's total waiting without adding buses: reseat, pull each bus to the earliest day its
// passengers allow, and try moving single buses to nearby release days (a bounded local search).
import { seatOnDays, waitingOnDays, type Seating } from './assign-to-days.js';
import { busRelease, type Bus, type Group } from './group.js';

/** Alternate optimal seating and "leave as early as every passenger allows" until neither changes. */
export function settle(group: Group, buses: readonly Bus[], seats: number): Seating {
  let days = buses.map((b) => b.day).sort((a, b) => a - b);
  let seating = seatOnDays(group, days, seats);
  if (!seating) return { buses: [...buses], waiting: Infinity }; // not reached: callers pass feasible buses
  for (let round = 0; round < 20; round++) {
    const pulled = seating.buses.map((b) => busRelease(group, b)).sort((a, b) => a - b);
    if (sameDays(pulled, days)) break;
    const next = seatOnDays(group, pulled, seats);
    if (!next || next.waiting >= seating.waiting) break;
    days = pulled;
    seating = next;
  }
  return seating;
}

/** Release days tried on each side of a bus's day. */
const REACH = 3;

/**
 * Local search over the multiset of departure days: move one bus to one of the REACH nearest release
 * days on either side, keep the move if the optimal seating on the new days waits less (each trial
 * costs O(n), see waitingOnDays). `budget` bounds the trials, so large groups stay fast.
 */
export function reduceWaiting(group: Group, start: Seating, seats: number, budget: number): Seating {
  const { releases } = group;
  let best = start;
  let tries = 0;
  let improved = true;
  while (improved && tries < budget) {
    improved = false;
    const days = best.buses.map((b) => b.day).sort((a, b) => a - b);
    search: for (let i = 0; i < days.length; i++) {
      if (i > 0 && days[i] === days[i - 1]) continue;
      for (const to of nearbyReleases(releases, days[i]!, REACH)) {
        if (tries >= budget) break search;
        tries++;
        const trial = days.slice();
        trial[i] = to;
        trial.sort((a, b) => a - b);
        if (waitingOnDays(group, trial, seats, best.waiting) < best.waiting) {
          const moved = seatOnDays(group, trial, seats)!;
          const settled = settle(group, moved.buses, seats);
          best = settled.waiting < moved.waiting ? settled : moved;
          improved = true;
          break search;
        }
      }
    }
  }
  return best;
}

/** Release days other than `day`, nearest first, up to `reach` on each side. */
function nearbyReleases(releases: Int32Array, day: number, reach: number): number[] {
  const at = lowerBound(releases, day);
  const above = releases[at] === day ? at + 1 : at;
  const out: number[] = [];
  for (let k = 0; k < reach; k++) {
    const below = releases[at - 1 - k];
    const over = releases[above + k];
    if (below !== undefined) out.push(below);
    if (over !== undefined) out.push(over);
  }
  return out;
}

function sameDays(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The first index whose value is ≥ `value`. */
function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
