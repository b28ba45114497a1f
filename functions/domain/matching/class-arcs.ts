// The feasible (class, vacancy node) arcs with their fit, enumerated on demand: every pair the hard
// rules allow, none left out for its score (a labourer's 10 best vacancies were measured to lose 37 %
// of the possible placements). A county has tens of millions of such pairs, too many to keep; the
// optimisation (plan-flow.ts) walks them a few times instead, keeping only those it needs.
//
// Classes sharing a place vector and skills share a candidate list: the groups whose county and
// skills suit them (post groups only at home), with the skill and place points, by wage descending.
// A class walks that list until the wage falls below its expectation, checking dates and declines —
// the rules of feasibility.ts on the class's reduced attributes.
import { skillPoints, wagePoints } from './fit-score.js';
import { wageFits } from './feasibility.js';
import type { LabourerClass, PlaceVector } from './labourer-classes.js';
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
  const { groups, maskWords, groupSkillMask, groupStartIndex } = market;
  const anyoneNode = Int32Array.from(groups, (g) => g.anyoneNode);
  const poorNode = Int32Array.from(groups, (g) => g.poorOnlyNode);
  const firstId = groups.map((g) => g.members[0]!.id);
  const anyone = Uint8Array.from(groups, (g) => (g.takesAnyone ? 1 : 0));
  const groupWage = Float64Array.from(groups, (g) => g.monthlyWage);
  // Groups by wage, highest first (ties by index), as a rank to sort candidate lists with.
  const byWage = groups.map((_, g) => g).sort((a, b) => groups[b]!.monthlyWage - groups[a]!.monthlyWage || a - b);
  const wageRank = new Int32Array(groups.length);
  byWage.forEach((g, r) => (wageRank[g] = r));

  // Per place vector: the groups in its counties (posts only at home) by wage, with their place points.
  const groupCounty = Int32Array.from(groups, (g) => market.countyIndex.get(g.county)!);
  interface PlaceGroups {
    group: Int32Array;
    points: Int32Array;
  }
  const inPlace = new Map<PlaceVector, PlaceGroups>();
  const ranks = new Int32Array(groups.length);
  const countyPoints = new Int32Array(market.counties.length);
  const placeGroupsOf = (place: PlaceVector): PlaceGroups => {
    let found = inPlace.get(place);
    if (found !== undefined) return found;
    let n = 0;
    for (let k = 0; k < place.counties.length; k++) {
      const county = place.counties[k]!;
      for (const g of market.groupsByCounty[county]!) {
        if (groups[g]!.kind === 'post' && county !== place.home) continue;
        ranks[n++] = wageRank[g]!;
      }
    }
    const sorted = ranks.subarray(0, n).sort();
    // Stale entries of other places stay: only this place's counties are read.
    for (let k = 0; k < place.counties.length; k++) countyPoints[place.counties[k]!] = place.points[k]!;
    const group = new Int32Array(n);
    const points = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const g = byWage[sorted[i]!]!;
      group[i] = g;
      points[i] = countyPoints[groupCounty[g]!]!;
    }
    found = { group, points };
    inPlace.set(place, found);
    return found;
  };
  // One candidate list per (place vector, skill mask) pair in use; both are interned objects.
  const lists = new Map<PlaceVector, Map<Uint32Array, number>>();
  const profiles: LabourerClass[] = [];
  const profileOf = new Int32Array(classes.length);
  classes.forEach((cls, c) => {
    let byMask = lists.get(cls.place);
    if (byMask === undefined) lists.set(cls.place, (byMask = new Map()));
    let profile = byMask.get(cls.skillMask);
    if (profile === undefined) {
      profile = profiles.length;
      byMask.set(cls.skillMask, profile);
      profiles.push(cls);
    }
    profileOf[c] = profile;
  });

  // A profile's candidates: the groups of its place that ask for one of its skills (exact) or take
  // anyone (general, unless one of its skills is asked for), highest wage first. Counted first, then
  // written into one pool (profile p: start[p] … start[p + 1] − 1) allocated once at its exact size:
  // growing big buffers makes V8 collect the whole heap (the county's labourers) each time.
  const exactPoints = skillPoints('exact');
  const generalPoints = skillPoints('general');
  const candidates = (profile: LabourerClass, write: (g: number, base: number) => void): void => {
    const { group, points } = placeGroupsOf(profile.place);
    const mask = profile.skillMask;
    for (let i = 0; i < group.length; i++) {
      const g = group[i]!;
      let exact = false;
      for (let w = 0; w < maskWords; w++) if ((mask[w]! & groupSkillMask[g * maskWords + w]!) !== 0) exact = true;
      if (exact || anyone[g] === 1) write(g, (exact ? exactPoints : generalPoints) + points[i]!);
    }
  };
  const start = new Int32Array(profiles.length + 1);
  profiles.forEach((profile, p) => {
    let n = 0;
    candidates(profile, () => n++);
    start[p + 1] = start[p]! + n;
  });
  const poolGroup = new Int32Array(start[profiles.length]!);
  const poolBase = new Uint8Array(poolGroup.length); // skill + place points < 256
  let poolSize = 0;
  for (const profile of profiles) {
    candidates(profile, (g, base) => {
      poolGroup[poolSize] = g;
      poolBase[poolSize++] = base;
    });
  }
  inPlace.clear();

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
  const stopOf = new Int32Array(classes.length);
  classes.forEach((cls, c) => {
    const p = profileOf[c]!;
    let lo = start[p]!;
    for (let hi = start[p + 1]!; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if (wageFits(groupWage[poolGroup[mid]!]!, cls.representative.expectedWage)) lo = mid + 1;
      else hi = mid;
    }
    stopOf[c] = lo;
  });
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
