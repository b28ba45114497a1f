// The national run's two levels against the single global optimum: allocate on the counties' class
// summaries, match each county within its quotas, and compare with matchCounty on everyone at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateNationally,
  countyVacancies,
  marketDigest,
  summariseLabourers,
  type NationalAllocation,
} from '../../../functions/domain/allocation/index.js';
import {
  matchCounty,
  nonPoorPlaces,
  type MatchLabourer,
  type MatchResult,
  type MatchVacancy,
} from '../../../functions/domain/matching/index.js';
import { instanceArb, NANSHAN, QINGCHUAN, TODAY, WANGCANG, WUXING, type Instance } from './instances.js';

interface TwoLevel {
  global: MatchResult;
  allocation: NationalAllocation;
  runs: Map<string, MatchResult>;
  poorPlaced: number;
  totalFit: number;
}

function twoLevel({ labourers, vacancies }: Instance, coarseness = 0): TwoLevel {
  const global = matchCounty(labourers, vacancies, { today: TODAY });
  const summaries = summariseLabourers(labourers, marketDigest(vacancies, TODAY), { coarseness });
  const allocation = allocateNationally(summaries, vacancies, { today: TODAY });
  const runs = new Map<string, MatchResult>();
  let poorPlaced = 0;
  let totalFit = 0;
  for (const county of [...new Set(labourers.map((l) => l.homeCounty))].sort()) {
    const run = matchCounty(
      labourers.filter((l) => l.homeCounty === county),
      countyVacancies(allocation, county, vacancies),
      { today: TODAY },
    );
    runs.set(county, run);
    poorPlaced += run.poorPlaced;
    totalFit += run.totalFit;
  }
  return { global, allocation, runs, poorPlaced, totalFit };
}

/** Lexicographic (poor placed, total fit) comparison. */
function lexCompare(a: { poorPlaced: number; totalFit: number }, b: { poorPlaced: number; totalFit: number }): number {
  return a.poorPlaced - b.poorPlaced || a.totalFit - b.totalFit;
}

/** Every offer of every county run together: within each vacancy's places and each post's non-poor quota. */
function expectJointlyFeasible(runs: Map<string, MatchResult>, labourers: MatchLabourer[], vacancies: MatchVacancy[]): void {
  const poor = new Map(labourers.map((l) => [l.id, l.poverty]));
  const used = new Map<string, number>();
  const nonPoorUsed = new Map<string, number>();
  for (const run of runs.values()) {
    for (const o of run.offers) {
      used.set(o.vacancyId, (used.get(o.vacancyId) ?? 0) + 1);
      if (!poor.get(o.labourerId)) nonPoorUsed.set(o.vacancyId, (nonPoorUsed.get(o.vacancyId) ?? 0) + 1);
    }
  }
  for (const v of vacancies) {
    expect(used.get(v.id) ?? 0).toBeLessThanOrEqual(Math.max(0, Math.floor(v.remaining)));
    if (v.kind === 'post') expect(nonPoorUsed.get(v.id) ?? 0).toBeLessThanOrEqual(nonPoorPlaces(v));
  }
}

