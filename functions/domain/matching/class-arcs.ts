// The feasible (class, vacancy node) arcs with their fit, enumerated on demand: every pair the hard
// rules allow, none left out for its score (a labourer's 10 best vacancies were measured to lose 37 %
// of the possible placements). A county has tens of millions of such pairs, too many to keep; the
// optimisation (plan-flow.ts) walks them a few times instead, keeping only those it needs.
//
// Candidates come from the class's place vector, so only vacancies in a suitable county are looked
// at; the other rules are those of feasibility.ts on the class's reduced attributes, compiled here
// into typed arrays for speed.
import { skillPoints, wagePoints } from './fit-score.js';
import { wageFits } from './feasibility.js';
import type { LabourerClass } from './labourer-classes.js';
import type { Market } from './market.js';

export interface ArcEnumerator {
  /** The most arcs one class can have: the size of the buffers arcsOf fills. */
  readonly maxArcs: number;
  /** Writes class c's arcs (vacancy node, fit) into the buffers and returns how many. */
  arcsOf(c: number, nodes: Int32Array, fits: Int32Array): number;
}

export function arcEnumerator(classes: readonly LabourerClass[], market: Market): ArcEnumerator {
  const { groups, maskWords, groupSkillMask, groupStartIndex, groupsByCounty } = market;
  const countyFirst = new Int32Array(groupsByCounty.length + 1);
  groupsByCounty.forEach((list, i) => (countyFirst[i + 1] = countyFirst[i]! + list.length));
  const countyGroups = Int32Array.from(groupsByCounty.flat());
  const post = Uint8Array.from(groups, (g) => (g.kind === 'post' ? 1 : 0));
  const anyone = Uint8Array.from(groups, (g) => (g.takesAnyone ? 1 : 0));
  const wage = Float64Array.from(groups, (g) => g.monthlyWage);
  const anyoneNode = Int32Array.from(groups, (g) => g.anyoneNode);
  const poorNode = Int32Array.from(groups, (g) => g.poorOnlyNode);
  const firstId = groups.map((g) => g.members[0]!.id);

  let maxArcs = 1;
  const perPlace = new Map<object, number>();
  for (const cls of classes) {
    let arcs = perPlace.get(cls.place);
    if (arcs === undefined) {
      arcs = 0;
      for (const county of cls.place.counties) arcs += 2 * (countyFirst[county + 1]! - countyFirst[county]!);
      perPlace.set(cls.place, arcs);
    }
    if (arcs > maxArcs) maxArcs = arcs;
  }

  const arcsOf = (c: number, nodes: Int32Array, fits: Int32Array): number => {
    const cls = classes[c]!;
    const { place, skillMask, startIndex, declined, poverty } = cls;
    const expected = cls.representative.expectedWage;
    let count = 0;
    for (let k = 0; k < place.counties.length; k++) {
      const county = place.counties[k]!;
      const placePoints = place.points[k]!;
      for (let j = countyFirst[county]!, end = countyFirst[county + 1]!; j < end; j++) {
        const g = countyGroups[j]!;
        if (post[g] === 1 && county !== place.home) continue;
        const w = wage[g]!;
        if (!wageFits(w, expected)) continue;
        if (groupStartIndex[g]! < startIndex) continue;
        let exact = false;
        for (let word = 0; word < maskWords; word++) {
          if ((skillMask[word]! & groupSkillMask[g * maskWords + word]!) !== 0) exact = true;
        }
        if (!exact && anyone[g] === 0) continue;
        if (declined !== undefined && declined.has(firstId[g]!)) continue;
        const fit = skillPoints(exact ? 'exact' : 'general') + wagePoints(w, expected) + placePoints;
        if (anyoneNode[g]! >= 0) {
          nodes[count] = anyoneNode[g]!;
          fits[count++] = fit;
        }
        if (poverty && poorNode[g]! >= 0) {
          nodes[count] = poorNode[g]!;
          fits[count++] = fit;
        }
      }
    }
    return count;
  };
  return { maxArcs, arcsOf };
}
