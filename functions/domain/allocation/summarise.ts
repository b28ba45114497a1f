// A county's labourers as class summaries: the allocation's view of a county, small enough to ship.
//
// Exact (coarseness 0): each attribute is reduced to what the open vacancies can tell apart, as the
// county engine's classes are — skills no vacancy asks for are dropped, trailing destinations with no
// vacancy are dropped (earlier ones keep their rank), destinations of those who cannot travel are
// dropped, an expected wage becomes the least wage with the same fit at every vacancy wage, an
// availability date the least date fitting the same start dates, declines keep open vacancies only —
// and labourers equal after that form one class. Every member of a class then has exactly the class's
// feasible vacancies and fits, so an allocation on the summaries is an allocation on the labourers.
// All comparisons go through pairFit on probe pairs: the one definition of feasibility and fit.
//
// Coarsened (coarseness 1…4, only when a class budget asks for it): a class stands for its least
// flexible member — expected wage rounded up, only the first skills and destinations kept — so every
// vacancy the class may take (at the class's fit or better) suits each member: quotas are always
// usable, at the price of a gap to the global optimum (measured in tests/unit/allocation).
import { pairFit, type MatchLabourer, type MatchVacancy } from '../matching/index.js';
import { regionContains } from '../divisions.js';
import { isOpen } from './open-vacancies.js';
import type { ClassSummary, CountySummary } from './types.js';

export interface SummaryOptions {
  /** Coarsen at least this much (0 … MAX_COARSENESS; default 0: exact unless over budget). */
  coarseness?: number;
  /** Largest number of classes per county; coarsens a county until it fits (exact when undefined). */
  maxClasses?: number;
}

/** Per coarseness level: wage rounding (CNY, up) and how many skills and destinations are kept. */
const COARSE_LEVELS = [
  { wageStep: 0, skills: Infinity, destinations: Infinity },
  { wageStep: 500, skills: Infinity, destinations: Infinity },
  { wageStep: 1000, skills: 2, destinations: 2 },
  { wageStep: 1000, skills: 1, destinations: 1 },
  { wageStep: 2000, skills: 1, destinations: 1 },
] as const;
export const MAX_COARSENESS = COARSE_LEVELS.length - 1;

const PROBE_COUNTY = '000000';

function probeLabourer(overrides: Partial<MatchLabourer>): MatchLabourer {
  return {
    id: 'probe',
    homeCounty: PROBE_COUNTY,
    skills: [],
    destinations: [],
    canTravel: false,
    expectedWage: 0,
    poverty: false,
    optedOut: false,
    registeredAt: '',
    ...overrides,
  };
}

