// One origin → destination group without a day cap: the fewest buses, then as little waiting as we find.
import { seatOnDays } from './assign-to-days.js';
import { leastWaitingDays } from './exact-waiting.js';
import { type Bus, type Group, byDayThenMembers, groupSize } from './group.js';
import { earliestDeadlineBuses, latestReleaseBuses } from './min-buses.js';
import { reduceWaiting, settle } from './reduce-waiting.js';

/** Passenger-steps of waiting evaluations a group may spend on the exact search. */
const EXACT_WORK = 400_000;
/** Seatings the local search may try in a group that is too big for the exact search. */
const SEARCH_BUDGET = 200;

export function planGroup(group: Group, seats: number): Bus[] {
  const n = groupSize(group);
  if (n === 0) return [];
  // Both greedies give the minimum number of buses (min-buses.ts).
  const fromDeadlines = earliestDeadlineBuses(group, seats);
  const exactDays = leastWaitingDays(group, fromDeadlines.length, seats, Math.floor(EXACT_WORK / n));
  if (exactDays) return seatOnDays(group, exactDays, seats)!.buses.sort(byDayThenMembers);
  const a = settle(group, fromDeadlines, seats);
  const b = settle(group, latestReleaseBuses(group, seats), seats);
  return reduceWaiting(group, b.waiting <= a.waiting ? b : a, seats, SEARCH_BUDGET).buses.sort(byDayThenMembers);
}
