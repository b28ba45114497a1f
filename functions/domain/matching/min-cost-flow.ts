// Exact minimum-cost flow by cost scaling with push-relabel (Goldberg, "An efficient implementation
// of a scaling minimum-cost flow algorithm", J. Algorithms 1997), on typed arrays, and the problem
// shape both solvers share. The one cost-scaling solver of the project: the national allocation
// (allocation/allocate.ts) solves its network with it; the matching runs on network-simplex.ts, which
// resumes from its basis as column generation adds arcs, and this independent algorithm cross-checks
// it in the tests.
//
// Costs are multiplied by K = (longest simple cycle) + 1 and ε is divided by ALPHA per phase down to
// 1: an ε-optimal flow with ε < 1/L in the original integer costs has no negative cycle, so it is
// optimal. Each phase (refine) saturates every arc of negative reduced cost, then discharges the
// nodes left with excess: push along admissible arcs (reduced cost < 0), otherwise relabel (lower the
// node's price until an arc becomes admissible). Two heuristics from the paper keep it fast: push
// look-ahead (do not push into a node that would only push back) and global price updates (a
// Dial-bucket search back from the deficits that gives every active node an admissible path).
// Once ε is below one unit of the original costs, each phase first tries to certify the flow: integer
// potentials by label-correcting from the rounded prices; when that converges the flow is optimal and
// the last phases are skipped. A warm start (a flow and potentials, e.g. the previous solution of a
// slightly larger network) starts ε at the start's worst violation instead of the largest cost.
// Work is O(n²·m·log(n·C)) in the worst case, far less in practice; memory ~ 76 bytes per arc.
//
// Capacities, costs and supplies may be Int32Array (the matching) or Float64Array (the allocation,
// whose uncapacitated arcs are Infinity: they are capped at the total supply plus every finite
// capacity, which no flow can exceed, so Infinity never enters the arithmetic).
//
// Precision: why the returned cost is the exact optimum. Every number the solver computes is an
// integer held in a Float64, and Float64 adds, subtracts and multiplies integers exactly while the
// results stay below 2^53 ≈ 9.0·10^15 in magnitude. Let C be the largest |cost|, U the total supply
// plus the finite capacities, n the nodes:
//   - flows, residual capacities and excesses are sums and differences of capacities and supplies:
//     integers ≤ U (the national run: U < 10^9);
//   - scaled costs are cost·K ≤ C·(n + 1) (national: C ≈ 2.7·10^6, n ≈ 2.6·10^5: 7·10^11), ε is an
//     integer (⌊ε / ALPHA⌋, ≥ 1) and prices move by integer multiples of ε, so prices are integers;
//   - the answer does not rest on the prices: it is returned only with a certificate computed and
//     checked in the original integer costs — integer potentials π with cost + π(u) − π(v) ≥ 0 on
//     every residual arc (certify, then verify), which proves that no negative cycle is left, i.e. the
//     flow is optimal (complementary slackness). verify refuses a certificate with any |π| or reduced
//     cost ≥ 2^52 (where sums of two could round) or a flow that does not balance: the phases then go
//     on at ε = 1; if the prices themselves ever left the exact range (|price| ≥ 2^50; Goldberg's
//     bound allows ~12·n·ε per phase, far more than is ever seen) it throws a RangeError rather than
//     return an inexact answer, as it does up front when C·(n + 1)·ALPHA or U reaches 2^52;
//   - the total cost Σ flow·cost is at most U·C in magnitude (national: ~10^13 ≪ 2^53).
// So with integer costs the objective is exact, not within a tolerance; the ranges are checked, not
// assumed. (The national network's scaled costs, 7·10^11, leave a factor ~6,000 of room.)

/** Integers per arc or node: Int32Array, or Float64Array where values need more (or Infinity). */
export type Integers = Int32Array | Float64Array;

export interface FlowProblem {
  nodes: number;
  from: Int32Array;
  to: Int32Array;
  /** Per arc, ≥ 0; Infinity (Float64Array) only on arcs whose cycles cost ≥ 0, and not for networkSimplex. */
  capacity: Integers;
  /** Integer cost per unit of flow. */
  cost: Integers;
  /** Supply (> 0) or demand (< 0) per node; they sum to 0. */
  supply: Integers;
  /** An upper bound on the arcs of any simple cycle (default: nodes); smaller bounds scale less. */
  cycleBound?: number;
  /** A warm start: flow per arc within capacities (supplies may be unmet) … */
  initialFlow?: Integers;
  /** … and potentials, e.g. an earlier solution's; scaling then starts from their worst violation. */
  initialPotential?: Float64Array;
  /**
   * Network simplex: a starting basis, a star around `treeRoot` whose arc for node u is treeArc[u]:
   * the flow is then the supply of u on it (needs 0 ≤ supply < capacity away from the root, or
   * 0 < demand ≤ capacity towards it). Otherwise it starts from artificial arcs.
   */
  treeRoot?: number;
  treeArc?: Int32Array;
}

