// What the open vacancy groups ask for, indexed once per run: their counties, skills, wages and start
// dates. Labourers are classified against it (labourer-classes.ts) and arcs enumerated from it
// (class-arcs.ts), so both see the same vacancies.
import { regionContains } from '../divisions.js';
import type { VacancyGroup } from './vacancy-groups.js';

export interface Market {
  groups: readonly VacancyGroup[];
  /** Distinct counties of the groups, sorted. */
  counties: readonly string[];
  countyIndex: ReadonlyMap<string, number>;
  /** Group indices per county index, ascending. */
  groupsByCounty: readonly (readonly number[])[];
  /** Bit position of every skill some group asks for. */
  skillBit: ReadonlyMap<string, number>;
  /** 32-bit words per skill mask. */
  maskWords: number;
  /** Skill mask of each group: maskWords words per group. */
  groupSkillMask: Uint32Array;
  /** Distinct monthly wages, ascending. */
  wages: readonly number[];
  /** Distinct start dates, ascending. */
  startDates: readonly string[];
  /** Index of each group's start date in startDates. */
  groupStartIndex: Int32Array;
  /** County indices inside a region code (cached; regionContains decides). */
  countiesIn(regionCode: string): Int32Array;
}

export function indexMarket(groups: readonly VacancyGroup[]): Market {
  const counties = [...new Set(groups.map((g) => g.county))].sort();
  const countyIndex = new Map(counties.map((c, i) => [c, i]));
  const groupsByCounty: number[][] = counties.map(() => []);
  groups.forEach((g, i) => groupsByCounty[countyIndex.get(g.county)!]!.push(i));

  const skills = [...new Set(groups.flatMap((g) => g.skills))].sort();
  const skillBit = new Map(skills.map((s, i) => [s, i]));
  const maskWords = Math.max(1, Math.ceil(skills.length / 32));
  const groupSkillMask = new Uint32Array(groups.length * maskWords);
  groups.forEach((g, i) => {
    for (const s of g.skills) {
      const bit = skillBit.get(s)!;
      groupSkillMask[i * maskWords + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  });

  const wages = [...new Set(groups.map((g) => g.monthlyWage))].sort((a, b) => a - b);
  const startDates = [...new Set(groups.map((g) => g.startDate))].sort();
  const startIndex = new Map(startDates.map((d, i) => [d, i]));
  const groupStartIndex = Int32Array.from(groups.map((g) => startIndex.get(g.startDate)!));

  const regionCache = new Map<string, Int32Array>();
  const countiesIn = (regionCode: string): Int32Array => {
    let inside = regionCache.get(regionCode);
    if (inside === undefined) {
      const found: number[] = [];
      counties.forEach((county, i) => {
        if (regionContains(regionCode, county)) found.push(i);
      });
      inside = Int32Array.from(found);
      regionCache.set(regionCode, inside);
    }
    return inside;
  };

  return {
    groups,
    counties,
    countyIndex,
    groupsByCounty,
    skillBit,
    maskWords,
    groupSkillMask,
    wages,
    startDates,
    groupStartIndex,
    countiesIn,
  };
}
