// A lower bound on the cost of carrying one corridor's passengers (DESIGN §7), accounting for windows and
// corridors. Cut the calendar into consecutive spans: a passenger whose whole departure window lies in
// one span leaves in that span, and no vehicle carries passengers of two corridors, so the vehicles of
// the corridor leaving in that span seat at least that many; whatever they are, they cost at least
// the cheapest cover of that many seats (cover.ts). Summing over spans gives a bound for every cut; a
// DP over the distinct window ends picks the best cut.
// What it relaxes: the pickup limit (maxStops), the drop limit inside a corridor (maxDrops), the day
// cap, and passengers whose windows straddle a cut (they count in no span).
import type { CoverTable } from './cover.js';

/** windows: [first, last] departure day (or batch index) of each passenger, first ≤ last. */
export function corridorLowerBound(windows: readonly (readonly [number, number])[], cover: CoverTable): number {
  if (windows.length === 0) return 0;
  const points = [...new Set(windows.flatMap(([a, b]) => [a, b]))].sort((x, y) => x - y);
  const at = new Map(points.map((d, i) => [d, i]));
  const m = points.length;
  // inside[a][b]: windows with first ≥ points[a] and last < points[b] … as index ranges [a, b)
  const inside = Array.from({ length: m + 1 }, () => new Int32Array(m + 1));
  for (const [first, last] of windows) inside[at.get(first)!]![at.get(last)! + 1]!++;
  for (let a = m - 1; a >= 0; a--) {
    for (let b = 1; b <= m; b++) inside[a]![b]! += inside[a + 1]![b]! + inside[a]![b - 1]! - inside[a + 1]![b - 1]!;
  }
  const best = new Float64Array(m + 1);
  for (let b = 1; b <= m; b++) {
    for (let a = 0; a < b; a++) best[b] = Math.max(best[b]!, best[a]! + cover.costOf(inside[a]![b]!));
  }
  return best[m]!;
}
