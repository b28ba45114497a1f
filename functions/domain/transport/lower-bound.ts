// A lower bound on the cost of carrying one corridor's passengers (DESIGN §7), accounting for windows,
// corridors and stops. Cut the calendar into consecutive spans. A passenger whose whole departure
// window lies in one span leaves in that span, and no vehicle carries passengers of two corridors, so
// the vehicles of the corridor leaving in that span seat at least the N passengers inside it. They
// also number at least
//  - q, the fewest days that meet every inside window (the greedy "stab at the earliest end" count):
//    passengers with no common day cannot share a vehicle;
//  - ceil(P / maxStops), P the pickups those passengers board at: a vehicle stops at maxStops at most.
// So they cost at least the cheapest cover of N seats with at least max(q, ceil(P / maxStops))
// vehicles (cover.ts). Summing over spans bounds every plan for every cut; a DP over the distinct window
// ends picks the best cut.
// What it relaxes: the drop limit inside a corridor (maxDrops), the day cap, which days and pickups
// share a vehicle beyond those counts, and passengers whose windows straddle a cut (they count nowhere).
// The bound is the larger of that and day-loads.ts (how many must and may have left by each day, each
// day's riders at their cheapest cover), which keeps apart the loads the windows force on each day.
import type { CoverTable } from './cover.js';
import { dayLoadBound } from './day-loads.js';

export interface BoundWindow {
  /** First and last departure day (or batch index), first ≤ last. */
  first: number;
  last: number;
  /** The pickup's rank (any small whole number that tells pickups apart). */
  pickup: number;
}

/** Past this many distinct pickups in a corridor the pickup count is left out (a 31-bit mask holds them). */
const MAX_PICKUPS = 31;

export function corridorLowerBound(windows: readonly BoundWindow[], cover: CoverTable, maxStops: number): number {
  if (windows.length === 0) return 0;
  const points = [...new Set(windows.flatMap((w) => [w.first, w.last]))].sort((x, y) => x - y);
  const at = new Map(points.map((d, i) => [d, i]));
  const pickups = [...new Set(windows.map((w) => w.pickup))];
  const bit = pickups.length <= MAX_PICKUPS ? new Map(pickups.map((p, i) => [p, 1 << i])) : undefined;
  const m = points.length;
  // inside[a][b] (and its pickup mask): windows with first ≥ points[a] and last < points[b], as [a, b)
  const inside = Array.from({ length: m + 1 }, () => new Int32Array(m + 1));
  const masks = Array.from({ length: m + 1 }, () => new Int32Array(m + 1));
  const classes = new Map<number, { a: number; b: number }>();
  for (const w of windows) {
    const a = at.get(w.first)!;
    const b = at.get(w.last)! + 1;
    inside[a]![b]!++;
    if (bit) masks[a]![b]! |= bit.get(w.pickup)!;
    classes.set(a * (m + 1) + b, { a, b });
  }
  for (let a = m - 1; a >= 0; a--) {
    for (let b = 1; b <= m; b++) {
      inside[a]![b]! += inside[a + 1]![b]! + inside[a]![b - 1]! - inside[a + 1]![b - 1]!;
      masks[a]![b]! |= masks[a + 1]![b]! | masks[a]![b - 1]!;
    }
  }
  // stabs[a][b]: the fewest days meeting every window inside [a, b)
  const byEnd = [...classes.values()].sort((x, y) => x.b - y.b || x.a - y.a);
  const stabs = Array.from({ length: m + 1 }, () => new Int32Array(m + 1));
  for (let a = 0; a < m; a++) {
    let stab = -1;
    let count = 0;
    let next = 0;
    for (let b = 1; b <= m; b++) {
      for (; next < byEnd.length && byEnd[next]!.b <= b; next++) {
        const w = byEnd[next]!;
        if (w.a < a) continue;
        if (w.a > stab) {
          stab = w.b - 1; // the window's last point
          count++;
        }
      }
      stabs[a]![b] = count;
    }
  }
  const vehiclesIn = (a: number, b: number) =>
    inside[a]![b]! === 0 ? 0 : Math.max(stabs[a]![b]!, bit ? Math.ceil(popcount(masks[a]![b]!) / maxStops) : 0);
  const best = new Float64Array(m + 1);
  for (let b = 1; b <= m; b++) {
    for (let a = 0; a < b; a++) {
      const n = inside[a]![b]!;
      best[b] = Math.max(best[b]!, best[a]! + (n === 0 ? 0 : cover.atLeast(n, vehiclesIn(a, b))));
    }
  }
  return Math.max(best[m]!, dayLoadBound(windows, cover));
}

function popcount(mask: number): number {
  let count = 0;
  for (let x = mask >>> 0; x !== 0; x &= x - 1) count++;
  return count;
}
