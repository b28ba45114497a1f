// Which vehicles carry n passengers leaving together: the cheapest multiset of vehicle types whose
// seats add up to at least n, then the fewest vehicles. An unbounded knapsack over the fleet, exact:
// best(n) = min over types t of cost(t) + best(n − seats(t)), best(≤ 0) = 0.
import type { Vehicle } from './plan-options.js';

/** Costs are compared with this slack, so 0.1 + 0.2 and 0.3 tie and the vehicle count decides. */
const EPS = 1e-9;

export interface Cover {
  cost: number;
  /** Indices into the fleet, largest vehicles first. */
  vehicles: number[];
}

export class CoverTable {
  private cost = new Float64Array(1);
  private count = new Int32Array(1);
  private choice = new Int32Array(1).fill(-1);

  constructor(private readonly fleet: readonly Vehicle[]) {}

  /** The cheapest cover of n passengers (fewest vehicles among the cheapest), any number of vehicles. */
  best(n: number): Cover {
    this.grow(n);
    const vehicles: number[] = [];
    for (let left = n; left > 0; ) {
      const t = this.choice[left]!;
      vehicles.push(t);
      left -= this.fleet[t]!.seats;
    }
    return { cost: this.cost[Math.max(0, n)]!, vehicles: vehicles.sort((a, b) => a - b) };
  }

  /** The cheapest cover of n among those with the fewest vehicles (ceil(n / largest seats)). */
  fewest(n: number): Cover {
    return this.bestWithin(n, Math.ceil(n / this.fleet[0]!.seats))!;
  }

  /**
   * The cheapest cost of seating n with at least q vehicles (for the lower bound: windows that no q − 1
   * days can all meet need q vehicles). atLeast(n, 0) = costOf(n).
   */
  atLeast(n: number, q: number): number {
    if (q <= 0) return this.costOf(n);
    const x = Math.max(0, n);
    let row = this.rows.get(q);
    if (!row || row.length <= x) {
      row = new Float64Array(Math.max(x + 1, (row?.length ?? 0) * 2));
      for (let y = 0; y < row.length; y++) {
        let best = Infinity;
        for (const v of this.fleet) best = Math.min(best, v.cost + this.atLeast(y - v.seats, q - 1));
        row[y] = best;
      }
      this.rows.set(q, row);
    }
    return row[x]!;
  }

  private readonly rows = new Map<number, Float64Array>();

  /** The cost of best(n), for the lower bound. */
  costOf(n: number): number {
    if (n <= 0) return 0;
    this.grow(n);
    return this.cost[n]!;
  }

  /**
   * The cheapest cover of n with at most `limit` vehicles (the day cap's share); undefined when even
   * `limit` of the largest type cannot seat n. A small DP over (vehicles used, passengers left).
   */
  bestWithin(n: number, limit: number): Cover | undefined {
    const unlimited = this.best(n);
    if (unlimited.vehicles.length <= limit) return unlimited;
    if (limit * this.fleet[0]!.seats < n) return undefined;
    // cost[k][x]: cheapest way to seat x with k vehicles at most
    const rows: Float64Array[] = [new Float64Array(n + 1).fill(Infinity)];
    rows[0]![0] = 0;
    const pick: Int32Array[] = [new Int32Array(n + 1).fill(-1)];
    for (let k = 1; k <= limit; k++) {
      const prev = rows[k - 1]!;
      const row = Float64Array.from(prev);
      const choice = new Int32Array(n + 1).fill(-1);
      for (let x = 1; x <= n; x++) {
        for (let t = 0; t < this.fleet.length; t++) {
          const c = prev[Math.max(0, x - this.fleet[t]!.seats)]! + this.fleet[t]!.cost;
          if (c < row[x]! - EPS) {
            row[x] = c;
            choice[x] = t;
          }
        }
      }
      rows.push(row);
      pick.push(choice);
    }
    const vehicles: number[] = [];
    for (let k = limit, x = n; x > 0; k--) {
      while (pick[k]![x] === -1) k--; // this row inherited x's best from fewer vehicles
      const t = pick[k]![x]!;
      vehicles.push(t);
      x = Math.max(0, x - this.fleet[t]!.seats);
    }
    return { cost: rows[limit]![n]!, vehicles: vehicles.sort((a, b) => a - b) };
  }

  private grow(n: number): void {
    const from = this.cost.length;
    if (n < from) return;
    const size = Math.max(n + 1, from * 2);
    const cost = new Float64Array(size);
    const count = new Int32Array(size);
    const choice = new Int32Array(size).fill(-1);
    cost.set(this.cost);
    count.set(this.count);
    choice.set(this.choice);
    for (let x = from; x < size; x++) {
      let best = Infinity;
      let fewest = Infinity;
      for (let t = 0; t < this.fleet.length; t++) {
        const rest = Math.max(0, x - this.fleet[t]!.seats);
        const c = cost[rest]! + this.fleet[t]!.cost;
        const k = count[rest]! + 1;
        if (c < best - EPS || (c <= best + EPS && k < fewest)) {
          best = c;
          fewest = k;
          choice[x] = t;
        }
      }
      cost[x] = best;
      count[x] = fewest;
    }
    this.cost = cost;
    this.count = count;
    this.choice = choice;
  }
}
