// The optimal flow of places over the feasible (class, vacancy node) arcs, exactly, without holding
// all of them: column generation with an exact pricing step.
//
//   1. One pass over all feasible arcs counts, per vacancy node, the labourers at each weight; each node
//      keeps the arcs of its best candidates, enough labourers for CANDIDATES_PER_PLACE × its places.
//   2. The min-cost flow on the kept arcs (min-cost-flow.ts) gives a plan and exact dual prices: p_v
//      per vacancy node, u_c per class (0 for a class with a member left over).
//   3. A pass over all feasible arcs looks for one the plan undervalues: weight > u_c + p_v. Such arcs
//      join the kept ones and the flow is solved again; when there is none, the prices prove the plan
//      optimal for the whole network (every arc's reduced cost is ≥ 0), so nothing was lost.
// Each pass costs O(feasible arcs) time and O(classes + vacancy nodes) memory; two or three passes
// usually do.
import type { ArcEnumerator } from './class-arcs.js';
import { FIT_MAX } from './fit-score.js';
import type { LabourerClass } from './labourer-classes.js';
import { minCostFlow } from './min-cost-flow.js';
import { povertyWeight } from './poverty-weight.js';
import type { VacancyNode } from './vacancy-groups.js';

/** Candidates kept per place of a vacancy node before pricing, in labourers. */
const CANDIDATES_PER_PLACE = 10;

export interface FlowPlan {
  /** Arcs carrying flow, grouped by class in class order. */
  cls: Int32Array;
  node: Int32Array;
  fit: Int32Array;
  flow: Int32Array;
  povertyWeight: number;
  /** All feasible (class, vacancy node) arcs. */
  feasibleArcs: number;
  /** Arcs the last flow problem had. */
  keptArcs: number;
  /** Flow problems solved (1 + pricing rounds that found arcs to add). */
  rounds: number;
}

/** Growable (class, node, fit) lists, in class order. */
class ArcList {
  cls = new Int32Array(1024);
  node = new Int32Array(1024);
  fit = new Int32Array(1024);
  length = 0;
  push(c: number, n: number, f: number): void {
    if (this.length === this.cls.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.cls = grow(this.cls);
      this.node = grow(this.node);
      this.fit = grow(this.fit);
    }
    this.cls[this.length] = c;
    this.node[this.length] = n;
    this.fit[this.length] = f;
    this.length++;
  }
  /** Both lists in class order → one list in class order. */
  static merge(a: ArcList, b: ArcList): ArcList {
    const out = new ArcList();
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (j === b.length || (i < a.length && a.cls[i]! <= b.cls[j]!)) {
        out.push(a.cls[i]!, a.node[i]!, a.fit[i]!);
        i++;
      } else {
        out.push(b.cls[j]!, b.node[j]!, b.fit[j]!);
        j++;
      }
    }
    return out;
  }
}

