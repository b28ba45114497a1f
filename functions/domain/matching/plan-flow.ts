// The optimal flow of places over the feasible (class, vacancy node) arcs, exactly, without holding
// all of them (a county has ~15 million): column generation with exact pricing.
//
//   1. Pricing at zero prices keeps, per vacancy node, the arcs of its best candidates: enough
//      labourers for CANDIDATES_PER_PLACE × its places (a running per-node weight floor, one pass).
//   2. The min-cost flow on the kept arcs, by network simplex (network-simplex.ts), gives a plan and
//      exact dual prices: p_v per vacancy node, u_c per class (0 for a class with a member left over,
//      else its worst placement's margin).
//   3. A pass over all feasible arcs looks for any the plan undervalues: weight > u_c + p_v. The best
//      of them (ADDED_PER_PLACE × places per node) join the kept arcs and the simplex resumes from its
//      last basis; when there is none, the prices prove the plan optimal for the whole network (every
//      arc's reduced cost is ≥ 0), so nothing was lost by not holding all arcs. A class whose lower
//      bound of price − fit over its candidate list (class-arcs.ts lowestMargins) already rules out
//      every arc is not walked: most are, once the prices settle.
// A pass costs O(feasible arcs) time; memory is O(kept arcs + classes). Four or five passes usually do.
import type { ArcEnumerator } from './class-arcs.js';
import { FIT_MAX } from './fit-score.js';
import type { LabourerClass } from './labourer-classes.js';
import { createSimplex } from './network-simplex.js';
import { povertyWeight } from './poverty-weight.js';
import type { VacancyNode } from './vacancy-groups.js';

/** Candidates kept per place of a vacancy node at the start, in labourers. */
const CANDIDATES_PER_PLACE = 10;
/** Undervalued arcs a pricing round adds per place of a vacancy node, in labourers. */
const ADDED_PER_PLACE = 40;

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

