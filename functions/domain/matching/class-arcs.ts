// The feasible (class, vacancy node) arcs with their fit, enumerated on demand: every pair the hard
// rules allow, none left out for its score (a labourer's 10 best vacancies were measured to lose 37 %
// of the possible placements). A county has tens of millions of such pairs, too many to keep; the
// optimisation (plan-flow.ts) walks them a few times instead, keeping only those it needs.
//
// Classes sharing a place vector and skills share a candidate list (class-candidates.ts). A class walks
// that list until the wage falls below its expectation, checking dates and declines —
// the rules of feasibility.ts on the class's reduced attributes.
import { classCandidates, wageStops } from './class-candidates.js';
import { wagePoints } from './fit-score.js';
import { wageFits } from './feasibility.js';
import type { LabourerClass } from './labourer-classes.js';
import type { Market } from './market.js';

export interface ArcEnumerator {
  /** The most arcs one class can have: the size of the buffers arcsOf fills. */
  readonly maxArcs: number;
  /**
   * Writes class c's arcs (vacancy node, fit) into the buffers and returns how many; with `bar`,
   * only those where offset + fit > bar[node] (pricing: the arcs its prices undervalue).
   */
  arcsOf(c: number, nodes: Int32Array, fits: Int32Array, bar?: Float64Array, offset?: number): number;
  /**
   * Pricing's shortcut: writes per class c a lower bound of bar[node] − fit over its arcs, so that
   * arcsOf(c, …, bar, offset) finds nothing when offset ≤ out[c] (+∞ when no vacancy pays its wage).
   * One pass over the candidate lists, far fewer steps than walking every class's arcs. Exact because
   * prices, weights and fits are integers (network simplex potentials are): with fractional prices the
   * two sides of the comparison could round differently.
   */
  lowestMargins(bar: Float64Array, out: Float64Array): void;
}

export function arcEnumerator(classes: readonly LabourerClass[], market: Market): ArcEnumerator {
  const { groups, groupStartIndex } = market;
  const anyoneNode = Int32Array.from(groups, (g) => g.anyoneNode);
  const poorNode = Int32Array.from(groups, (g) => g.poorOnlyNode);
  const firstId = groups.map((g) => g.members[0]!.id);
  const groupWage = Float64Array.from(groups, (g) => g.monthlyWage);
  const { profileOf, start, group: poolGroup, base: poolBase } = classCandidates(classes, market);

  let maxArcs = 1;
  for (let p = 0; p + 1 < start.length; p++) maxArcs = Math.max(maxArcs, 2 * (start[p + 1]! - start[p]!));

  const arcsOf = (c: number, nodes: Int32Array, fits: Int32Array, bar?: Float64Array, offset = 0): number => {
    const cls = classes[c]!;
    const profile = profileOf[c]!;
    const { startIndex, declined, poverty } = cls;
    const expected = cls.representative.expectedWage;
    let count = 0;
    for (let j = start[profile]!, end = start[profile + 1]!; j < end; j++) {
      const g = poolGroup[j]!;
      const w = groupWage[g]!;
      if (!wageFits(w, expected)) break;
      if (groupStartIndex[g]! < startIndex) continue;
      if (declined !== undefined && declined.has(firstId[g]!)) continue;
      const fit = poolBase[j]! + wagePoints(w, expected);
      const anyoneAt = anyoneNode[g]!;
      if (anyoneAt >= 0 && (bar === undefined || offset + fit > bar[anyoneAt]!)) {
        nodes[count] = anyoneAt;
        fits[count++] = fit;
      }
      const poorAt = poorNode[g]!;
      if (poverty && poorAt >= 0 && (bar === undefined || offset + fit > bar[poorAt]!)) {
        nodes[count] = poorAt;
        fits[count++] = fit;
      }
    }
    return count;
  };
  // Where each class's walk stops (its wage bound), and the classes by (profile, stop), so that one
  // walk down a profile's list serves all its classes in turn.
  const stopOf = wageStops(classes, market, { profileOf, start, group: poolGroup });
  const byStop = Int32Array.from(classes, (_, c) => c).sort((a, b) => profileOf[a]! - profileOf[b]! || stopOf[a]! - stopOf[b]!);

  const lowestMargins = (bar: Float64Array, out: Float64Array): void => {
    for (let k = 0; k < byStop.length; ) {
      const p = profileOf[byStop[k]!]!;
      // The list is by wage, highest first: its first wage gives every class its most wage points.
      const topWage = groupWage[poolGroup[start[p]!]!] ?? 0;
      let anyoneMin = Infinity;
      let bothMin = Infinity;
      let j = start[p]!;
      for (; k < byStop.length && profileOf[byStop[k]!] === p; k++) {
        const c = byStop[k]!;
        for (const stop = stopOf[c]!; j < stop; j++) {
          const g = poolGroup[j]!;
          const base = poolBase[j]!;
          const anyoneAt = anyoneNode[g]!;
          if (anyoneAt >= 0) {
            const m = bar[anyoneAt]! - base;
            if (m < anyoneMin) anyoneMin = m;
          }
          const poorAt = poorNode[g]!;
          if (poorAt >= 0) {
            const m = bar[poorAt]! - base;
            if (m < bothMin) bothMin = m;
          }
        }
        const cls = classes[c]!;
        const min = cls.poverty ? Math.min(anyoneMin, bothMin) : anyoneMin;
        out[c] = min === Infinity ? Infinity : min - wagePoints(topWage, cls.representative.expectedWage);
      }
    }
  };
  return { maxArcs, arcsOf, lowestMargins };
}
