// Exact minimum-cost flow by cost scaling (Goldberg, "An efficient implementation of a scaling
// minimum-cost flow algorithm", J. Algorithms 22, 1997): the allocation's solver. (A primal network
// simplex needed ~50 pivots per node on national networks and was 3–6× slower.)
//
// Costs are multiplied by K = nodes + 1 and ε, starting at the largest scaled cost, is divided by ALPHA
// per phase down to 1: an ε-optimal flow with ε < 1/K in the original integer costs has no negative
// cycle, so it is optimal. A phase (refine) saturates every residual arc of negative reduced cost,
// then discharges the nodes left with excess in FIFO order: push on admissible arcs (reduced cost
// < 0), relabel when there is none. Global price updates (a Dial-bucket search back from the deficits,
// in ε-lengths) run at the start of each phase and after every `n` relabels; a push goes only to a
// node that can pass the flow on (look-ahead: a node without an admissible arc is relabelled first).
//
// The final prices are checked, and turned into exact integer potentials, by a label-correcting pass
// on the residual network (which only terminates without a negative cycle); if the prices were not
// exact (Float64 rounding on a huge network) the phases simply continue at ε = 1.
// Capacities may be Infinity only on arcs whose cycles cost ≥ 0 (the allocation's network is acyclic);
// they are bounded by the total supply plus the finite capacities, which no optimal flow exceeds.

export interface FlowNetwork {
  nodes: number;
  from: Int32Array;
  to: Int32Array;
  /** Per arc, ≥ 0; Infinity for uncapacitated arcs. */
  capacity: Float64Array;
  /** Integer cost per unit. */
  cost: Float64Array;
  /** Supply (> 0) or demand (< 0) per node, summing to 0. */
  supply: Float64Array;
}

export interface FlowResult {
  flow: Float64Array;
  cost: number;
  /** cost[a] + potential[from] − potential[to] is ≥ 0 where flow < capacity and ≤ 0 where flow > 0. */
  potential: Float64Array;
  /** Relabels plus phases: the solver's work, for benchmarks. */
  work: number;
}

const ALPHA = 8;
/** A global price update after this many relabels per node. */
const UPDATE_EVERY = 2;

