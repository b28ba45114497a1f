// A lower bound from how many passengers must have left, and may have left, by each day (lower-bound.ts).
// Departures happen on the days where windows start or end (a day between two such days can move to the
// earlier one: everyone it may carry may leave then too). After day d, the passengers already gone number
// at least those whose window ends by d and at most those whose window starts by d; each day's riders
// cost at least the cheapest cover of their count. A DP over days and the count gone so far finds the
// cheapest such sequence, O(days × N²), skipped past WORK_LIMIT. It keeps the loads the windows force
// on each day apart, which the span bound pools (three buses of 34, 42 and 31 cost more than one of 45
// and 62 seats on two); it relaxes pickups, drops, the day cap and which passengers ride when.
import type { CoverTable } from './cover.js';

const WORK_LIMIT = 20_000_000;
const EPS = 1e-9;

export interface DayWindow {
  first: number;
  last: number;
}

/** The bound, or 0 when the work would be too large. */
export function dayLoadBound(windows: readonly DayWindow[], cover: CoverTable): number {
  return cheapestDayLoads(windows, cover)?.cost ?? 0;
}

/**
 * What both readings of the relaxation start from: the distinct window ends in order, how many riders must
 * and may have gone by the end of each (at least mustGo[i], at most mayGo[i]), and the cheapest cover of x
 * riders; undefined when the DP would pass WORK_LIMIT.
 */
function dayStages(windows: readonly DayWindow[], cover: CoverTable) {
  const n = windows.length;
  const days = [...new Set(windows.flatMap((w) => [w.first, w.last]))].sort((x, y) => x - y);
  if (days.length * (n + 1) * (n + 1) > 2 * WORK_LIMIT) return undefined;
  const at = new Map(days.map((d, i) => [d, i]));
  const mustGo = new Int32Array(days.length);
  const mayGo = new Int32Array(days.length);
  for (const w of windows) {
    mustGo[at.get(w.last)!]!++;
    mayGo[at.get(w.first)!]!++;
  }
  for (let i = 1; i < days.length; i++) {
    mustGo[i]! += mustGo[i - 1]!;
    mayGo[i]! += mayGo[i - 1]!;
  }
  const ride = Float64Array.from({ length: n + 1 }, (_, x) => cover.costOf(x));
  return { days, mustGo, mayGo, ride };
}

/**
 * The DP's cheapest loads: cost, and riders per day (days with none left out); undefined when the work
 * would be too large. The loads need not be a plan (a window inside two days may find them both full):
 * edf-days.ts tries to fill them.
 */
export function cheapestDayLoads(windows: readonly DayWindow[], cover: CoverTable): { cost: number; loads: Map<number, number> } | undefined {
  const n = windows.length;
  if (n === 0) return { cost: 0, loads: new Map() };
  const stages = dayStages(windows, cover);
  if (!stages) return undefined;
  const { days, mustGo, mayGo, ride } = stages;
  let least = new Float64Array(n + 1).fill(Infinity);
  least[0] = 0;
  // among the cheapest, the least Σ (riders gone × days to the next day): the latest departures, so the
  // fewest early arrivals
  let early = new Float64Array(n + 1);
  // previous[i][t]: the count gone before day i on the cheapest way to t gone after it
  const previous: Int32Array[] = [];
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < days.length; i++) {
    const next = new Float64Array(n + 1).fill(Infinity);
    const nextEarly = new Float64Array(n + 1).fill(Infinity);
    const back = new Int32Array(n + 1);
    const from = mustGo[i]!;
    const to = mayGo[i]!;
    const gap = i + 1 < days.length ? days[i + 1]! - days[i]! : 0;
    for (let s = lo; s <= hi; s++) {
      const base = least[s]!;
      if (base === Infinity) continue;
      for (let t = Math.max(s, from); t <= to; t++) {
        const c = base + ride[t - s]!;
        const e = early[s]! + t * gap;
        if (c < next[t]! - EPS || (c <= next[t]! + EPS && e < nextEarly[t]!)) {
          next[t] = c;
          nextEarly[t] = e;
          back[t] = s;
        }
      }
    }
    least = next;
    early = nextEarly;
    previous.push(back);
    lo = from;
    hi = to;
  }
  const loads = new Map<number, number>();
  for (let i = days.length - 1, t = n; i >= 0; i--) {
    const s = previous[i]![t]!;
    if (t > s) loads.set(days[i]!, t - s);
    t = s;
  }
  return { cost: least[n]!, loads };
}

/**
 * The same relaxation read backwards: rest(i, s) bounds what the days from the i-th on (in the order of
 * the distinct window ends) cost when s riders have already left; undefined past WORK_LIMIT. It prunes
 * the search of edf-days.ts.
 */
export function remainingDayLoads(windows: readonly DayWindow[], cover: CoverTable): ((i: number, gone: number) => number) | undefined {
  const n = windows.length;
  const stages = dayStages(windows, cover);
  if (!stages) return undefined;
  const { days, mustGo, mayGo, ride } = stages;
  const rest: Float64Array[] = Array.from({ length: days.length + 1 }, () => new Float64Array(n + 1).fill(Infinity));
  rest[days.length]![n] = 0;
  for (let i = days.length - 1; i >= 0; i--) {
    const after = rest[i + 1]!;
    const here = rest[i]!;
    for (let s = 0; s <= n; s++) {
      let least = Infinity;
      for (let t = Math.max(s, mustGo[i]!); t <= mayGo[i]!; t++) least = Math.min(least, ride[t - s]! + after[t]!);
      here[s] = least;
    }
  }
  return (i, gone) => rest[i]![gone]!;
}
