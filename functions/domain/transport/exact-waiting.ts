// The least waiting with a given number of buses, exactly, for groups small enough to try every plan.
//
// In a least-waiting plan each bus leaves on the latest release among its passengers (otherwise it
// could leave earlier), so every departure is one of the group's release days; and for given days the
// earliest-deadline seating waits least (assign-to-days.ts). Trying every multiset of `busCount`
// release days therefore finds the optimum — affordable only when there are few such multisets.
import { waitingOnDays } from './assign-to-days.js';
import type { Group } from './group.js';

/** The departure days of a least-waiting plan, or undefined when more than `maxTrials` plans would be tried. */
export function leastWaitingDays(group: Group, busCount: number, seats: number, maxTrials: number): number[] | undefined {
  const { releases } = group;
  if (busCount === 0 || multisets(releases.length, busCount, maxTrials) > maxTrials) return undefined;
  // every plan leaves once by the first deadline and once on or after the last release
  const firstDeadline = group.deadlines[0]!;
  const lastRelease = releases[releases.length - 1]!;

  let best: number[] | undefined;
  let bestWaiting = Infinity;
  const days: number[] = [];
  const choose = (from: number) => {
    if (days.length === busCount) {
      if (days[busCount - 1]! < lastRelease) return;
      const waiting = waitingOnDays(group, days, seats, bestWaiting);
      if (waiting < bestWaiting) {
        bestWaiting = waiting;
        best = [...days];
      }
      return;
    }
    for (let i = from; i < releases.length; i++) {
      if (days.length === 0 && releases[i]! > firstDeadline) break;
      days.push(releases[i]!);
      choose(i);
      days.pop();
    }
  };
  choose(0);
  return best;
}

/** C(kinds + count − 1, count), the number of multisets, or anything above `limit` once it exceeds it. */
function multisets(kinds: number, count: number, limit: number): number {
  let result = 1;
  for (let i = 1; i <= count; i++) {
    result = (result * (kinds - 1 + i)) / i;
    if (result > limit) return result;
  }
  return Math.round(result);
}
