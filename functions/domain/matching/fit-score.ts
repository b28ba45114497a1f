// The fit of a (labourer, vacancy) pair: a small integer, the sum of three parts.
//
//   fit = skill + wage + place, 0 ≤ fit ≤ FIT_MAX = 93
//   skill  40  the labourer has one of the vacancy's skills (a 普工 labourer on a 普工 vacancy too)
//          10  普工 fallback: the vacancy takes anyone, the labourer's trade is not asked for
//   wage   min(20, floor((monthlyWage − expectedWage) / 200)): 1 point per full 200 CNY above the
//          expectation, capped at 4,000 CNY, so a rich vacancy cannot outweigh skill or place
//   place  county 30 (the home county, or a destination that is the county itself), city 20,
//          province 10; plus 3 / 2 / 1 for the 1st / 2nd / 3rd destination in the labourer's list
//          (the home county counts as a 1st choice); the best destination containing the county counts
//
// Waiting time is deliberately not part of the fit: inside a class places go first-come-first-served.
// Poor-household placements weigh more than any fit difference; see poverty-weight.ts.

export const SKILL_EXACT_POINTS = 40;
export const SKILL_GENERAL_POINTS = 10;
export const WAGE_STEP_CNY = 200;
export const WAGE_MAX_POINTS = 20;
export const PLACE_TIER_POINTS = { county: 30, city: 20, province: 10 } as const;
export const PLACE_ORDER_POINTS = [3, 2, 1] as const;
export const FIT_MAX = SKILL_EXACT_POINTS + WAGE_MAX_POINTS + PLACE_TIER_POINTS.county + PLACE_ORDER_POINTS[0];

export type SkillFit = 'exact' | 'general';
export type RegionLevel = keyof typeof PLACE_TIER_POINTS;

export function skillPoints(fit: SkillFit): number {
  return fit === 'exact' ? SKILL_EXACT_POINTS : SKILL_GENERAL_POINTS;
}

/** Points for the wage surplus; the caller has checked monthlyWage ≥ expectedWage. */
export function wagePoints(monthlyWage: number, expectedWage: number): number {
  const surplus = monthlyWage - expectedWage;
  return Math.max(0, Math.min(WAGE_MAX_POINTS, Math.floor(surplus / WAGE_STEP_CNY)));
}

/** Points for a place reached through the labourer's `index`-th destination, a region of `level`. */
export function destinationPoints(level: RegionLevel, index: number): number {
  return PLACE_TIER_POINTS[level] + (PLACE_ORDER_POINTS[index] ?? 0);
}

/** Points for a place in the labourer's home county: as good as a first-choice county. */
export const HOME_POINTS = PLACE_TIER_POINTS.county + PLACE_ORDER_POINTS[0];
