// Exact references for tiny groups, by dynamic programming over subsets: the fewest buses, and the
// least waiting among plans with that many buses. Exponential; for tests only.

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
