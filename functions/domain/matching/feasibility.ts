// Hard rules of a (labourer, vacancy) pair (DESIGN §7), one function each, and the pair's fit: the
// definition the class-level arcs (class-arcs.ts) must agree with, and what reasons.ts explains.
import { placeByCode, regionContains } from '../divisions.js';
import { destinationPoints, HOME_POINTS, skillPoints, wagePoints, type RegionLevel, type SkillFit } from './fit-score.js';
import { cannotBeTexted, type MatchLabourer, type MatchVacancy } from './types.js';

export const GENERAL_SKILL = '普工';
/** DESIGN §1: at least 60 % of a public-welfare post's places go to poor-household labourers. */
export const DEFAULT_POOR_SHARE_MIN = 0.6;

/** A vacancy asking for 普工, or for nothing at all, takes anyone. */
export function takesAnyone(vacancySkills: readonly string[]): boolean {
  return vacancySkills.length === 0 || vacancySkills.includes(GENERAL_SKILL);
}

export interface SkillMatch {
  fit: SkillFit;
  /** The labourer's skills the vacancy asks for (empty for the 普工 fallback). */
  skills: string[];
}

export function skillMatch(labourerSkills: readonly string[], vacancySkills: readonly string[]): SkillMatch | undefined {
  const skills = labourerSkills.filter((s, i) => vacancySkills.includes(s) && labourerSkills.indexOf(s) === i);
  if (skills.length > 0) return { fit: 'exact', skills };
  return takesAnyone(vacancySkills) ? { fit: 'general', skills: [] } : undefined;
}

/** The level of a 2-, 4- or 6-digit region code, read the way regionContains reads it. */
export function regionLevel(code: string): RegionLevel {
  if (code.length === 2 || code.endsWith('0000')) return 'province';
  if (code.length === 4 || code.endsWith('00')) return 'city';
  return 'county';
}

export type PlaceMatch =
  | { via: 'home'; points: number }
  | { via: 'destination'; points: number; code: string; index: number; level: RegionLevel };

/**
 * How the vacancy's county suits the labourer: the home county suits everyone; otherwise the best
 * destination that contains it (earliest on a tie). Those who cannot travel take home-county places only.
 */
export function placeMatch(
  labourer: Pick<MatchLabourer, 'homeCounty' | 'destinations' | 'canTravel'>,
  county: string,
): PlaceMatch | undefined {
  if (county === labourer.homeCounty) return { via: 'home', points: HOME_POINTS };
  if (!labourer.canTravel) return undefined;
  let best: PlaceMatch | undefined;
  labourer.destinations.forEach((code, index) => {
    if (!regionContains(code, county)) return;
    const level = regionLevel(code);
    const points = destinationPoints(level, index);
    if (best === undefined || points > best.points) best = { via: 'destination', points, code, index, level };
  });
  return best;
}

export function wageFits(monthlyWage: number, expectedWage: number): boolean {
  return monthlyWage >= expectedWage;
}

/** ISO dates compare as strings; only the date part counts. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/** The labourer can start by the vacancy's start date (unknown availability fits). */
export function datesFit(availableFrom: string | undefined, startDate: string): boolean {
  return availableFrom === undefined || availableFrom === '' || day(availableFrom) <= day(startDate);
}

/** A vacancy is open while it has places left and, when today is known, has not started yet. */
export function vacancyOpen(vacancy: Pick<MatchVacancy, 'remaining' | 'startDate'>, today?: string): boolean {
  return vacancy.remaining > 0 && (today === undefined || day(vacancy.startDate) >= day(today));
}

/** Public-welfare posts take residents of their county only. */
export function residencyFits(vacancy: Pick<MatchVacancy, 'kind' | 'county'>, homeCounty: string): boolean {
  return vacancy.kind !== 'post' || vacancy.county === homeCounty;
}

/**
 * The places of a post that may still go to non-poor labourers:
 * floor((1 − poorShareMin) × openings) − nonPoorCommitted, within 0 … remaining. Jobs: all remaining.
 */
export function nonPoorPlaces(vacancy: MatchVacancy): number {
  const remaining = Math.max(0, Math.floor(vacancy.remaining));
  if (vacancy.kind !== 'post') return remaining;
  const share = Math.min(1, Math.max(0, vacancy.poorShareMin ?? DEFAULT_POOR_SHARE_MIN));
  // The epsilon keeps e.g. (1 − 0.9) × 10 = 0.9999999999999998 at 1.
  const cap = Math.floor((1 - share) * vacancy.openings + 1e-9) - Math.max(0, vacancy.nonPoorCommitted ?? 0);
  return Math.max(0, Math.min(remaining, cap));
}

export interface PairFit {
  fit: number;
  skill: SkillMatch;
  place: PlaceMatch;
}

/**
 * The pair's fit, or undefined when a hard rule forbids it: opted out, declined before, vacancy closed,
 * post outside the home county, skills, place, wage or dates. (Post quotas bind the plan, not the pair.)
 */
export function pairFit(labourer: MatchLabourer, vacancy: MatchVacancy, today?: string): PairFit | undefined {
  if (cannotBeTexted(labourer) || !vacancyOpen(vacancy, today)) return undefined;
  if (labourer.declinedVacancyIds?.includes(vacancy.id)) return undefined;
  if (!residencyFits(vacancy, labourer.homeCounty)) return undefined;
  if (!wageFits(vacancy.monthlyWage, labourer.expectedWage)) return undefined;
  if (!datesFit(labourer.availableFrom, vacancy.startDate)) return undefined;
  const skill = skillMatch(labourer.skills, vacancy.skills);
  if (skill === undefined) return undefined;
  const place = placeMatch(labourer, vacancy.county);
  if (place === undefined) return undefined;
  return { fit: skillPoints(skill.fit) + wagePoints(vacancy.monthlyWage, labourer.expectedWage) + place.points, skill, place };
}

/** The display name of a region code, for reasons; the code itself when unknown. */
export function regionName(code: string): string {
  return placeByCode(code)?.name ?? code;
}
