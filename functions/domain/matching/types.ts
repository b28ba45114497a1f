// The matching engine's input and output shapes (DESIGN §7): one county's labourers and open vacancies in,
// offers out. Plain data, so services can build them from the store and tests can write them by hand.

export interface MatchLabourer {
  id: string;
  /** 6-digit county code of the household registration (from the ID number). */
  homeCounty: string;
  /** Skills from the vocabulary of functions/domain/skills.ts. */
  skills: readonly string[];
  /** Wanted places, most wanted first: province (2 digits), city (4) or county (6) codes. */
  destinations: readonly string[];
  /** false: only places in the home county. */
  canTravel: boolean;
  /** Lowest acceptable monthly wage, CNY. */
  expectedWage: number;
  /** ISO date (YYYY-MM-DD) from which the labourer can start; unknown when absent. */
  availableFrom?: string;
  /** Registered-poor household (建档立卡贫困户). */
  poverty: boolean;
  optedOut: boolean;
  /** Two SMS in a row came back undelivered (a dead number): left out, like an opted-out one, until the phone is fixed. */
  unreachable?: boolean;
  /** ISO timestamp; earlier registrations are served first inside a class. */
  registeredAt: string;
  /** Vacancies this labourer declined before: never offered again. */
  declinedVacancyIds?: readonly string[];
}

export interface MatchVacancy {
  id: string;
  /** 'job': employer vacancy; 'post': public-welfare post (公益岗位), residents of its county only. */
  kind: 'job' | 'post';
  /** 6-digit county code of the workplace. */
  county: string;
  /** Skills wanted; '普工' means anyone fits. */
  skills: readonly string[];
  monthlyWage: number;
  /** ISO date (YYYY-MM-DD). */
  startDate: string;
  openings: number;
  /** openings − filled − offered: the places this run may give. */
  remaining: number;
  /** Posts: the least share of poor-household labourers (default 0.6, DESIGN §1). */
  poorShareMin?: number;
  /** Posts: non-poor places already filled or offered. */
  nonPoorCommitted?: number;
}

export interface MatchOffer {
  labourerId: string;
  vacancyId: string;
  fit: number;
  /** `CODE: 中文说明`, e.g. `SKILL: 技能匹配: 泥瓦工`. */
  reasons: string[];
}

export interface MatchResult {
  offers: MatchOffer[];
  /** Ids of the labourers (opted-out ones included) who got no offer, in id order. */
  unmatched: string[];
  /** Σ over offers of (povertyWeight if poor) + fit: the maximised objective. */
  objective: number;
  /** The weight of one poor-household placement in `objective`; larger than any total fit it could trade for. */
  povertyWeight: number;
  /** Σ fit over offers. */
  totalFit: number;
  poorPlaced: number;
  /** Labourer classes the optimisation ran on. */
  classes: number;
  stats: { labourers: number; vacancies: number; feasibleClassArcs: number; seconds: number };
}

export interface MatchOptions {
  /** ISO date; vacancies starting before it are closed. No date check when absent. */
  today?: string;
}

/** Whether no offer SMS can reach the labourer: opted out, or the number is dead. */
export function cannotBeTexted(labourer: Pick<MatchLabourer, 'optedOut' | 'unreachable'>): boolean {
  return labourer.optedOut || labourer.unreachable === true;
}
