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
// Each pass costs O(feasible arcs) time and O(classes + vacancy nodes) memory. Each flow problem
// after the first starts from the previous plan and prices (only the new arcs are off), and classes
// whose kept arcs are identical are solved as one.
import type { ArcEnumerator } from './class-arcs.js';
import { FIT_MAX } from './fit-score.js';
import type { LabourerClass } from './labourer-classes.js';
import { minCostFlow } from './min-cost-flow.js';
import { povertyWeight } from './poverty-weight.js';
import type { VacancyNode } from './vacancy-groups.js';

/** Candidates kept per place of a vacancy node before pricing, in labourers; also what a round adds. */
const CANDIDATES_PER_PLACE = 6;

export interface FlowPlan {
  /** Arcs carrying flow, grouped by class in class order. */
  cls: Int32Array;
  node: Int32Array;
  fit: Int32Array;
  flow: Int32Array;
  povertyWeight: number;
  /** All feasible (class, vacancy node) arcs. */
  feasibleArcs: number;
  /** Per flow problem solved: arcs kept, arcs pricing then added, solver seconds. */
  rounds: { kept: number; added: number; solveSeconds: number }[];
}

/** Growable (class, node, fit, flow) lists, in class order. */
class ArcList {
  cls = new Int32Array(1024);
  node = new Int32Array(1024);
  fit = new Int32Array(1024);
  flow = new Int32Array(1024);
  length = 0;
  push(c: number, n: number, f: number, flow = 0): void {
    if (this.length === this.cls.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.cls = grow(this.cls);
      this.node = grow(this.node);
      this.fit = grow(this.fit);
      this.flow = grow(this.flow);
    }
    this.cls[this.length] = c;
    this.node[this.length] = n;
    this.fit[this.length] = f;
    this.flow[this.length] = flow;
    this.length++;
  }
  /** Both lists in class order → one list in class order (a's arcs first within a class). */
  static merge(a: ArcList, b: ArcList): ArcList {
    const out = new ArcList();
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (j === b.length || (i < a.length && a.cls[i]! <= b.cls[j]!)) {
        out.push(a.cls[i]!, a.node[i]!, a.fit[i]!, a.flow[i]!);
        i++;
      } else {
        out.push(b.cls[j]!, b.node[j]!, b.fit[j]!, b.flow[j]!);
        j++;
      }
    }
    return out;
  }
}

