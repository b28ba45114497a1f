// The vacancy groups each labourer class could take on skills and place alone, highest wage first: the
// lists the arcs are enumerated from (class-arcs.ts) and the unmatched are explained with
// (unmatched-reasons.ts). Classes sharing a place vector and skills share a list (a "profile"): the
// groups whose county and skills suit them (post groups only at home), with the skill and place points.
// These are the rules of feasibility.ts (skillMatch, placeMatch, residencyFits) on the classes' reduced
// attributes; wage, dates and declines are left to the walk down the list.
import { wageFits } from './feasibility.js';
import { skillPoints } from './fit-score.js';
import type { LabourerClass, PlaceVector } from './labourer-classes.js';
import type { Market } from './market.js';

export interface ClassCandidates {
  /** Per class: its profile. */
  profileOf: Int32Array;
  /** Profile p's candidates are pool entries start[p] … start[p + 1] − 1. */
  start: Int32Array;
  /** Pool: the candidate group, by wage descending (ties by group index) within a profile. */
  group: Int32Array;
  /** Pool: skill + place points of the candidate (< 256). */
  base: Uint8Array;
}

export function classCandidates(classes: readonly LabourerClass[], market: Market): ClassCandidates {
  const { groups, maskWords, groupSkillMask } = market;
  const anyone = Uint8Array.from(groups, (g) => (g.takesAnyone ? 1 : 0));
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
  const group = new Int32Array(start[profiles.length]!);
  const base = new Uint8Array(group.length);
  let size = 0;
  for (const profile of profiles) {
    candidates(profile, (g, points) => {
      group[size] = g;
      base[size++] = points;
    });
  }
  return { profileOf, start, group, base };
}

/** Per class: the end of its candidates that pay its expected wage (the list is by wage descending). */
export function wageStops(
  classes: readonly LabourerClass[],
  market: Market,
  { profileOf, start, group }: Pick<ClassCandidates, 'profileOf' | 'start' | 'group'>,
): Int32Array {
  const stopOf = new Int32Array(classes.length);
  classes.forEach((cls, c) => {
    const p = profileOf[c]!;
    let lo = start[p]!;
    for (let hi = start[p + 1]!; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if (wageFits(market.groups[group[mid]!]!.monthlyWage, cls.representative.expectedWage)) lo = mid + 1;
      else hi = mid;
    }
    stopOf[c] = lo;
  });
  return stopOf;
}
