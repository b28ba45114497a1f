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
  /** Writes class c's arcs (vacancy node, fit) into the buffers and returns how many. */
  arcsOf(c: number, nodes: Int32Array, fits: Int32Array): number;
}

interface Candidates {
  group: Int32Array;
  /** Skill points + place points. */
  base: Int32Array;
  wage: Float64Array;
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
  const countyPoints = new Int32Array(market.counties.length);
  const inPlace = new Map<PlaceVector, { group: Int32Array; points: Int32Array }>();
  const placed = (place: PlaceVector): { group: Int32Array; points: Int32Array } => {
    let list = inPlace.get(place);
    if (list !== undefined) return list;
    // Walking all groups by wage and keeping those in the place's counties needs no sort.
    for (let k = 0; k < place.counties.length; k++) countyPoints[place.counties[k]!] = place.points[k]!;
    const found: number[] = [];
    const points: number[] = [];
    for (const g of byWage) {
      const county = groupCounty[g]!;
      const p = countyPoints[county]!;
      if (p === 0 || (groups[g]!.kind === 'post' && county !== place.home)) continue;
      found.push(g);
      points.push(p);
    }
    for (let k = 0; k < place.counties.length; k++) countyPoints[place.counties[k]!] = 0;
    list = { group: new Int32Array(found), points: new Int32Array(points) };
    inPlace.set(place, list);
    return list;
  };
  // Scratch for build; each list is then copied out at its exact size.
  let group = new Int32Array(256);
  let base = new Int32Array(256);
  const build = (place: PlaceVector, mask: Uint32Array): Candidates => {
    const all = placed(place);
    if (group.length < all.group.length) {
      group = new Int32Array(all.group.length);
      base = new Int32Array(all.group.length);
    }
    let n = 0;
    const allGroups = all.group;
    const single = maskWords === 1 ? mask[0]! : 0;
    for (let j = 0; j < allGroups.length; j++) {
      const g = allGroups[j]!;
      let exact = false;
      if (maskWords === 1) exact = (single & groupSkillMask[g]!) !== 0;
      else for (let w = 0; w < maskWords; w++) if ((mask[w]! & groupSkillMask[g * maskWords + w]!) !== 0) exact = true;
      if (!exact && anyone[g] === 0) continue;
      group[n] = g;
      base[n++] = skillPoints(exact ? 'exact' : 'general') + all.points[j]!;
    }
    const wage = new Float64Array(n);
    for (let j = 0; j < n; j++) wage[j] = groupWage[group[j]!]!;
    return { group: group.slice(0, n), base: base.slice(0, n), wage };
  };

  // One candidate list per (place vector, skill mask) pair in use; both are interned objects.
  const lists = new Map<PlaceVector, Map<Uint32Array, Candidates>>();
  const candidatesOf = classes.map((cls) => {
    let byMask = lists.get(cls.place);
    if (byMask === undefined) lists.set(cls.place, (byMask = new Map()));
    let candidates = byMask.get(cls.skillMask);
    if (candidates === undefined) byMask.set(cls.skillMask, (candidates = build(cls.place, cls.skillMask)));
    return candidates;
  });
  let maxArcs = 1;
  for (const byMask of lists.values()) for (const c of byMask.values()) maxArcs = Math.max(maxArcs, 2 * c.group.length);

  const arcsOf = (c: number, nodes: Int32Array, fits: Int32Array): number => {
    const cls = classes[c]!;
    const { group, base, wage } = candidatesOf[c]!;
    const { startIndex, declined, poverty } = cls;
    const expected = cls.representative.expectedWage;
    let count = 0;
    for (let j = 0; j < group.length; j++) {
      const w = wage[j]!;
      if (!wageFits(w, expected)) break;
      const g = group[j]!;
      if (groupStartIndex[g]! < startIndex) continue;
      if (declined !== undefined && declined.has(firstId[g]!)) continue;
      const fit = base[j]! + wagePoints(w, expected);
      if (anyoneNode[g]! >= 0) {
        nodes[count] = anyoneNode[g]!;
        fits[count++] = fit;
      }
      if (poverty && poorNode[g]! >= 0) {
        nodes[count] = poorNode[g]!;
        fits[count++] = fit;
      }
    }
    return count;
  };
  return { maxArcs, arcsOf };
}