/** Potentials of the last flow problem, to start the next one from. */
interface WarmStart {
  cls: Float64Array;
  node: Float64Array;
  sink: number;
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
  const size = new Int32Array(C);
  classes.forEach((c, i) => (size[i] = c.members.length));
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
  const placed = new Int32Array(C);
  const price = new Float64Array(V);
  const stamp = new Int32Array(V).fill(-1);
  const above = new Float64Array(V);
  const floor = new Int32Array(V);
  const violating = new Float64Array(V * levels);
  const rounds: FlowPlan['rounds'] = [];
  let warm: WarmStart | undefined;
  for (;;) {
    // 2. The flow on the kept arcs (kept.flow), and its prices.
    const started = performance.now();
    const solved = solveKept(classes, nodes, kept, size, arcWeight, warm);
    warm = solved.warm;
    const solveSeconds = (performance.now() - started) / 1000;
    for (let v = 0; v < V; v++) price[v] = warm.sink - warm.node[v]!;
    placed.fill(0);
    for (let a = 0; a < kept.length; a++) placed[kept.cls[a]!]! += kept.flow[a]!;
    surplus.fill(Infinity);
    for (let a = 0; a < kept.length; a++) {
      const c = kept.cls[a]!;
      if (kept.flow[a] === 0 || placed[c]! < size[c]!) continue;
      // A class with every member placed earns its worst placement's margin over the price.
      const margin = arcWeight(classes[c]!.poverty, kept.fit[a]!) - price[kept.node[a]!]!;
      if (margin < surplus[c]!) surplus[c] = margin;
    }

    // 3. Pricing: any feasible arc the prices undervalue? Per node, only the best-weighted of them
    // join (enough for CANDIDATES_PER_PLACE × its places), so a round adds what the next one needs.
    const found = new ArcList();
    above.fill(0);
    violating.fill(0);
    floor.fill(0);
    let a = 0;
    for (let c = 0; c < C; c++) {
      for (; a < kept.length && kept.cls[a] === c; a++) stamp[kept.node[a]!] = c;
      const k = enumerator.arcsOf(c, bufNode, bufFit);
      const poor = classes[c]!.poverty;
      const u = placed[c]! < size[c]! ? 0 : surplus[c]!;
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
    rounds.push({ kept: kept.length, added: added.length, solveSeconds });
    if (added.length === 0) break;
    kept = ArcList.merge(kept, added);
  }

  const carrying: number[] = [];
  for (let i = 0; i < kept.length; i++) if (kept.flow[i]! > 0) carrying.push(i);
  const pick = (from: Int32Array): Int32Array => {
    const out = new Int32Array(carrying.length);
    carrying.forEach((i, k) => (out[k] = from[i]!));
    return out;
  };
  return {
    cls: pick(kept.cls),
    node: pick(kept.node),
    fit: pick(kept.fit),
    flow: pick(kept.flow),
    povertyWeight: weight,
    feasibleArcs,
    rounds,
  };
}

/**
 * Min-cost flow on the kept arcs: class (supply = members) → vacancy node (cost −weight) → sink
 * (capacity = places), and class → sink at cost 0 for members left without a place. Classes with
 * identical kept arcs are one source (their members are interchangeable here); the result is split
 * back over them into kept.flow. Starts from kept.flow and `warm` when given.
 */
function solveKept(
  classes: readonly LabourerClass[],
  nodes: readonly VacancyNode[],
  kept: ArcList,
  size: Int32Array,
  arcWeight: (poor: boolean, fit: number) => number,
  warm: WarmStart | undefined,
): { warm: WarmStart } {
  const C = classes.length;
  const V = nodes.length;
  // Sources: one per distinct (poverty, kept arcs); arcStart[c] = first kept arc of class c.
  const sourceOf = new Int32Array(C).fill(-1);
  const arcStart = new Int32Array(C).fill(-1);
  const firstMember: number[] = [];
  const supplyOf: number[] = [];
  const bySignature = new Map<string, number>();
  for (let a = 0; a < kept.length; ) {
    const c = kept.cls[a]!;
    arcStart[c] = a;
    let signature = classes[c]!.poverty ? 'P' : 'N';
    for (; a < kept.length && kept.cls[a] === c; a++) signature += `${kept.node[a]}:${kept.fit[a]},`;
    let s = bySignature.get(signature);
    if (s === undefined) {
      s = firstMember.length;
      bySignature.set(signature, s);
      firstMember.push(c);
      supplyOf.push(0);
    }
    sourceOf[c] = s;
    supplyOf[s]! += size[c]!;
  }
  const S = firstMember.length;
  const degree = (c: number): number => {
    let end = arcStart[c]!;
    while (end < kept.length && kept.cls[end] === c) end++;
    return end - arcStart[c]!;
  };
  const sourceArcStart = new Int32Array(S + 1);
  for (let s = 0; s < S; s++) sourceArcStart[s + 1] = sourceArcStart[s]! + degree(firstMember[s]!);
  const E = sourceArcStart[S]!;
  const sink = S + V;
  const arcs = E + S + V;
  const from = new Int32Array(arcs);
  const to = new Int32Array(arcs);
  const capacity = new Int32Array(arcs);
  const cost = new Int32Array(arcs);
  const supply = new Int32Array(sink + 1);
  const initialFlow = new Int32Array(arcs);
  for (let s = 0; s < S; s++) {
    const c = firstMember[s]!;
    for (let i = 0; i < sourceArcStart[s + 1]! - sourceArcStart[s]!; i++) {
      const a = sourceArcStart[s]! + i;
      const k = arcStart[c]! + i;
      from[a] = s;
      to[a] = S + kept.node[k]!;
      capacity[a] = Math.min(supplyOf[s]!, nodes[kept.node[k]!]!.capacity);
      cost[a] = -arcWeight(classes[c]!.poverty, kept.fit[k]!);
    }
    const a = E + s;
    from[a] = s;
    to[a] = sink;
    capacity[a] = supplyOf[s]!;
    supply[s] = supplyOf[s]!;
    supply[sink]! -= supplyOf[s]!;
  }
  for (let v = 0; v < V; v++) {
    const a = E + S + v;
    from[a] = S + v;
    to[a] = sink;
    capacity[a] = nodes[v]!.capacity;
  }

  let initialPotential: Float64Array | undefined;
  if (warm !== undefined) {
    // The previous plan, summed over each source's classes; members not placed stay unmatched.
    for (let c = 0; c < C; c++) {
      const s = sourceOf[c]!;
      if (s < 0) continue;
      for (let i = 0, n = sourceArcStart[s + 1]! - sourceArcStart[s]!; i < n; i++) {
        const f = kept.flow[arcStart[c]! + i]!;
        initialFlow[sourceArcStart[s]! + i]! += f;
        initialFlow[E + S + kept.node[arcStart[c]! + i]!]! += f;
      }
    }
    for (let s = 0; s < S; s++) {
      let out = 0;
      for (let a = sourceArcStart[s]!; a < sourceArcStart[s + 1]!; a++) out += initialFlow[a]!;
      initialFlow[E + s] = supplyOf[s]! - out;
    }
    initialPotential = new Float64Array(sink + 1);
    for (let s = 0; s < S; s++) {
      const p = warm.cls[firstMember[s]!]!;
      initialPotential[s] = Number.isNaN(p) ? warm.sink : p;
    }
    for (let v = 0; v < V; v++) initialPotential[S + v] = warm.node[v]!;
    initialPotential[sink] = warm.sink;
  }

  // Every simple cycle alternates sources with vacancy nodes or the sink: at most 2(V + 1) arcs.
  const solution = minCostFlow({
    nodes: sink + 1,
    from,
    to,
    capacity,
    cost,
    supply,
    cycleBound: 2 * (V + 1),
    ...(initialPotential === undefined ? {} : { initialFlow, initialPotential }),
  });
  // The network is always feasible (anyone may stay without a place), so a solution exists.
  const flow = solution?.flow ?? new Int32Array(arcs);
  const potential = solution?.potential ?? new Float64Array(sink + 1);

  // Split each source's flow over its classes, filling them in class order.
  const left = new Int32Array(E);
  for (let a = 0; a < E; a++) left[a] = flow[a]!;
  const next: Float64Array = new Float64Array(C).fill(Number.NaN);
  for (let c = 0; c < C; c++) {
    const s = sourceOf[c]!;
    if (s < 0) continue;
    next[c] = potential[s]!;
    let room = size[c]!;
    for (let i = 0, n = sourceArcStart[s + 1]! - sourceArcStart[s]!; i < n; i++) {
      const a = sourceArcStart[s]! + i;
      const f = Math.min(room, left[a]!);
      kept.flow[arcStart[c]! + i] = f;
      left[a]! -= f;
      room -= f;
    }
  }
  const nodePotential = new Float64Array(V);
  for (let v = 0; v < V; v++) nodePotential[v] = potential[S + v]!;
  return { warm: { cls: next, node: nodePotential, sink: potential[sink]! } };
}
