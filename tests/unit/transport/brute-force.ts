// Exact references for tiny instances, by dynamic programming over subsets. Exponential; tests only.

export interface Window {
  earliest: number;
  latest: number;
}

/** Lexicographic optimum (buses, waiting) over every partition of `windows` into feasible buses. */
export function exactOptimum(windows: readonly Window[], seats: number): { buses: number; waiting: number } {
  const n = windows.length;
  const full = (1 << n) - 1;
  // cost of one bus carrying exactly `mask`: departs on the latest release, or infeasible
  const busWaiting = new Float64Array(1 << n).fill(Infinity);
  for (let mask = 1; mask <= full; mask++) {
    let size = 0;
    let release = -Infinity;
    let deadline = Infinity;
    let released = 0;
    for (let i = 0; i < n; i++) {
      if (!(mask & (1 << i))) continue;
      size++;
      release = Math.max(release, windows[i]!.earliest);
      deadline = Math.min(deadline, windows[i]!.latest);
      released += windows[i]!.earliest;
    }
    if (size <= seats && release <= deadline) busWaiting[mask] = size * release - released;
  }
  const buses = new Float64Array(1 << n).fill(Infinity);
  const waiting = new Float64Array(1 << n).fill(Infinity);
  buses[0] = 0;
  waiting[0] = 0;
  for (let mask = 1; mask <= full; mask++) {
    const lowest = mask & -mask;
    // every sub-mask holding the lowest passenger is a candidate first bus
    for (let sub = mask; sub > 0; sub = (sub - 1) & mask) {
      if (!(sub & lowest) || busWaiting[sub] === Infinity) continue;
      const rest = mask ^ sub;
      const b = buses[rest]! + 1;
      const w = waiting[rest]! + busWaiting[sub]!;
      if (b < buses[mask]! || (b === buses[mask] && w < waiting[mask]!)) {
        buses[mask] = b;
        waiting[mask] = w;
      }
    }
  }
  return { buses: buses[full]!, waiting: waiting[full]! };
}

/**
 * The least cost of carrying every passenger: each vehicle is one type of `fleet` (seats already
 * usable), leaves on a day inside all its passengers' windows, and takes at most `maxStops` distinct
 * pickups; Infinity if no plan carries everyone.
 */
export function exactCost(
  passengers: readonly (Window & { pickup: string })[],
  fleet: readonly { seats: number; cost: number }[],
  maxStops: number,
): number {
  const n = passengers.length;
  const full = (1 << n) - 1;
  const vehicle = new Float64Array(1 << n).fill(Infinity);
  for (let mask = 1; mask <= full; mask++) {
    let size = 0;
    let release = -Infinity;
    let deadline = Infinity;
    const pickups = new Set<string>();
    for (let i = 0; i < n; i++) {
      if (!(mask & (1 << i))) continue;
      size++;
      release = Math.max(release, passengers[i]!.earliest);
      deadline = Math.min(deadline, passengers[i]!.latest);
      pickups.add(passengers[i]!.pickup);
    }
    if (release > deadline || pickups.size > maxStops) continue;
    for (const v of fleet) if (v.seats >= size) vehicle[mask] = Math.min(vehicle[mask]!, v.cost);
  }
  const best = new Float64Array(1 << n).fill(Infinity);
  best[0] = 0;
  for (let mask = 1; mask <= full; mask++) {
    const lowest = mask & -mask;
    for (let sub = mask; sub > 0; sub = (sub - 1) & mask) {
      if (!(sub & lowest) || vehicle[sub] === Infinity) continue;
      best[mask] = Math.min(best[mask]!, best[mask ^ sub]! + vehicle[sub]!);
    }
  }
  return best[full]!;
}
