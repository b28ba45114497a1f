// Riders of one unit onto days with given loads (day-loads.ts): day by day, in time order, the day's
// load is filled with the waiting riders whose window closes first (earliest deadline first, ties in
// route order so a vehicle keeps few pickups). When the loads can be met at all, this meets them; it
// fails (undefined) when a rider's window closes before a seat is found, or a day finds too few
// riders waiting.
export interface EdfRider {
  first: number;
  last: number;
  pickupRank: number;
}

/** day → rider indices, or undefined when the loads cannot be met. */
export function fillDays(riders: readonly EdfRider[], loads: ReadonlyMap<number, number>): Map<number, number[]> | undefined {
  const byFirst = riders.map((_, i) => i).sort((a, b) => riders[a]!.first - riders[b]!.first || a - b);
  const waiting: number[] = [];
  const days = new Map<number, number[]>();
  let next = 0;
  let placed = 0;
  for (const day of [...loads.keys()].sort((a, b) => a - b)) {
    for (; next < byFirst.length && riders[byFirst[next]!]!.first <= day; next++) waiting.push(byFirst[next]!);
    if (waiting.some((i) => riders[i]!.last < day)) return undefined;
    waiting.sort((a, b) => riders[a]!.last - riders[b]!.last || riders[a]!.pickupRank - riders[b]!.pickupRank || a - b);
    const load = loads.get(day)!;
    if (waiting.length < load) return undefined;
    days.set(day, waiting.splice(0, load));
    placed += load;
  }
  return placed === riders.length ? days : undefined;
}

/** Search nodes one unit may take; past them the best loads found so far stand. */
const NODE_LIMIT = 2_000;

/**
 * Day loads that earliest-deadline-first can meet and that cost less than `ceiling`, by a depth-first
 * search over the days where windows start or end: each day sends nothing, or as many waiting riders as
 * the largest load of some price seats (sending more for the same price never hurts the later days),
 * pruned by `rest` (a bound on the days left, given how many have gone) or the cheapest cover of everyone
 * not yet sent, and by `fits` (the day cap). Stops at `floor` (a lower bound: nothing is
 * cheaper). Undefined when it finds nothing below `ceiling`.
 */
export function searchDayLoads(
  riders: readonly EdfRider[],
  costOf: (n: number) => number,
  ceiling: number,
  floor: number,
  rest: (day: number, gone: number) => number = (_, gone) => costOf(riders.length - gone),
  fits: (day: number, riders: number) => boolean = () => true,
): Map<number, number> | undefined {
  const n = riders.length;
  const days = [...new Set(riders.flatMap((r) => [r.first, r.last]))].sort((a, b) => a - b);
  const byFirst = riders.map((_, i) => i).sort((a, b) => riders[a]!.first - riders[b]!.first || a - b);
  // loads worth paying for: the most riders each price seats
  const steps: number[] = [];
  for (let x = 1; x <= n; x++) if (x === n || costOf(x + 1) > costOf(x) + 1e-9) steps.push(x);
  let best = ceiling - 1e-9;
  let found: Map<number, number> | undefined;
  let nodes = 0;
  const chosen: [number, number][] = [];
  const visit = (i: number, waiting: number[], next: number, sent: number, cost: number): boolean => {
    if (++nodes > NODE_LIMIT) return true;
    if (cost + Math.max(costOf(n - sent), rest(i, sent)) >= best - 1e-9) return false;
    if (i === days.length) {
      if (sent === n) {
        best = cost;
        found = new Map(chosen);
      }
      return best <= floor + 1e-9;
    }
    const day = days[i]!;
    const pending = waiting.slice();
    for (; next < n && riders[byFirst[next]!]!.first <= day; next++) pending.push(riders[byFirst[next]!]!.last);
    pending.sort((a, b) => a - b);
    if (pending.length > 0 && pending[0]! < day) return false;
    let must = 0;
    while (must < pending.length && pending[must] === day) must++;
    const takes = new Set<number>();
    for (const s of steps) if (s >= must) takes.add(Math.min(s, pending.length));
    if (must === 0) takes.add(0);
    for (const take of [...takes].sort((a, b) => b - a)) {
      if (take > 0 && !fits(day, take)) continue;
      if (take > 0) chosen.push([day, take]);
      const stop = visit(i + 1, pending.slice(take), next, sent + take, cost + costOf(take));
      if (take > 0) chosen.pop();
      if (stop) return true;
    }
    return false;
  };
  visit(0, [], 0, 0, 0);
  return found;
}