export function costScaling(network: FlowNetwork): FlowResult | undefined {
  const n = network.nodes;
  const m0 = network.from.length;
  const { from, to, supply } = network;
  let balance = 0;
  let bound = 1; // stays above any flow, so an Infinity arc never looks saturated
  for (let u = 0; u < n; u++) {
    balance += supply[u]!;
    if (supply[u]! > 0) bound += supply[u]!;
  }
  if (balance !== 0) return undefined;
  if (n === 0) return { flow: new Float64Array(0), cost: 0, potential: new Float64Array(0), work: 0 };
  for (let a = 0; a < m0; a++) if (network.capacity[a] !== Infinity) bound += network.capacity[a]!;

  // Residual network in CSR form; rev pairs an arc with its reverse.
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
  const cost = new Float64Array(m);
  const forwardAt = new Int32Array(m0);
  const fill = first.slice(0, n);
  const K = n + 1;
  let maxCost = 0;
  for (let a = 0; a < m0; a++) {
    const u = from[a]!;
    const v = to[a]!;
    const i = fill[u]!++;
    const j = fill[v]!++;
    const c = network.cost[a]! * K;
    head[i] = v;
    head[j] = u;
    rcap[i] = Math.min(network.capacity[a]!, bound);
    rcap[j] = 0;
    cost[i] = c;
    cost[j] = -c;
    rev[i] = j;
    rev[j] = i;
    forwardAt[a] = i;
    if (Math.abs(c) > maxCost) maxCost = Math.abs(c);
  }

  const excess = Float64Array.from(supply);
  const price = new Float64Array(n);
  const current = new Int32Array(n);
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);
  let queueHead = 0;
  let queueSize = 0;
  const enqueue = (u: number): void => {
    queued[u] = 1;
    queue[(queueHead + queueSize) % n] = u;
    queueSize++;
  };
  // Global update scratch.
  const rank = new Float64Array(n);
  const bucketFirst = new Int32Array(n + 2);
  const bucketNext = new Int32Array(n);
  const bucketPrev = new Int32Array(n);
  const scanned = new Uint8Array(n);
  const phaseStartPrice = new Float64Array(n);
  let eps = maxCost;
  let relabels = 0;
  let work = 0;
  let infeasible = false;

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

  // Lowers each price by ε × its distance to the nearest deficit in ε-lengths (⌊reduced cost / ε⌋ + 1
  // on residual arcs, 0 below zero), so every active node gets a path of admissible arcs.
  const globalUpdate = (): void => {
    const limit = n;
    rank.fill(Infinity);
    bucketFirst.fill(-1);
    scanned.fill(0);
    let active = 0;
    for (let u = 0; u < n; u++) {
      if (excess[u]! > 0) active++;
      else if (excess[u]! < 0) {
        rank[u] = 0;
        bucketInsert(u, 0);
      }
    }
    let level = 0;
    for (; level <= limit && active > 0; level++) {
      for (let u = bucketFirst[level]!; u >= 0; u = bucketFirst[level]!) {
        bucketRemove(u, level);
        scanned[u] = 1;
        if (excess[u]! > 0) active--;
        const pu = price[u]!;
        for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
          // The arc w → u is rev[a]; it is residual when rcap[rev[a]] > 0.
          const w = head[a]!;
          if (scanned[w] === 1 || rcap[rev[a]!] === 0) continue;
          const reduced = cost[rev[a]!]! + price[w]! - pu;
          const length = reduced < 0 ? 0 : Math.floor(reduced / eps) + 1;
          const r = level + length;
          if (r < rank[w]! && r <= limit) {
            if (rank[w] !== Infinity) bucketRemove(w, rank[w]!);
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

  const relabel = (u: number): void => {
    let best = -Infinity;
    for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
      if (rcap[a] === 0) continue;
      const value = price[head[a]!]! - cost[a]!;
      if (value > best) best = value;
    }
    // An active node without residual arcs cannot pass its excess on (a look-ahead relabel of an
    // inactive node proves nothing).
    if (best === -Infinity) {
      if (excess[u]! > 0) infeasible = true;
      return;
    }
    price[u] = best - eps;
    // No feasible flow lowers a price further within a phase (Goldberg's bound, (ALPHA + 1)·n·ε).
    if (excess[u]! > 0 && phaseStartPrice[u]! - price[u]! > (ALPHA + 2) * (n + 1) * eps) infeasible = true;
    current[u] = first[u]!;
    relabels++;
    work++;
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

  const discharge = (u: number): void => {
    while (excess[u]! > 0 && !infeasible) {
      const pu = price[u]!;
      const end = first[u + 1]!;
      let a = current[u]!;
      for (; a < end; a++) {
        const r = rcap[a]!;
        if (r === 0) continue;
        const v = head[a]!;
        if (cost[a]! + pu - price[v]! >= 0) continue;
        // Look-ahead: a node that is no deficit and has nowhere to go is relabelled, not pushed to.
        if (excess[v]! >= 0 && !admissibleOrRelabel(v) && cost[a]! + pu - price[v]! >= 0) continue;
        const delta = excess[u]! < r ? excess[u]! : r;
        rcap[a] = r - delta;
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
    while (queueSize > 0 && !infeasible) {
      const u = queue[queueHead]!;
      queueHead = (queueHead + 1) % n;
      queueSize--;
      queued[u] = 0;
      discharge(u);
      if (relabels > UPDATE_EVERY * n) globalUpdate();
    }
  };

  const potential = new Float64Array(n);
  /** Exact potentials from the prices, if the flow is optimal; gives up after `limit` arc scans. */
  const certify = (limit: number): boolean => {
    for (let u = 0; u < n; u++) if (excess[u] !== 0) return false;
    for (let u = 0; u < n; u++) potential[u] = Math.round(price[u]! / K);
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
      limit -= end - first[u]!;
      if (limit < 0) {
        queued.fill(0);
        return false;
      }
      for (let a = first[u]!; a < end; a++) {
        if (rcap[a] === 0) continue;
        const v = head[a]!;
        const reach = pu + cost[a]! / K;
        if (reach < potential[v]!) {
          potential[v] = reach;
          if (queued[v] === 0) enqueue(v);
        }
      }
    }
    return true;
  };

  let certified = maxCost === 0 && certify(4 * m + n);
  let phases = 0;
  while (!certified && !infeasible) {
    eps = Math.max(1, Math.floor(eps / ALPHA));
    refine();
    phases++;
    if (infeasible) break;
    if (eps === 1) certified = certify(Infinity);
    else if (eps < K) certified = certify(4 * m + n);
  }
  if (infeasible || !certified) return undefined;

  const flow = new Float64Array(m0);
  let total = 0;
  for (let a = 0; a < m0; a++) {
    flow[a] = rcap[rev[forwardAt[a]!]!]!;
    total += flow[a]! * network.cost[a]!;
  }
  return { flow, cost: total, potential, work: work + phases };
}
