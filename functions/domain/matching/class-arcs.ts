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

  // Per place vector: the groups in its counties (posts only at home) by wage, with their place
  // points, split into those taking anyone and, per skill, those asking for it: a class's list then
  // merges only the parts its skills can use.
  interface Part {
    group: number[];
    points: number[];
  }
  interface PlaceParts {
    anyone: Part;
    bySkill: (Part | undefined)[];
  }
  const groupCounty = Int32Array.from(groups, (g) => market.countyIndex.get(g.county)!);
  const countyPoints = new Int32Array(market.counties.length);
  const skillCount = market.skillBit.size;
  const inPlace = new Map<PlaceVector, PlaceParts>();
  const partsOf = (place: PlaceVector): PlaceParts => {
    let parts = inPlace.get(place);
    if (parts !== undefined) return parts;
    // Walking all groups by wage and keeping those in the place's counties needs no sort.
    for (let k = 0; k < place.counties.length; k++) countyPoints[place.counties[k]!] = place.points[k]!;
    const anyoneGroups: number[] = [];
    const anyonePoints: number[] = [];
    const skillGroups: number[][] = [];
    const skillPointsOf: number[][] = [];
    for (const g of byWage) {
      const county = groupCounty[g]!;
      const p = countyPoints[county]!;
      if (p === 0 || (groups[g]!.kind === 'post' && county !== place.home)) continue;
      if (anyone[g] === 1) {
        anyoneGroups.push(g);
        anyonePoints.push(p);
        continue;
      }
      for (let bit = 0; bit < skillCount; bit++) {
        if ((groupSkillMask[g * maskWords + (bit >>> 5)]! & (1 << (bit & 31))) === 0) continue;
        (skillGroups[bit] ??= []).push(g);
        (skillPointsOf[bit] ??= []).push(p);
      }
    }
    for (let k = 0; k < place.counties.length; k++) countyPoints[place.counties[k]!] = 0;
    // Plain arrays: thousands of small typed arrays would cost more in garbage collection.
    parts = {
      anyone: { group: anyoneGroups, points: anyonePoints },
      bySkill: skillGroups.map((list, bit) => (list === undefined ? undefined : { group: list, points: skillPointsOf[bit]! })),
    };
    inPlace.set(place, parts);
    return parts;
  };
  // All candidate lists in one pool (profile p: start[p] … start[p + 1] − 1), grown by doubling.
  let poolGroup = new Int32Array(1 << 16);
  let poolBase = new Int32Array(1 << 16);
  let poolWage = new Float64Array(1 << 16);
  let poolSize = 0;
  const starts: number[] = [0];
  const append = (g: number, b: number): void => {
    if (poolSize === poolGroup.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (k: number) => T): T => {
        const bigger = make(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      poolGroup = grow(poolGroup, (k) => new Int32Array(k));
      poolBase = grow(poolBase, (k) => new Int32Array(k));
      poolWage = grow(poolWage, (k) => new Float64Array(k));
    }
    poolGroup[poolSize] = g;
    poolBase[poolSize] = b;
    poolWage[poolSize++] = groupWage[g]!;
  };
  const at: number[] = [];
  const build = (place: PlaceVector, mask: Uint32Array): void => {
    const parts = partsOf(place);
    const merged: Part[] = [parts.anyone];
    for (let bit = 0; bit < skillCount; bit++) {
      const part = parts.bySkill[bit];
      if (part !== undefined && (mask[bit >>> 5]! & (1 << (bit & 31))) !== 0) merged.push(part);
    }
    // Merge the parts by wage rank; a group asking for two of the class's skills comes once.
    at.length = merged.length;
    at.fill(0);
    let last = -1;
    for (;;) {
      let pick = -1;
      let rank = Infinity;
      for (let i = 0; i < merged.length; i++) {
        if (at[i]! < merged[i]!.group.length && wageRank[merged[i]!.group[at[i]!]!]! < rank) {
          rank = wageRank[merged[i]!.group[at[i]!]!]!;
          pick = i;
        }
      }
      if (pick < 0) break;
      const part = merged[pick]!;
      const g = part.group[at[pick]!]!;
      const points = part.points[at[pick]!]!;
      at[pick]!++;
      if (g === last) continue;
      last = g;
      let exact = pick > 0;
      if (!exact) for (let w = 0; w < maskWords; w++) if ((mask[w]! & groupSkillMask[g * maskWords + w]!) !== 0) exact = true;
      append(g, skillPoints(exact ? 'exact' : 'general') + points);
    }
    starts.push(poolSize);
  };

  // One candidate list per (place vector, skill mask) pair in use; both are interned objects.
  const lists = new Map<PlaceVector, Map<Uint32Array, number>>();
  const profileOf = new Int32Array(classes.length);
  classes.forEach((cls, c) => {
    let byMask = lists.get(cls.place);
    if (byMask === undefined) lists.set(cls.place, (byMask = new Map()));
    let profile = byMask.get(cls.skillMask);
    if (profile === undefined) {
      profile = starts.length - 1;
      byMask.set(cls.skillMask, profile);
      build(cls.place, cls.skillMask);
    }
    profileOf[c] = profile;
  });
  const start = Int32Array.from(starts);

  let maxArcs = 1;
  for (let p = 0; p + 1 < start.length; p++) maxArcs = Math.max(maxArcs, 2 * (start[p + 1]! - start[p]!));

  const arcsOf = (c: number, nodes: Int32Array, fits: Int32Array, bar?: Float64Array, offset = 0): number => {
    const cls = classes[c]!;
    const profile = profileOf[c]!;
    const { startIndex, declined, poverty } = cls;
    const expected = cls.representative.expectedWage;
    let count = 0;
    for (let j = start[profile]!, end = start[profile + 1]!; j < end; j++) {
      const w = poolWage[j]!;
      if (!wageFits(w, expected)) break;
      const g = poolGroup[j]!;
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
  return { maxArcs, arcsOf };
}
