// One unit's riders of one day into vehicles that stop at no more than `maxStops` pickups. Riders are
// in route order; the pickups they board at are cut into consecutive runs of at most maxStops, each run
// seated by its cheapest cover (cover.ts). A DP over the cut points finds the cheapest runs (then the
// fewest vehicles): exact among plans whose vehicles take consecutive pickups whole, O(pickups × maxStops).
import type { Cover, CoverTable } from './cover.js';

const EPS = 1e-9;

export interface Run {
  /** Riders [from, to) in route order. */
  from: number;
  to: number;
  cover: Cover;
}

/**
 * `counts`: riders per pickup, in route order. `limit`: vehicles the day may still take (Infinity = no
 * cap). Returns the runs; when even the fewest-vehicle runs exceed `limit`, the runs that fit and, as
 * `left`, the riders no vehicle could take.
 */
export function splitByPickups(counts: readonly number[], maxStops: number, cover: CoverTable, limit: number): { runs: Run[]; left: number } {
  const cheapest = cutRuns(counts, maxStops, (n) => cover.best(n), false);
  if (vehicleCount(cheapest) <= limit) return { runs: cheapest, left: 0 };
  const fewest = cutRuns(counts, maxStops, (n) => cover.fewest(n), true);
  if (vehicleCount(fewest) <= limit) return { runs: fewest, left: 0 };
  // the cap binds: keep runs in order while they fit, each with the fewest vehicles it can have
  const runs: Run[] = [];
  let used = 0;
  let left = 0;
  for (const run of fewest) {
    const within = cover.bestWithin(run.to - run.from, Math.max(0, limit - used));
    if (within && within.vehicles.length > 0) {
      runs.push({ ...run, cover: within });
      used += within.vehicles.length;
    } else left += run.to - run.from;
  }
  return { runs, left };
}

function vehicleCount(runs: readonly Run[]): number {
  return runs.reduce((sum, r) => sum + r.cover.vehicles.length, 0);
}

/** Cheapest (or fewest-vehicle) cut of the pickups into runs of ≤ maxStops consecutive pickups. */
function cutRuns(counts: readonly number[], maxStops: number, coverOf: (n: number) => Cover, fewestFirst: boolean): Run[] {
  const k = counts.length;
  const prefix = [0];
  for (const c of counts) prefix.push(prefix[prefix.length - 1]! + c);
  const cost = new Float64Array(k + 1).fill(Infinity);
  const vehicles = new Float64Array(k + 1).fill(Infinity);
  const cut = new Int32Array(k + 1);
  cost[0] = 0;
  vehicles[0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = Math.max(0, j - maxStops); i < j; i++) {
      const c = coverOf(prefix[j]! - prefix[i]!);
      const total = cost[i]! + c.cost;
      const count = vehicles[i]! + c.vehicles.length;
      const better = fewestFirst
        ? count < vehicles[j]! || (count === vehicles[j]! && total < cost[j]! - EPS)
        : total < cost[j]! - EPS || (total <= cost[j]! + EPS && count < vehicles[j]!);
      if (better) {
        cost[j] = total;
        vehicles[j] = count;
        cut[j] = i;
      }
    }
  }
  const runs: Run[] = [];
  for (let j = k; j > 0; j = cut[j]!) runs.push({ from: prefix[cut[j]!]!, to: prefix[j]!, cover: coverOf(prefix[j]! - prefix[cut[j]!]!) });
  return runs.reverse();
}
