// fast-check arbitraries for small matching instances: a handful of counties, skills, wages and
// dates, so that feasible pairs, conflicts, posts and declines are all common.
import fc from 'fast-check';
import type { MatchLabourer, MatchVacancy } from '../../../functions/domain/matching/index.js';
import { NANSHAN, NANXUN, QINGCHUAN, WUXING } from './builders.js';

const SKILLS = ['普工', '泥瓦工', '电工', '木工'];
const DESTINATIONS = ['33', '3305', WUXING, '44', '4403', '510000'];
const DATES = ['2026-02-15', '2026-02-20', '2026-02-25'];

export interface Instance {
  labourers: MatchLabourer[];
  vacancies: MatchVacancy[];
}

const vacancyArb = fc.record({
  kind: fc.constantFrom<'job' | 'post'>('job', 'job', 'post'),
  county: fc.constantFrom(WUXING, NANXUN, NANSHAN, QINGCHUAN),
  skills: fc.subarray(SKILLS, { minLength: 1, maxLength: 2 }),
  monthlyWage: fc.constantFrom(2500, 4000, 5000, 7000),
  startDate: fc.constantFrom(...DATES),
  openings: fc.integer({ min: 1, max: 4 }),
  used: fc.integer({ min: 0, max: 2 }),
  poorShareMin: fc.constantFrom(0.5, 0.6, 1),
  nonPoorCommitted: fc.integer({ min: 0, max: 1 }),
});

const labourerArb = fc.record({
  home: fc.constantFrom(QINGCHUAN, QINGCHUAN, WUXING),
  skills: fc.subarray(SKILLS, { maxLength: 2 }),
  destinations: fc.uniqueArray(fc.constantFrom(...DESTINATIONS), { maxLength: 3 }),
  canTravel: fc.boolean(),
  expectedWage: fc.constantFrom(2000, 3500, 4500, 6000),
  availableFrom: fc.option(fc.constantFrom('2026-02-10', ...DATES), { nil: undefined }),
  poverty: fc.boolean(),
  optOut: fc.integer({ min: 0, max: 9 }),
  day: fc.integer({ min: 1, max: 9 }),
  declines: fc.array(fc.nat(), { maxLength: 1 }),
});

export function instanceArb(maxLabourers: number, maxVacancies: number): fc.Arbitrary<Instance> {
  return fc
    .record({
      vacancies: fc.array(vacancyArb, { minLength: 1, maxLength: maxVacancies }),
      labourers: fc.array(labourerArb, { minLength: 1, maxLength: maxLabourers }),
    })
    .map(({ vacancies: vs, labourers: ls }) => {
      const vacancies: MatchVacancy[] = vs.map((v, i) => {
        const base: MatchVacancy = {
          id: `V${i}`,
          kind: v.kind,
          county: v.kind === 'post' ? QINGCHUAN : v.county,
          skills: v.skills,
          monthlyWage: v.monthlyWage,
          startDate: v.startDate,
          openings: v.openings,
          remaining: Math.max(0, v.openings - v.used),
        };
        return v.kind === 'post' ? { ...base, poorShareMin: v.poorShareMin, nonPoorCommitted: v.nonPoorCommitted } : base;
      });
      const labourers: MatchLabourer[] = ls.map((l, i) => {
        const result: MatchLabourer = {
          id: `L${String(i).padStart(3, '0')}`,
          homeCounty: l.home,
          skills: l.skills,
          destinations: l.destinations,
          canTravel: l.canTravel,
          expectedWage: l.expectedWage,
          poverty: l.poverty,
          optedOut: l.optOut === 0,
          registeredAt: `2026-01-0${l.day}T00:00:00.000Z`,
          declinedVacancyIds: l.declines.map((d) => `V${d % vacancies.length}`),
        };
        if (l.availableFrom !== undefined) result.availableFrom = l.availableFrom;
        return result;
      });
      return { labourers, vacancies };
    });
}
