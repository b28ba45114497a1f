// Under the day cap, which whole buses keep a departure, and on which day. Each bus may leave on any
// day between its passengers' latest release and earliest deadline; at most `cap` leave a day.
//
// The sets of buses that can all leave form a matroid (schedulable unit jobs with release days and
// deadlines), so taking buses heaviest first, keeping each one while the set stays schedulable, keeps
// the most passengers any set of these whole buses can. A set is schedulable iff every span of days
// [a, b] holds no more buses lying wholly inside it than cap × (b − a + 1) (Hall's condition: windows
// are intervals, so spans suffice, and only spans from a release to a deadline can be tight). An
// earliest-deadline sweep then gives the kept buses their days, as early as the cap allows.
import { IndexHeap } from './index-heap.js';

export interface Window {
  release: number;
  deadline: number;
  /** Passengers on the bus: the weight of keeping it. */
  load: number;
}

/** Bound on the Hall-table work (buses × release days × deadline days) before the cheaper fallback. */
const HALL_WORK = 100_000_000;

/** A departure day per bus (index-aligned), or undefined for a bus left out. */
export function keepWholeBuses(buses: readonly Window[], cap: number): (number | undefined)[] {
  const all = buses.map((_, i) => i);
  const everyone = earliestDeadlineDays(buses, all, cap);
  if (everyone) return everyone;
  const heaviest = heaviestSchedulable(buses, cap);
  return heaviest ? earliestDeadlineDays(buses, heaviest, cap)! : daysWithSwaps(buses, cap);
}

/** The matroid greedy with a table of spare places per span; undefined when the table is too big. */
function heaviestSchedulable(buses: readonly Window[], cap: number): number[] | undefined {
  const releases = [...new Set(buses.map((b) => b.release))].sort((a, b) => a - b);
  const deadlines = [...new Set(buses.map((b) => b.deadline))].sort((a, b) => a - b);
  if (buses.length * releases.length * deadlines.length > HALL_WORK) return undefined;
  const width = deadlines.length;
  const spare = new Float64Array(releases.length * width);
  releases.forEach((a, i) => deadlines.forEach((b, j) => (spare[i * width + j] = cap * (b - a + 1))));
  const releaseIndex = new Map(releases.map((a, i) => [a, i]));
  const deadlineIndex = new Map(deadlines.map((b, j) => [b, j]));
  const byWeight = buses.map((_, i) => i).sort((a, b) => buses[b]!.load - buses[a]!.load || buses[a]!.deadline - buses[b]!.deadline || a - b);
  const kept: number[] = [];
  for (const k of byWeight) {
    // the spans that contain this bus's window: those starting at or before its release, ending at or after its deadline
    const last = releaseIndex.get(buses[k]!.release)!;
    const first = deadlineIndex.get(buses[k]!.deadline)!;
    let fits = true;
    for (let i = 0; i <= last && fits; i++) for (let j = first; j < width; j++) if (spare[i * width + j]! < 1) fits = false;
    if (!fits) continue;
    for (let i = 0; i <= last; i++) for (let j = first; j < width; j++) spare[i * width + j]!--;
    kept.push(k);
  }
  return kept;
}

/** Earliest-deadline days for the chosen buses, `cap` a day; undefined when some bus misses its deadline. */
function earliestDeadlineDays(buses: readonly Window[], chosen: readonly number[], cap: number): (number | undefined)[] | undefined {
  const days: (number | undefined)[] = buses.map(() => undefined);
  const byRelease = [...chosen].sort((a, b) => buses[a]!.release - buses[b]!.release || a - b);
  const ready = new IndexHeap(urgentFirst(buses));
  let next = 0;
  let day = -Infinity;
  while (next < byRelease.length || ready.size > 0) {
    if (ready.size === 0) day = Math.max(day, buses[byRelease[next]!]!.release);
    while (next < byRelease.length && buses[byRelease[next]!]!.release <= day) ready.push(byRelease[next++]!);
    if (buses[ready.peek()!]!.deadline < day) return undefined;
    for (let slot = 0; slot < cap && ready.size > 0; slot++) days[ready.pop()!] = day;
    day++;
  }
  return days;
}

/**
 * The fallback when the Hall table would be too big: the earliest-deadline sweep, in which a bus about
 * to miss its last day takes the slot of the lightest lighter bus it could use instead.
 */
export function daysWithSwaps(buses: readonly Window[], cap: number): (number | undefined)[] {
  const days: (number | undefined)[] = buses.map(() => undefined);
  const byRelease = buses.map((_, i) => i).sort((a, b) => buses[a]!.release - buses[b]!.release || a - b);
  const ready = new IndexHeap(urgentFirst(buses));
  const onDay = new Map<number, number[]>();
  let next = 0;
  let day = -Infinity;
  while (next < byRelease.length || ready.size > 0) {
    if (ready.size === 0) day = Math.max(day, buses[byRelease[next]!]!.release);
    while (next < byRelease.length && buses[byRelease[next]!]!.release <= day) ready.push(byRelease[next++]!);
    const today: number[] = [];
    onDay.set(day, today);
    while (today.length < cap && ready.size > 0) {
      const x = ready.pop()!;
      days[x] = day;
      today.push(x);
    }
    while (ready.size > 0 && buses[ready.peek()!]!.deadline <= day) {
      const x = ready.pop()!;
      let lightest: { day: number; at: number; bus: number } | undefined;
      for (const [d, list] of onDay) {
        if (d < buses[x]!.release) continue;
        list.forEach((y, at) => {
          if (buses[y]!.load < buses[x]!.load && (!lightest || buses[y]!.load < buses[lightest.bus]!.load)) lightest = { day: d, at, bus: y };
        });
      }
      if (!lightest) continue;
      onDay.get(lightest.day)![lightest.at] = x;
      days[x] = lightest.day;
      days[lightest.bus] = undefined;
      if (buses[lightest.bus]!.deadline > day) ready.push(lightest.bus);
    }
    day++;
  }
  return days;
}

/** Earliest deadline first; among equals the heavier bus, then the lower index. */
function urgentFirst(buses: readonly Window[]) {
  return (a: number, b: number) => {
    const x = buses[a]!;
    const y = buses[b]!;
    return x.deadline < y.deadline || (x.deadline === y.deadline && (x.load > y.load || (x.load === y.load && a < b)));
  };
}
