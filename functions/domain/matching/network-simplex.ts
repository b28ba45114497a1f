// Exact minimum-cost flow by the primal network simplex method, after LEMON's NetworkSimplex
// (Kovács, "Minimum-cost flow algorithms: an experimental evaluation", 2015): a spanning tree basis
// kept as parent / thread / subtree-size lists, block-search pricing (the most negative reduced cost
// in each block of ~√m arcs), and a strongly feasible tree so degenerate pivots cannot cycle.
// It starts from an artificial root joined to every node. For the bipartite transportation problems
// of matching it is several times faster than cost scaling, and its potentials are exact integers.
// Memory ~ 30 bytes per arc and 60 per node.
import type { FlowProblem, FlowSolution } from './min-cost-flow.js';

const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
const DIR_UP = 1;
const DIR_DOWN = -1;

/** The cheapest flow meeting every supply and demand within capacities, or undefined when none exists. */
export function networkSimplex(problem: FlowProblem): FlowSolution | undefined {
  const n = problem.nodes;
  const m = problem.from.length;
  let balance = 0;
  for (let u = 0; u < n; u++) balance += problem.supply[u]!;
  if (balance !== 0) return undefined;
  if (n === 0) return { flow: new Int32Array(m), cost: 0, potential: new Float64Array(0) };

  const all = m + n;
  const root = n;
  const source = new Int32Array(all);
  const target = new Int32Array(all);
  const cap = new Float64Array(all);
  const cost = new Float64Array(all);
  const flow = new Float64Array(all);
  const state = new Int8Array(all);
  const pi = new Float64Array(n + 1);
  const parent = new Int32Array(n + 1);
  const pred = new Int32Array(n + 1);
  const thread = new Int32Array(n + 1);
  const revThread = new Int32Array(n + 1);
  const succNum = new Int32Array(n + 1);
  const lastSucc = new Int32Array(n + 1);
  const predDir = new Int8Array(n + 1);
  const dirtyRevs: number[] = [];

  let maxCost = 0;
  for (let e = 0; e < m; e++) {
    source[e] = problem.from[e]!;
    target[e] = problem.to[e]!;
    cap[e] = problem.capacity[e]!;
    cost[e] = problem.cost[e]!;
    state[e] = STATE_LOWER;
    if (Math.abs(cost[e]!) > maxCost) maxCost = Math.abs(cost[e]!);
  }
  // Artificial arcs to and from the root cost more than any path of real arcs.
  const artificial = (maxCost + 1) * (n + 1);
  parent[root] = -1;
  pred[root] = -1;
  thread[root] = 0;
  revThread[0] = root;
  succNum[root] = n + 1;
  lastSucc[root] = root - 1;
  pi[root] = 0;
  for (let u = 0, e = m; u < n; u++, e++) {
    parent[u] = root;
    pred[u] = e;
    thread[u] = u + 1;
    revThread[u + 1] = u;
    succNum[u] = 1;
    lastSucc[u] = u;
    cap[e] = Infinity;
    state[e] = STATE_TREE;
    const s = problem.supply[u]!;
    if (s >= 0) {
      predDir[u] = DIR_UP;
      pi[u] = 0;
      source[e] = u;
      target[e] = root;
      flow[e] = s;
      cost[e] = 0;
    } else {
      predDir[u] = DIR_DOWN;
      pi[u] = artificial;
      source[e] = root;
      target[e] = u;
      flow[e] = -s;
      cost[e] = artificial;
    }
  }

  const blockSize = Math.max(10, Math.floor(Math.sqrt(m)));
  let nextArc = 0;
  let inArc = -1;
  let join = -1;
  let uIn = -1;
  let vIn = -1;
  let uOut = -1;
  let delta = 0;

  const findEnteringArc = (): boolean => {
    let min = 0;
    let count = blockSize;
    let e = nextArc;
    for (let scanned = 0; scanned < m; scanned++) {
      const c = state[e]! * (cost[e]! + pi[source[e]!]! - pi[target[e]!]!);
      if (c < min) {
        min = c;
        inArc = e;
      }
      e = e + 1 === m ? 0 : e + 1;
      if (--count === 0) {
        if (min < 0) break;
        count = blockSize;
      }
    }
    if (min >= 0) return false;
    nextArc = e;
    return true;
  };

  const findJoinNode = (): void => {
    let u = source[inArc]!;
    let v = target[inArc]!;
    while (u !== v) {
      if (succNum[u]! < succNum[v]!) u = parent[u]!;
      else v = parent[v]!;
    }
    join = u;
  };

  /** The leaving arc (by the node below it, uOut) keeping the tree strongly feasible. */
  const findLeavingArc = (): boolean => {
    let first: number;
    let second: number;
    if (state[inArc] === STATE_LOWER) {
      first = source[inArc]!;
      second = target[inArc]!;
    } else {
      first = target[inArc]!;
      second = source[inArc]!;
    }
    delta = cap[inArc]!;
    let result = 0;
    for (let u = first; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      const d = predDir[u] === DIR_DOWN ? cap[e]! - flow[e]! : flow[e]!;
      if (d < delta) {
        delta = d;
        uOut = u;
        result = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      const d = predDir[u] === DIR_UP ? cap[e]! - flow[e]! : flow[e]!;
      if (d <= delta) {
        delta = d;
        uOut = u;
        result = 2;
      }
    }
    if (result === 1) {
      uIn = first;
      vIn = second;
    } else {
      uIn = second;
      vIn = first;
    }
    return result !== 0;
  };

  const changeFlow = (change: boolean): void => {
    if (delta > 0) {
      const val = state[inArc]! * delta;
      flow[inArc]! += val;
      for (let u = source[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! -= predDir[u]! * val;
      for (let u = target[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! += predDir[u]! * val;
    }
    if (change) {
      state[inArc] = STATE_TREE;
      state[pred[uOut]!] = flow[pred[uOut]!] === 0 ? STATE_LOWER : STATE_UPPER;
    } else {
      state[inArc] = -state[inArc]! as -1 | 0 | 1;
    }
  };

  const updateTreeStructure = (): void => {
    const oldRevThread = revThread[uOut]!;
    const oldSuccNum = succNum[uOut]!;
    const oldLastSucc = lastSucc[uOut]!;
    const vOut = parent[uOut]!;

    if (uIn === uOut) {
      parent[uIn] = vIn;
      pred[uIn] = inArc;
      predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN;
      if (thread[vIn] !== uOut) {
        let after = thread[oldLastSucc]!;
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
        after = thread[vIn]!;
        thread[vIn] = uOut;
        revThread[uOut] = vIn;
        thread[oldLastSucc] = after;
        revThread[after] = oldLastSucc;
      }
    } else {
      // When oldRevThread is vIn, join and vOut coincide.
      const threadContinue = oldRevThread === vIn ? thread[oldLastSucc]! : thread[vIn]!;
      // Re-hang the stem (the nodes from uIn up to uOut) under vIn, reversing it.
      let stem = uIn;
      let parStem = vIn;
      let last = lastSucc[uIn]!;
      let after = thread[last]!;
      thread[vIn] = uIn;
      dirtyRevs.length = 0;
      dirtyRevs.push(vIn);
      while (stem !== uOut) {
        const nextStem = parent[stem]!;
        thread[last] = nextStem;
        dirtyRevs.push(last);
        const before = revThread[stem]!;
        thread[before] = after;
        revThread[after] = before;
        parent[stem] = parStem;
        parStem = stem;
        stem = nextStem;
        last = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem]! : lastSucc[stem]!;
        after = thread[last]!;
      }
      parent[uOut] = parStem;
      thread[last] = threadContinue;
      revThread[threadContinue] = last;
      lastSucc[uOut] = last;
      if (oldRevThread !== vIn) {
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
      }
      for (const u of dirtyRevs) revThread[thread[u]!] = u;
      let tmpSc = 0;
      const tmpLs = lastSucc[uOut]!;
      for (let u = uOut, p = parent[u]!; u !== uIn; u = p, p = parent[u]!) {
        pred[u] = pred[p]!;
        predDir[u] = -predDir[p]! as -1 | 1;
        tmpSc += succNum[u]! - succNum[p]!;
        succNum[u] = tmpSc;
        lastSucc[p] = tmpLs;
      }
      pred[uIn] = inArc;
      predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN;
      succNum[uIn] = oldSuccNum;
    }

    const upLimitOut = lastSucc[join] === vIn ? join : -1;
    const lastSuccOut = lastSucc[uOut]!;
    for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]!) lastSucc[u] = lastSuccOut;
    if (join !== oldRevThread && vIn !== oldRevThread) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!) lastSucc[u] = oldRevThread;
    } else if (lastSuccOut !== oldLastSucc) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!) lastSucc[u] = lastSuccOut;
    }
    for (let u = vIn; u !== join; u = parent[u]!) succNum[u]! += oldSuccNum;
    for (let u = vOut; u !== join; u = parent[u]!) succNum[u]! -= oldSuccNum;
  };

  const updatePotential = (): void => {
    const sigma = pi[vIn]! - pi[uIn]! - predDir[uIn]! * cost[inArc]!;
    const end = thread[lastSucc[uIn]!]!;
    for (let u = uIn; u !== end; u = thread[u]!) pi[u]! += sigma;
  };

  while (findEnteringArc()) {
    findJoinNode();
    const change = findLeavingArc();
    if (delta === Infinity) return undefined; // unbounded: cannot happen with finite capacities
    changeFlow(change);
    if (change) {
      updateTreeStructure();
      updatePotential();
    }
  }
  // Flow left on an artificial arc means the supplies cannot be met.
  for (let e = m; e < all; e++) if (flow[e] !== 0) return undefined;

  const result = new Int32Array(m);
  let total = 0;
  for (let e = 0; e < m; e++) {
    result[e] = flow[e]!;
    total += flow[e]! * problem.cost[e]!;
  }
  return { flow: result, cost: total, potential: pi.slice(0, n) };
}
