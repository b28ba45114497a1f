// Departure days as a contiguous index: every day, or only the coordinator's batch days. The planner
// works on indices, so a window restricted to batch days stays an interval.
import { fromDayNumber } from './day-numbers.js';

export interface DepartureCalendar {
  /** The first allowed index on or after `day`, and the last on or before it. */
  atOrAfter(day: number): number;
  atOrBefore(day: number): number;
  /** The day number of an index. */
  day(index: number): number;
  iso(index: number): string;
}

export function departureCalendar(batchDays: readonly number[] | undefined): DepartureCalendar {
  const isoCache = new Map<number, string>();
  const iso = (day: number) => isoCache.get(day) ?? isoCache.set(day, fromDayNumber(day)).get(day)!;
  if (batchDays === undefined) return { atOrAfter: (d) => d, atOrBefore: (d) => d, day: (i) => i, iso: (i) => iso(i) };
  const days = batchDays;
  const firstAtLeast = (day: number) => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    atOrAfter: (d) => firstAtLeast(d),
    atOrBefore: (d) => firstAtLeast(d + 1) - 1,
    day: (i) => days[i]!,
    iso: (i) => iso(days[i]!),
  };
}