function probeVacancy(overrides: Partial<MatchVacancy>): MatchVacancy {
  // No skills asked: anyone fits; the home county: the place always fits.
  return { id: 'probe', kind: 'job', county: PROBE_COUNTY, skills: [], monthlyWage: 0, startDate: '9999-12-31', openings: 1, remaining: 1, ...overrides };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What the open vacancies can tell apart, in a few kilobytes: a national run computes it once and
 * every county summarises against it (tests pass vacancies through marketDigest).
 */
export interface MarketDigest {
  /** Skills some open vacancy asks for. */
  skills: string[];
  /** Distinct monthly wages, ascending. */
  wages: number[];
  /** Distinct start dates (YYYY-MM-DD), ascending. */
  startDates: string[];
  /** Counties with an open vacancy. */
  counties: string[];
}

export function marketDigest(vacancies: readonly MatchVacancy[], today?: string): MarketDigest {
  const open = vacancies.filter((v) => isOpen(v, today));
  return {
    skills: [...new Set(open.flatMap((v) => v.skills))].sort(compare),
    wages: [...new Set(open.map((v) => v.monthlyWage))].sort((a, b) => a - b),
    startDates: [...new Set(open.map((v) => v.startDate.slice(0, 10)))].sort(compare),
    counties: [...new Set(open.map((v) => v.county))].sort(compare),
  };
}

/** The reductions built on a digest. */
export interface MarketView {
  skills: ReadonlySet<string>;
  /** Whether any open vacancy lies in the region. */
  reaches(region: string): boolean;
  /** The fit pattern of an expected wage over the distinct vacancy wages. */
  wageSignature(expectedWage: number): string;
  /** How many of the distinct start dates (ascending) an availability date misses. */
  dateIndex(availableFrom: string | undefined): number;
}

export function marketView(digest: MarketDigest): MarketView {
  const reach = new Map<string, boolean>();
  const wageProbes = digest.wages.map((monthlyWage) => probeVacancy({ monthlyWage }));
  const dateProbes = digest.startDates.map((startDate) => probeVacancy({ startDate }));
  return {
    skills: new Set(digest.skills),
    reaches(region) {
      let r = reach.get(region);
      if (r === undefined) reach.set(region, (r = digest.counties.some((c) => regionContains(region, c))));
      return r;
    },
    wageSignature(expectedWage) {
      const l = probeLabourer({ expectedWage });
      return wageProbes.map((v) => pairFit(l, v)?.fit ?? -1).join(',');
    },
    dateIndex(availableFrom) {
      const l = probeLabourer(availableFrom === undefined ? {} : { availableFrom });
      let missed = 0;
      while (missed < dateProbes.length && pairFit(l, dateProbes[missed]!) === undefined) missed++;
      return missed;
    },
  };
}

interface Reduced {
  homeCounty: string;
  poverty: boolean;
  canTravel: boolean;
  skills: string[];
  destinations: string[];
  wage: number;
  from: string | undefined;
  declined: string[];
}

/**
 * The labourers' class summaries, one per home county (in county order). Opted-out labourers are left
 * out. Without `maxClasses` every summary is exact; with it, a county over budget is coarsened level by
 * level until it fits (or the coarsest level is reached).
 */
export function summariseLabourers(
  labourers: readonly MatchLabourer[],
  digest: MarketDigest,
  options: SummaryOptions = {},
): CountySummary[] {
  const market = marketView(digest);

  // Canonical wage and date per distinct raw value: the least raw value with the same pattern.
  const wageRep = new Map<number, number>();
  const leastBySignature = new Map<string, number>();
  const signatureOf = new Map<number, string>();
  const dateRep = new Map<string | undefined, string | undefined>();
  const leastByIndex = new Map<number, string>();
  const indexOf = new Map<string, number>();
  const active = labourers.filter((l) => !l.optedOut);
  for (const l of active) {
    if (!signatureOf.has(l.expectedWage)) {
      const signature = market.wageSignature(l.expectedWage);
      signatureOf.set(l.expectedWage, signature);
      const least = leastBySignature.get(signature);
      if (least === undefined || l.expectedWage < least) leastBySignature.set(signature, l.expectedWage);
    }
    const from = l.availableFrom === '' ? undefined : l.availableFrom;
    if (from !== undefined && !indexOf.has(from)) {
      const index = market.dateIndex(from);
      indexOf.set(from, index);
      const least = leastByIndex.get(index);
      if (least === undefined || from < least) leastByIndex.set(index, from);
    }
  }
  for (const [raw, signature] of signatureOf) wageRep.set(raw, leastBySignature.get(signature)!);
  dateRep.set(undefined, undefined);
  for (const [raw, index] of indexOf) dateRep.set(raw, index === 0 ? undefined : leastByIndex.get(index));

  const byCounty = new Map<string, Reduced[]>();
  for (const l of active) {
    const skills = [...new Set(l.skills.filter((s) => market.skills.has(s)))];
    const destinations = l.canTravel ? [...l.destinations] : [];
    while (destinations.length > 0 && !market.reaches(destinations[destinations.length - 1]!)) destinations.pop();
    const reduced: Reduced = {
      homeCounty: l.homeCounty,
      poverty: l.poverty,
      canTravel: destinations.length > 0,
      skills,
      destinations,
      wage: wageRep.get(l.expectedWage)!,
      from: dateRep.get(l.availableFrom === '' ? undefined : l.availableFrom),
      // Declines of vacancies that are no longer open change nothing; the allocation ignores them.
      declined: [...new Set(l.declinedVacancyIds ?? [])].sort(),
    };
    let list = byCounty.get(l.homeCounty);
    if (list === undefined) byCounty.set(l.homeCounty, (list = []));
    list.push(reduced);
  }

  const summaries: CountySummary[] = [];
  for (const county of [...byCounty.keys()].sort(compare)) {
    const people = byCounty.get(county)!;
    let level = Math.max(0, Math.min(MAX_COARSENESS, options.coarseness ?? 0));
    let classes = classesAt(people, level);
    while (options.maxClasses !== undefined && classes.length > options.maxClasses && level < MAX_COARSENESS) {
      classes = classesAt(people, ++level);
    }
    summaries.push({ county, labourers: people.length, classes, coarseness: level });
  }
  return summaries;
}

function classesAt(people: readonly Reduced[], level: number): ClassSummary[] {
  const { wageStep, skills: keepSkills, destinations: keepDestinations } = COARSE_LEVELS[level]!;
  const byKey = new Map<string, ClassSummary>();
  for (const p of people) {
    const skills = p.skills.slice(0, keepSkills).sort(compare);
    const destinations = p.destinations.slice(0, keepDestinations);
    const wage = wageStep > 0 ? Math.ceil(p.wage / wageStep) * wageStep : p.wage;
    const key = JSON.stringify([p.poverty, p.canTravel, skills, destinations, wage, p.from ?? '', p.declined]);
    const found = byKey.get(key);
    if (found !== undefined) {
      found.count++;
      continue;
    }
    const cls: ClassSummary = {
      homeCounty: p.homeCounty,
      count: 1,
      poverty: p.poverty,
      skills,
      destinations,
      canTravel: p.canTravel,
      expectedWage: wage,
    };
    if (p.from !== undefined) cls.availableFrom = p.from;
    if (p.declined.length > 0) cls.declinedVacancyIds = p.declined;
    byKey.set(key, cls);
  }
  return [...byKey.entries()].sort(([a], [b]) => compare(a, b)).map(([, cls]) => cls);
}