describe('national allocation + county runs (exact summaries)', () => {
  it('reach the global optimum: poor placed and total fit equal matchCounty on everyone at once', () => {
    let instances = 0;
    let contested = 0;
    fc.assert(
      fc.property(instanceArb(24, 9), (instance) => {
        // act
        const result = twoLevel(instance);

        // assess
        instances++;
        if (Object.keys(result.allocation.quotas).length > 1) contested++;
        expect({ poorPlaced: result.poorPlaced, totalFit: result.totalFit }).toEqual({
          poorPlaced: result.global.poorPlaced,
          totalFit: result.global.totalFit,
        });
        // The same in the objective's own terms (each run weighs a poor placement by its own
        // povertyWeight, which depends on its vacancy nodes; under the global run's weight the sums agree).
        expect(result.poorPlaced * result.global.povertyWeight + result.totalFit).toBe(result.global.objective);
        expect({ poorPlaced: result.allocation.poorPlaced, totalFit: result.allocation.totalFit }).toEqual({
          poorPlaced: result.global.poorPlaced,
          totalFit: result.global.totalFit,
        });
        expectJointlyFeasible(result.runs, instance.labourers, instance.vacancies);
      }),
      { numRuns: 1000 },
    );
    expect(contested / instances).toBeGreaterThan(0.5);
  }, 60_000);

  it('also on larger instances, where many counties compete for the same jobs', () => {
    fc.assert(
      fc.property(instanceArb(120, 20), (instance) => {
        const result = twoLevel(instance);
        expect([result.poorPlaced, result.totalFit]).toEqual([result.global.poorPlaced, result.global.totalFit]);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('never gives a job more places than it has left, and keeps posts in their county', () => {
    fc.assert(
      fc.property(instanceArb(24, 9), (instance) => {
        const { allocation } = twoLevel(instance);
        const given = new Map<string, number>();
        for (const [county, mine] of Object.entries(allocation.quotas)) {
          for (const [id, places] of Object.entries(mine)) {
            expect(Number.isInteger(places) && places > 0, `${county} ${id}`).toBe(true);
            given.set(id, (given.get(id) ?? 0) + places);
          }
        }
        for (const v of instance.vacancies) {
          if (v.kind === 'post') expect(given.has(v.id)).toBe(false);
          expect(given.get(v.id) ?? 0).toBeLessThanOrEqual(Math.max(0, Math.floor(v.remaining)));
        }
        for (const county of [QINGCHUAN, WANGCANG, NANSHAN, WUXING]) {
          const mine = countyVacancies(allocation, county, instance.vacancies);
          for (const v of mine) {
            if (v.kind === 'post') expect(v.county).toBe(county);
            expect(v.remaining).toBeLessThanOrEqual(instance.vacancies.find((o) => o.id === v.id)!.remaining);
          }
          const posts = instance.vacancies.filter((v) => v.kind === 'post' && v.county === county);
          expect(mine.filter((v) => v.kind === 'post')).toEqual(posts);
        }
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});

describe('national allocation + county runs (coarsened summaries)', () => {
  it.each([1, 2, 3, 4])(
    'at coarseness %i: never worse than the coarse plan, never better than the global optimum; the gap is measured',
    (coarseness) => {
      const gaps: { poor: number; fit: number }[] = [];
      fc.assert(
        fc.property(instanceArb(40, 10), (instance) => {
          // act
          const result = twoLevel(instance, coarseness);

          // assess
          expect(lexCompare(result, result.allocation)).toBeGreaterThanOrEqual(0);
          expect(lexCompare(result, result.global)).toBeLessThanOrEqual(0);
          expectJointlyFeasible(result.runs, instance.labourers, instance.vacancies);
          gaps.push({ poor: result.global.poorPlaced - result.poorPlaced, fit: result.global.totalFit - result.totalFit });
        }),
        { numRuns: 300 },
      );
      const exact = gaps.filter((g) => g.poor === 0 && g.fit === 0).length;
      const fitGaps = gaps.filter((g) => g.poor === 0 && g.fit > 0).map((g) => g.fit);
      // Recorded for the report: how often coarsened summaries still reach the optimum.
      console.info(
        `coarseness ${coarseness}: optimum in ${exact}/${gaps.length} instances; fewer poor placed in ${gaps.filter((g) => g.poor > 0).length} ` +
          `(at most ${Math.max(0, ...gaps.map((g) => g.poor))}); a fit gap alone in ${fitGaps.length} (at most ${Math.max(0, ...fitGaps)})`,
      );
      expect(exact / gaps.length).toBeGreaterThan(0.5);
    },
    60_000,
  );
});

describe('national allocation: poor first across counties', () => {
  const job = (id: string, openings: number, overrides: Partial<MatchVacancy> = {}): MatchVacancy => ({
    id,
    kind: 'job',
    county: WUXING,
    skills: ['泥瓦工'],
    monthlyWage: 6000,
    startDate: '2026-02-20',
    openings,
    remaining: openings,
    ...overrides,
  });
  const person = (id: string, home: string, overrides: Partial<MatchLabourer> = {}): MatchLabourer => ({
    id,
    homeCounty: home,
    skills: ['泥瓦工'],
    destinations: ['3305'],
    canTravel: true,
    expectedWage: 4500,
    poverty: false,
    optedOut: false,
    registeredAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  });

  it('gives a contested job to the county with poor-household labourers, even at a lower fit', () => {
    // prepare: Qingchuan's labourers fit better (a county destination, low expectations); Wangcang's are poor
    const labourers = [
      ...['Q1', 'Q2', 'Q3'].map((id) => person(id, QINGCHUAN, { destinations: [WUXING], expectedWage: 2000 })),
      ...['W1', 'W2'].map((id) => person(id, WANGCANG, { destinations: ['33'], poverty: true })),
    ];
    const vacancies = [job('J1', 3)];

    // act
    const summaries = summariseLabourers(labourers, marketDigest(vacancies, TODAY));
    const allocation = allocateNationally(summaries, vacancies, { today: TODAY });

    // assess
    expect(allocation.quotas).toEqual({ [WANGCANG]: { J1: 2 }, [QINGCHUAN]: { J1: 1 } });
    expect(allocation.poorPlaced).toBe(2);
  });

  it('splits one job among counties and leaves unused places with the job’s own county', () => {
    const labourers = [person('Q1', QINGCHUAN), person('W1', WANGCANG), person('W2', WANGCANG, { skills: ['电工'] })];
    const vacancies = [job('J1', 5)];
    const allocation = allocateNationally(summariseLabourers(labourers, marketDigest(vacancies)), vacancies);
    expect(allocation.quotas).toEqual({ [QINGCHUAN]: { J1: 1 }, [WANGCANG]: { J1: 1 }, [WUXING]: { J1: 3 } });
    expect(countyVacancies(allocation, WANGCANG, vacancies)).toEqual([{ ...vacancies[0], remaining: 1 }]);
  });

  it('shares a job between counties with identical labourers in proportion to their numbers', () => {
    const labourers = [
      ...Array.from({ length: 12 }, (_, i) => person(`Q${i}`, QINGCHUAN)),
      ...Array.from({ length: 6 }, (_, i) => person(`W${i}`, WANGCANG)),
    ];
    const vacancies = [job('J1', 6)];
    const allocation = allocateNationally(summariseLabourers(labourers, marketDigest(vacancies)), vacancies);
    expect(allocation.quotas).toEqual({ [QINGCHUAN]: { J1: 4 }, [WANGCANG]: { J1: 2 } });
  });

  it('summarises each county into few exact classes and drops opted-out labourers', () => {
    const labourers = [
      person('A', QINGCHUAN, { expectedWage: 4300 }),
      person('B', QINGCHUAN, { expectedWage: 4400, skills: ['泥瓦工', '厨师'] }),
      person('C', QINGCHUAN, { optedOut: true }),
      person('D', WANGCANG, { destinations: ['3305', '4403'] }),
    ];
    const summaries = summariseLabourers(labourers, marketDigest([job('J1', 2)]));
    // In county order: 旺苍 510821, then 青川 510822.
    expect(summaries).toEqual([
      {
        county: WANGCANG,
        labourers: 1,
        coarseness: 0,
        // 4403 (Shenzhen) has no job: a trailing destination that changes nothing.
        classes: [{ homeCounty: WANGCANG, count: 1, poverty: false, skills: ['泥瓦工'], destinations: ['3305'], canTravel: true, expectedWage: 4500 }],
      },
      {
        county: QINGCHUAN,
        labourers: 2,
        coarseness: 0,
        // 4300 and 4400 earn the same at the one wage (6000): one class; 厨师 is asked by no job.
        classes: [{ homeCounty: QINGCHUAN, count: 2, poverty: false, skills: ['泥瓦工'], destinations: ['3305'], canTravel: true, expectedWage: 4300 }],
      },
    ]);
  });
});