export function planFlow(
  classes: readonly LabourerClass[],
  nodes: readonly VacancyNode[],
  enumerator: ArcEnumerator,
): FlowPlan {
  const C = classes.length;
  const V = nodes.length;
  const weight = povertyWeight(V);
  const levels = 2 * (FIT_MAX + 1);
  const level = (poor: boolean, fit: number): number => (poor ? FIT_MAX + 1 + fit : fit);
  const arcWeight = (poor: boolean, fit: number): number => (poor ? weight : 0) + fit;
  const size = Int32Array.from(classes, (c) => c.members.length);
  const bufNode = new Int32Array(enumerator.maxArcs);
  const bufFit = new Int32Array(enumerator.maxArcs);

  // 1. Labourers per (node, weight level); each node's threshold level.
  const count = new Float64Array(V * levels);
  let feasibleArcs = 0;
  for (let c = 0; c < C; c++) {
    const k = enumerator.arcsOf(c, bufNode, bufFit);
    feasibleArcs += k;
    const poor = classes[c]!.poverty;
    for (let i = 0; i < k; i++) count[bufNode[i]! * levels + level(poor, bufFit[i]!)]! += size[c]!;
  }
  const threshold = new Int32Array(V);
  for (let v = 0; v < V; v++) {
    const wanted = CANDIDATES_PER_PLACE * nodes[v]!.capacity;
    let seen = 0;
    for (let l = levels - 1; l >= 0; l--) {
      seen += count[v * levels + l]!;
      if (seen >= wanted) {
        threshold[v] = l;
        break;
      }
    }
  }
  let kept = new ArcList();
  for (let c = 0; c < C; c++) {
    const k = enumerator.arcsOf(c, bufNode, bufFit);
    const poor = classes[c]!.poverty;
    for (let i = 0; i < k; i++) {
      if (level(poor, bufFit[i]!) >= threshold[bufNode[i]!]!) kept.push(c, bufNode[i]!, bufFit[i]!);
    }
  }

  const surplus = new Float64Array(C);
  const price = new Float64Array(V);
  const stamp = new Int32Array(V).fill(-1);
  const budget = new Float64Array(V);
  const above = new Float64Array(V);
  const floor = new Int32Array(V);
  const violating = new Float64Array(V * levels);
  for (let rounds = 1; ; rounds++) {
    // 2. The flow on the kept arcs, and its prices.
    const __t = performance.now(); const __c = process.cpuUsage();
    const solved = solveKept(classes, nodes, kept, size, arcWeight);
    if (process.env.MDEBUG) console.error('round', rounds, 'kept', kept.length, 'solve', ((performance.now() - __t) / 1000).toFixed(2));
    surplus.fill(0);
    for (let v = 0; v < V; v++) price[v] = solved.price[v]!;
    for (let a = 0; a < kept.length; a++) {
      const c = kept.cls[a]!;
      if (solved.flow[a]! === 0 || solved.leftOver[c]! > 0) continue;
      // A class with every member placed earns its worst placement's margin over the price.
      const margin = arcWeight(classes[c]!.poverty, kept.fit[a]!) - price[kept.node[a]!]!;
      surplus[c] = solved.placedSeen[c] === 0 ? margin : Math.min(surplus[c]!, margin);
      solved.placedSeen[c] = 1;
    }

    // 3. Pricing: any feasible arc the prices undervalue? Per node, only the best-weighted of them
    // join (enough for CANDIDATES_PER_PLACE × its places), so a round adds what the next one needs.
    const found = new ArcList();
    budget.fill(0);
    above.fill(0);
    violating.fill(0);
    floor.fill(0);
    let a = 0;
    for (let c = 0; c < C; c++) {
      for (; a < kept.length && kept.cls[a] === c; a++) stamp[kept.node[a]!] = c;
      const k = enumerator.arcsOf(c, bufNode, bufFit);
      const poor = classes[c]!.poverty;
      const u = surplus[c]!;
      for (let i = 0; i < k; i++) {
        const v = bufNode[i]!;
        if (stamp[v] === c) continue;
        const fit = bufFit[i]!;
        if (arcWeight(poor, fit) <= u + price[v]!) continue;
        const l = level(poor, fit);
        if (l < floor[v]!) continue;
        found.push(c, v, fit);
        // Raise the node's floor while the violators above it alone cover its budget.
        violating[v * levels + l]! += size[c]!;
        above[v]! += size[c]!;
        const wanted = CANDIDATES_PER_PLACE * nodes[v]!.capacity;
        while (above[v]! - violating[v * levels + floor[v]!]! >= wanted) {
          above[v]! -= violating[v * levels + floor[v]!]!;
          floor[v]!++;
        }
      }
    }
    const added = new ArcList();
    for (let i = 0; i < found.length; i++) {
      const v = found.node[i]!;
      if (level(classes[found.cls[i]!]!.poverty, found.fit[i]!) >= floor[v]!) added.push(found.cls[i]!, v, found.fit[i]!);
    }
    if (process.env.MDEBUG) console.error('added', added.length, 'pricing+solve', ((performance.now() - __t) / 1000).toFixed(2), 'cpu', (process.cpuUsage(__c).user / 1e6).toFixed(2));
    if (added.length === 0) {
      const carrying: number[] = [];
      for (let i = 0; i < kept.length; i++) if (solved.flow[i]! > 0) carrying.push(i);
      return {
        cls: Int32Array.from(carrying, (i) => kept.cls[i]!),
        node: Int32Array.from(carrying, (i) => kept.node[i]!),
        fit: Int32Array.from(carrying, (i) => kept.fit[i]!),
        flow: Int32Array.from(carrying, (i) => solved.flow[i]!),
        povertyWeight: weight,
        feasibleArcs,
        keptArcs: kept.length,
        rounds,
      };
    }
    kept = ArcList.merge(kept, added);
  }
}