/** Kept arcs, appended as found, chained per class. */
class KeptArcs {
  cls = new Int32Array(1024);
  node = new Int32Array(1024);
  fit = new Int32Array(1024);
  /** The arc's index in the simplex. */
  arc = new Int32Array(1024);
  next = new Int32Array(1024);
  length = 0;
  readonly first: Int32Array;
  constructor(classes: number) {
    this.first = new Int32Array(classes).fill(-1);
  }
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
      this.arc = grow(this.arc);
      this.next = grow(this.next);
    }
    const i = this.length++;
    this.cls[i] = c;
    this.node[i] = n;
    this.fit[i] = f;
    this.arc[i] = -1;
    this.next[i] = this.first[c]!;
    this.first[c] = i;
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
  const size = new Int32Array(C);
  classes.forEach((c, i) => (size[i] = c.members.length));
  const bufNode = new Int32Array(enumerator.maxArcs);
  const bufFit = new Int32Array(enumerator.maxArcs);

  const kept = new KeptArcs(C);
  let feasibleArcs = 0;

  // The flow network, grown round by round and re-solved from its last basis: the sink (node V)
  // with each vacancy node v → sink (capacity = places); each class joins when it first has a kept
  // arc, as a leaf class → sink (its members left without a place, at cost 0).
  const sink = V;
  const simplex = createSimplex({
    nodes: V + 1,
    from: Int32Array.from({ length: V }, (_, v) => v),
    to: new Int32Array(V).fill(sink),
    capacity: Int32Array.from(nodes, (n) => n.capacity),
    cost: new Int32Array(V),
    supply: new Int32Array(V + 1),
    treeRoot: sink,
    treeArc: Int32Array.from({ length: V + 1 }, (_, v) => (v < V ? v : -1)),
  });
  const classNode = new Int32Array(C).fill(-1);
  let inNetwork = 0;
  const addKept = (from: number): void => {
    for (let i = from; i < kept.length; i++) {
      const c = kept.cls[i]!;
      if (classNode[c] === -1) {
        // One more than can flow keeps the basis strongly feasible.
        classNode[c] = simplex.addLeaf(size[c]!, size[c]! + 1, 0).node;
      }
      const v = kept.node[i]!;
      kept.arc[i] = simplex.addArc(classNode[c]!, v, Math.min(size[c]!, nodes[v]!.capacity), -arcWeight(classes[c]!.poverty, kept.fit[i]!));
    }
    inNetwork = kept.length;
  };

  const surplus = new Float64Array(C);
  const placed = new Int32Array(C);
  const price = new Float64Array(V);
  const stamp = new Int32Array(V).fill(-1);
  const above = new Float64Array(V);
  const floor = new Int32Array(V);
  const violating = new Float64Array(V * levels);
  const lowest = new Float64Array(C);
  const rounds: FlowPlan['rounds'] = [];
  const foundCls: number[] = [];
  const foundNode: number[] = [];
  const foundFit: number[] = [];
  for (let round = 0; ; round++) {
    // 2. The flow on the kept arcs, and its prices (before the first round: no arcs, prices 0, so
    // pricing keeps each node's best candidates).
    const started = performance.now();
    if (round > 0) {
      addKept(inNetwork);
      simplex.solve(); // always feasible: anyone may stay without a place
      const sinkPotential = simplex.potential(sink);
      for (let v = 0; v < V; v++) price[v] = sinkPotential - simplex.potential(v);
    }
    const solveSeconds = (performance.now() - started) / 1000;
    placed.fill(0);
    for (let i = 0; i < kept.length; i++) placed[kept.cls[i]!]! += simplex.flow(kept.arc[i]!);
    surplus.fill(Infinity);
    for (let i = 0; i < kept.length; i++) {
      const c = kept.cls[i]!;
      if (simplex.flow(kept.arc[i]!) === 0 || placed[c]! < size[c]!) continue;
      // A class with every member placed earns its worst placement's margin over the price.
      const margin = arcWeight(classes[c]!.poverty, kept.fit[i]!) - price[kept.node[i]!]!;
      if (margin < surplus[c]!) surplus[c] = margin;
    }

    // 3. Pricing: any feasible arc the prices undervalue? Per node, only the best-weighted of them
    // join (enough for CANDIDATES_PER_PLACE × its places), so a round adds what the next one needs.
    above.fill(0);
    violating.fill(0);
    floor.fill(0);
    if (round > 0) enumerator.lowestMargins(price, lowest);
    for (let c = 0; c < C; c++) {
      const poor = classes[c]!.poverty;
      const u = placed[c]! < size[c]! ? 0 : surplus[c]!;
      // Undervalued: weight > u + price, i.e. fit > price − u − poverty weight.
      const offset = (poor ? weight : 0) - u;
      if (round > 0 && offset <= lowest[c]!) continue; // none of its arcs can be
      const k =
        round === 0
          ? enumerator.arcsOf(c, bufNode, bufFit)
          : enumerator.arcsOf(c, bufNode, bufFit, price, offset);
      if (round === 0) feasibleArcs += k;
      if (k === 0) continue;
      for (let i = kept.first[c]!; i >= 0; i = kept.next[i]!) stamp[kept.node[i]!] = c;
      for (let i = 0; i < k; i++) {
        const v = bufNode[i]!;
        if (stamp[v] === c) continue;
        const fit = bufFit[i]!;
        const l = level(poor, fit);
        if (l < floor[v]!) continue;
        foundCls.push(c);
        foundNode.push(v);
        foundFit.push(fit);
        // Raise the node's floor while the violators above it alone cover its budget.
        violating[v * levels + l]! += size[c]!;
        above[v]! += size[c]!;
        const wanted = (round === 0 ? CANDIDATES_PER_PLACE : ADDED_PER_PLACE) * nodes[v]!.capacity;
        while (above[v]! - violating[v * levels + floor[v]!]! >= wanted) {
          above[v]! -= violating[v * levels + floor[v]!]!;
          floor[v]!++;
        }
      }
    }
    let added = 0;
    for (let i = 0; i < foundCls.length; i++) {
      const v = foundNode[i]!;
      const c = foundCls[i]!;
      if (level(classes[c]!.poverty, foundFit[i]!) >= floor[v]!) {
        kept.push(c, v, foundFit[i]!);
        added++;
      }
    }
    foundCls.length = 0;
    foundNode.length = 0;
    foundFit.length = 0;
    if (round > 0) rounds.push({ kept: inNetwork, added, solveSeconds });
    if (added === 0) break;
  }

  // The arcs carrying flow, grouped by class in class order.
  const carrying: number[] = [];
  for (let c = 0; c < C; c++) {
    const mine: number[] = [];
    for (let i = kept.first[c]!; i >= 0; i = kept.next[i]!) if (simplex.flow(kept.arc[i]!) > 0) mine.push(i);
    carrying.push(...mine.reverse());
  }
  const pick = (value: (i: number) => number): Int32Array => {
    const out = new Int32Array(carrying.length);
    carrying.forEach((i, k) => (out[k] = value(i)));
    return out;
  };
  return {
    cls: pick((i) => kept.cls[i]!),
    node: pick((i) => kept.node[i]!),
    fit: pick((i) => kept.fit[i]!),
    flow: pick((i) => simplex.flow(kept.arc[i]!)),
    povertyWeight: weight,
    feasibleArcs,
    rounds,
  };
}