/** Work counters, for benchmarks and tuning. */
export interface FlowStats {
  phases: number;
  relabels: number;
  pushes: number;
  priceUpdates: number;
}

export interface FlowSolution {
  /** Flow per arc, in the problem's arc order. */
  flow: Float64Array;
  cost: number;
  /**
   * Integer node potentials proving optimality: cost + potential[from] − potential[to] ≥ 0 on every
   * arc with room left, ≤ 0 on every arc carrying flow (complementary slackness).
   */
  potential: Float64Array;
}

/** ε is divided by this per phase. */
const ALPHA = 10;
/** A global price update after this many relabels per node. */
const UPDATE_EVERY = 2;
/** Below this, sums of two numbers of the solver stay exact integers in a Float64. */
const EXACT = 2 ** 52;

/** The cheapest flow meeting every supply and demand within capacities, or undefined when none exists. */
export function minCostFlow(problem: FlowProblem, stats?: FlowStats): FlowSolution | undefined {
  const n = problem.nodes;
  const m0 = problem.from.length;
  const { from, to, supply } = problem;
  let balance = 0;
  // Stays above any flow, so an Infinity arc capped at it never looks saturated.
  let bound = 1;
  for (let u = 0; u < n; u++) {
    balance += supply[u]!;
    if (supply[u]! > 0) bound += supply[u]!;
  }
  if (balance !== 0) return undefined;
  if (n === 0) return { flow: new Float64Array(0), cost: 0, potential: new Float64Array(0) };
  for (let a = 0; a < m0; a++) if (problem.capacity[a] !== Infinity) bound += problem.capacity[a]!;
  const capacity = Float64Array.from(problem.capacity, (c) => (c === Infinity ? bound : c));

  // Residual graph in CSR form: arcs of node u are first[u] … first[u+1] − 1; rev pairs them.
  const first = new Int32Array(n + 1);
  for (let a = 0; a < m0; a++) {
    first[from[a]! + 1]!++;
    first[to[a]! + 1]!++;
  }
  for (let u = 0; u < n; u++) first[u + 1]! += first[u]!;
  const m = 2 * m0;
  const head = new Int32Array(m);
  const rcap = new Float64Array(m);
  const rev = new Int32Array(m);
  // rcap[a] + rcap[rev[a]] never changes: the global update reads the reverse residual from here,
  // avoiding a cache miss per arc.
  const pairCap = new Float64Array(m);
  const cost = new Float64Array(m);
  const forwardAt = new Int32Array(m0);
  const fill = first.slice(0, n);
  const scale = Math.min(n, Math.max(1, problem.cycleBound ?? n)) + 1;
  let maxCost = 0;
  for (let a = 0; a < m0; a++) {
    const u = from[a]!;
    const v = to[a]!;
    const i = fill[u]!++;
    const j = fill[v]!++;
    const c = problem.cost[a]! * scale;
    head[i] = v;
    head[j] = u;
    rcap[i] = capacity[a]!;
    pairCap[i] = capacity[a]!;
    pairCap[j] = capacity[a]!;
    cost[i] = c;
    cost[j] = -c;
    rev[i] = j;
    rev[j] = i;
    forwardAt[a] = i;
    if (Math.abs(c) > maxCost) maxCost = Math.abs(c);
  }
  // Scaled costs, and the first ε's multiples, must be exact (see the header).
  if (maxCost * ALPHA >= EXACT || bound >= EXACT) {
    throw new RangeError('minCostFlow: costs × (nodes + 1) or capacities too large for exact arithmetic');
  }

  const excess = Float64Array.from(supply);
  const price = new Float64Array(n);
  if (problem.initialFlow !== undefined) {
    for (let a = 0; a < m0; a++) {
      const f = problem.initialFlow[a]!;
      if (f === 0) continue;
      rcap[forwardAt[a]!]! -= f;
      rcap[rev[forwardAt[a]!]!]! += f;
      excess[from[a]!]! -= f;
      excess[to[a]!]! += f;
    }
  }
  if (problem.initialPotential !== undefined) {
    for (let u = 0; u < n; u++) price[u] = problem.initialPotential[u]! * scale;
    // The start is ε-optimal for its worst reduced cost; scaling starts there.
    let worst = 0;
    for (let u = 0; u < n; u++) {
      const pu = price[u]!;
      for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
        if (rcap[a] !== 0 && price[head[a]!]! - cost[a]! - pu > worst) worst = price[head[a]!]! - cost[a]! - pu;
      }
    }
    maxCost = worst;
  }
  const current = new Int32Array(n);
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);
  let queueHead = 0;
  let queueSize = 0;
  // Global update scratch.
  const rank = new Int32Array(n);
  const bucketFirst = new Int32Array(n + 2);
  const bucketNext = new Int32Array(n);
  const bucketPrev = new Int32Array(n);
  const scanned = new Uint8Array(n);
  const phaseStartPrice = new Float64Array(n);
  let eps = maxCost;
  let relabels = 0;
  let infeasible = false;

  const enqueue = (u: number): void => {
    queued[u] = 1;
    queue[(queueHead + queueSize) % n] = u;
    queueSize++;
  };

  const relabel = (u: number): void => {
    let best = -Infinity;
    for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
      if (rcap[a] === 0) continue;
      const value = price[head[a]!]! - cost[a]!;
      if (value > best) best = value;
    }
    // An active node without residual arcs cannot be relieved of its excess; nor can one whose price
    // fell further than any feasible problem needs (Goldberg's bound, (ALPHA + 1)·n·ε per phase).
    if (best === -Infinity) {
      if (excess[u]! > 0) infeasible = true;
      return;
    }
    price[u] = best - eps;
    if (excess[u]! > 0 && phaseStartPrice[u]! - price[u]! > (ALPHA + 2) * (n + 1) * eps) infeasible = true;
    current[u] = first[u]!;
    relabels++;
    if (stats) stats.relabels++;
  };

  /** Whether u has an admissible arc (moving its current arc there); relabels u when not. */
  const admissibleOrRelabel = (u: number): boolean => {
    const pu = price[u]!;
    for (let a = current[u]!, end = first[u + 1]!; a < end; a++) {
      if (rcap[a] !== 0 && cost[a]! + pu - price[head[a]!]! < 0) {
        current[u] = a;
        return true;
      }
    }
    relabel(u);
    return false;
  };

  const bucketInsert = (u: number, r: number): void => {
    const next = bucketFirst[r]!;
    bucketNext[u] = next;
    bucketPrev[u] = -1;
    if (next >= 0) bucketPrev[next] = u;
    bucketFirst[r] = u;
  };
  const bucketRemove = (u: number, r: number): void => {
    const next = bucketNext[u]!;
    const prev = bucketPrev[u]!;
    if (prev >= 0) bucketNext[prev] = next;
    else bucketFirst[r] = next;
    if (next >= 0) bucketPrev[next] = prev;
  };

  // Lowers prices by ε × (distance to the nearest deficit, in ε-lengths ⌊reduced cost / ε⌋ + 1), so
  // each active node gets a path of admissible arcs; ε-optimality is kept (the lengths are ≥ 0).
  const globalUpdate = (): void => {
    if (stats) stats.priceUpdates++;
    const limit = n + 1;
    const unreached = 0x7fffffff;
    rank.fill(unreached);
    bucketFirst.fill(-1);
    scanned.fill(0);
    let activeLeft = 0;
    for (let u = 0; u < n; u++) {
      if (excess[u]! > 0) activeLeft++;
      else if (excess[u]! < 0) {
        rank[u] = 0;
        bucketInsert(u, 0);
      }
    }
    let level = 0;
    for (; level <= limit && activeLeft > 0; level++) {
      for (let u = bucketFirst[level]!; u >= 0; u = bucketFirst[level]!) {
        bucketRemove(u, level);
        scanned[u] = 1;
        if (excess[u]! > 0) activeLeft--;
        const pu = price[u]!;
        for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
          const w = head[a]!;
          if (scanned[w] === 1) continue;
          if (pairCap[a] === rcap[a]) continue; // the arc w → u has no residual capacity
          const length = Math.floor((price[w]! - cost[a]! - pu) / eps) + 1;
          const r = level + (length > 0 ? length : 0);
          if (r < rank[w]! && r <= limit) {
            if (rank[w] !== unreached) bucketRemove(w, rank[w]!);
            rank[w] = r;
            bucketInsert(w, r);
          }
        }
      }
    }
    for (let u = 0; u < n; u++) price[u]! -= eps * (scanned[u] === 1 ? rank[u]! : level);
    for (let u = 0; u < n; u++) current[u] = first[u]!;
    relabels = 0;
  };

  const discharge = (u: number): void => {
    while (excess[u]! > 0 && !infeasible) {
      const pu = price[u]!;
      const end = first[u + 1]!;
      let a = current[u]!;
      for (; a < end; a++) {
        if (rcap[a] === 0) continue;
        const v = head[a]!;
        if (cost[a]! + pu - price[v]! >= 0) continue;
        // Look-ahead: a node that is not a deficit and has nowhere to go is relabelled instead.
        if (excess[v]! >= 0 && !admissibleOrRelabel(v) && cost[a]! + pu - price[v]! >= 0) continue;
        const delta = excess[u]! < rcap[a]! ? excess[u]! : rcap[a]!;
        if (stats) stats.pushes++;
        rcap[a]! -= delta;
        rcap[rev[a]!]! += delta;
        excess[u]! -= delta;
        excess[v]! += delta;
        if (excess[v]! > 0 && queued[v] === 0) enqueue(v);
        if (excess[u] === 0) break;
      }
      current[u] = a < end ? a : first[u]!;
      if (excess[u]! > 0) relabel(u);
    }
  };

  const refine = (): void => {
    if (stats) stats.phases++;
    phaseStartPrice.set(price);
    for (let u = 0; u < n; u++) {
      const pu = price[u]!;
      for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
        const r = rcap[a]!;
        if (r === 0) continue;
        const v = head[a]!;
        if (cost[a]! + pu - price[v]! < 0) {
          rcap[a] = 0;
          rcap[rev[a]!]! += r;
          excess[u]! -= r;
          excess[v]! += r;
        }
      }
    }
    queueHead = 0;
    queueSize = 0;
    for (let u = 0; u < n; u++) if (excess[u]! > 0) enqueue(u);
    globalUpdate();
    const updateAfter = Math.max(1, Math.floor(UPDATE_EVERY * n));
    while (queueSize > 0 && !infeasible) {
      const u = queue[queueHead]!;
      queueHead = (queueHead + 1) % n;
      queueSize--;
      queued[u] = 0;
      discharge(u);
      if (relabels > updateAfter) globalUpdate();
    }
  };

  const potential = new Float64Array(n);
  /**
   * Exact potentials from the prices, if the flow is already optimal: rounded prices leave residual
   * arcs short by a unit or so, which label-correcting fixes. It terminates only without a negative
   * cycle, so it gives up after `work` arc scans (then the flow may not be optimal yet).
   */
  const certify = (work: number): boolean => {
    for (let u = 0; u < n; u++) if (excess[u] !== 0) return false;
    for (let u = 0; u < n; u++) potential[u] = Math.round(price[u]! / scale);
    queueHead = 0;
    queueSize = 0;
    for (let u = 0; u < n; u++) enqueue(u);
    while (queueSize > 0) {
      const u = queue[queueHead]!;
      queueHead = (queueHead + 1) % n;
      queueSize--;
      queued[u] = 0;
      const pu = potential[u]!;
      const end = first[u + 1]!;
      work -= end - first[u]!;
      if (work < 0) {
        queued.fill(0);
        return false;
      }
      for (let a = first[u]!; a < end; a++) {
        if (rcap[a] === 0) continue;
        const v = head[a]!;
        const reach = pu + cost[a]! / scale;
        if (reach < potential[v]!) {
          potential[v] = reach;
          if (queued[v] === 0) enqueue(v);
        }
      }
    }
    return true;
  };

  /** The certificate checked in the original costs, every number within the exact range. */
  const verify = (): boolean => {
    for (let u = 0; u < n; u++) if (excess[u] !== 0 || !(Math.abs(potential[u]!) < EXACT)) return false;
    for (let u = 0; u < n; u++) {
      const pu = potential[u]!;
      for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
        if (rcap[a] === 0) continue;
        const reduced = cost[a]! / scale + pu - potential[head[a]!]!;
        if (reduced < 0 || !(reduced < EXACT)) return false;
      }
    }
    return true;
  };
  /** Prices within a quarter of the exact range: their differences and sums with costs stay exact. */
  const pricesExact = (): boolean => {
    for (let u = 0; u < n; u++) if (!(Math.abs(price[u]!) < EXACT / 4)) return false;
    return true;
  };

  // Phases until ε = 1 (exact); once ε < scale (below one unit of the original costs) the flow is
  // often optimal already, which certify proves at the cost of about one pass over the arcs. At ε = 1
  // label-correcting needs at most n passes over the arcs when the flow is optimal, as theory says it
  // is; were it not (it never was), the phases go on at ε = 1, a few times.
  const exhaustive = (n + 1) * m;
  let certified = eps === 0 && certify(4 * m) && verify();
  for (let atOne = 0; !certified && !infeasible && atOne < 4; ) {
    eps = Math.max(1, Math.floor(eps / ALPHA));
    refine();
    if (infeasible) break;
    if (!pricesExact()) throw new RangeError('minCostFlow: prices left the range of exact arithmetic');
    if (eps === 1) {
      atOne++;
      certified = certify(exhaustive) && verify();
    } else if (eps < scale) certified = certify(4 * m) && verify();
  }
  if (infeasible || !certified) return undefined;

  const flow = new Float64Array(m0);
  let total = 0;
  for (let a = 0; a < m0; a++) {
    flow[a] = capacity[a]! - rcap[forwardAt[a]!]!;
    total += flow[a]! * problem.cost[a]!;
  }
  return { flow, cost: total, potential };
}