interface KeptSolution {
  /** Flow per kept arc. */
  flow: Int32Array;
  /** Members of each class left without a place. */
  leftOver: Int32Array;
  /** Scratch for the caller: 0 per class. */
  placedSeen: Uint8Array;
  /** Dual price per vacancy node: what one more place there is worth (≥ 0 when full, 0 when not). */
  price: Float64Array;
}

/**
 * Min-cost flow on the kept arcs: class (supply = members) → vacancy node (cost −weight) → sink
 * (capacity = places), and class → sink at cost 0 for members left without a place.
 */
function solveKept(
  classes: readonly LabourerClass[],
  nodes: readonly VacancyNode[],
  kept: ArcList,
  size: Int32Array,
  arcWeight: (poor: boolean, fit: number) => number,
): KeptSolution {
  const C = classes.length;
  const V = nodes.length;
  const index = new Int32Array(C).fill(-1);
  const members: number[] = [];
  for (let a = 0; a < kept.length; a++) {
    const c = kept.cls[a]!;
    if (index[c] === -1) {
      index[c] = members.length;
      members.push(c);
    }
  }
  const F = members.length;
  const sink = F + V;
  const arcs = kept.length + F + V;
  const from = new Int32Array(arcs);
  const to = new Int32Array(arcs);
  const capacity = new Int32Array(arcs);
  const cost = new Int32Array(arcs);
  const supply = new Int32Array(sink + 1);
  for (let a = 0; a < kept.length; a++) {
    const c = kept.cls[a]!;
    const v = kept.node[a]!;
    from[a] = index[c]!;
    to[a] = F + v;
    capacity[a] = Math.min(size[c]!, nodes[v]!.capacity);
    cost[a] = -arcWeight(classes[c]!.poverty, kept.fit[a]!);
  }
  for (let f = 0; f < F; f++) {
    const a = kept.length + f;
    from[a] = f;
    to[a] = sink;
    capacity[a] = size[members[f]!]!;
    supply[f] = capacity[a]!;
    supply[sink]! -= capacity[a]!;
  }
  for (let v = 0; v < V; v++) {
    const a = kept.length + F + v;
    from[a] = F + v;
    to[a] = sink;
    capacity[a] = nodes[v]!.capacity;
  }
  // Every simple cycle alternates classes with vacancy nodes or the sink: at most 2(V + 1) arcs.
  const stats = { phases: 0, relabels: 0, pushes: 0, priceUpdates: 0 };
  const __c = process.cpuUsage();
  const solution = minCostFlow({ nodes: sink + 1, from, to, capacity, cost, supply, cycleBound: 2 * (V + 1) }, stats);
  if (process.env.MDUMP) { (globalThis as any).__fs.writeFileSync(process.env.MDUMP + '-' + (++(globalThis as any).__dump || ((globalThis as any).__dump = 1)), JSON.stringify({ nodes: sink + 1, from: [...from], to: [...to], capacity: [...capacity], cost: [...cost], supply: [...supply], cycleBound: 2 * (V + 1), objective: solution?.cost })); }
  if (process.env.MDEBUG) console.error('  solve n', sink + 1, 'm', arcs, JSON.stringify(stats), 'cpu', (process.cpuUsage(__c).user / 1e6).toFixed(2));
  // The network is always feasible (everyone may stay without a place), so a solution exists.
  const flow = solution?.flow ?? new Int32Array(arcs);
  const potential = solution?.potential ?? new Float64Array(sink + 1);
  const leftOver = new Int32Array(C);
  for (let f = 0; f < F; f++) leftOver[members[f]!] = flow[kept.length + f]!;
  // Classes outside the network keep all their members: their surplus is 0 as well.
  for (let c = 0; c < C; c++) if (index[c] === -1) leftOver[c] = size[c]!;
  const price = new Float64Array(V);
  for (let v = 0; v < V; v++) price[v] = potential[sink]! - potential[F + v]!;
  return { flow: flow.subarray(0, kept.length), leftOver, placedSeen: new Uint8Array(C), price };
}
