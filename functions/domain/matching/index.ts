// The matching engine (DESIGN §7): pure domain code, no I/O.
export { matchCounty } from './match-county.js';
export type { MatchLabourer, MatchOffer, MatchOptions, MatchResult, MatchVacancy } from './types.js';
export {
  FIT_MAX,
  HOME_POINTS,
  PLACE_ORDER_POINTS,
  PLACE_TIER_POINTS,
  SKILL_EXACT_POINTS,
  SKILL_GENERAL_POINTS,
  WAGE_MAX_POINTS,
  WAGE_STEP_CNY,
} from './fit-score.js';
export { DEFAULT_POOR_SHARE_MIN, nonPoorPlaces, pairFit, type PairFit } from './feasibility.js';
export { povertyWeight } from './poverty-weight.js';
export { explainUnmatched, countByReason } from './explain-unmatched.js';
export {
  UNMATCHED_REASONS,
  UNMATCHED_REASON_ADVICE,
  UNMATCHED_REASON_LABELS,
  isUnmatchedReason,
  type UnmatchedReason,
} from './unmatched-reasons.js';
