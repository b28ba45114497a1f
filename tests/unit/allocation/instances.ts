// Random small national instances: labourers from a few counties (two labour-exporting counties in
// Sichuan, two destination districts that also export some), jobs where they want to go and at home,
// public-welfare posts in any of their counties. Few skills, wages and dates, so conflicts between
// counties, poor-first trade-offs, posts' quotas, declines and opt-outs are all common.
import fc from 'fast-check';
import type { MatchLabourer, MatchVacancy } from '../../../functions/domain/matching/index.js';

export const QINGCHUAN = '510822'; // 四川 广元 青川县
export const WANGCANG = '510821'; // 四川 广元 旺苍县
export const NANSHAN = '440305'; // 广东 深圳 南山区
export const WUXING = '330502'; // 浙江 湖州 吴兴区
export const NANXUN = '330503'; // 浙江 湖州 南浔区
export const TODAY = '2026-02-01';

const HOMES = [QINGCHUAN, WANGCANG, QINGCHUAN, WANGCANG, NANSHAN, WUXING];
const WORKPLACES = [WUXING, NANXUN, NANSHAN, QINGCHUAN, WANGCANG, WUXING, NANSHAN];
const SKILLS = ['普工', '泥瓦工', '电工', '缝纫工'];
const DESTINATIONS = ['33', '3305', WUXING, '44', '4403', '51', '5108', NANXUN];
const DATES = ['2026-01-20', '2026-02-15', '2026-02-20', '2026-02-25'];

export interface Instance {
  labourers: MatchLabourer[];
  vacancies: MatchVacancy[];
}

const vacancyArb = fc.record({
  kind: fc.constantFrom<'job' | 'post'>('job', 'job', 'job', 'post'),
  county: fc.constantFrom(...WORKPLACES),
  postCounty: fc.constantFrom(QINGCHUAN, WANGCANG, NANSHAN),
  skills: fc.subarray(SKILLS, { minLength: 1, maxLength: 2 }),
  monthlyWage: fc.constantFrom(2500, 4000, 4500, 5000, 7000),
  startDate: fc.constantFrom(...DATES),
  openings: fc.integer({ min: 1, max: 5 }),
  used: fc.integer({ min: 0, max: 2 }),
  poorShareMin: fc.constantFrom(0.5, 0.6, 1),
  nonPoorCommitted: fc.integer({ min: 0, max: 1 }),
});

const labourerArb = fc.record({
  home: fc.constantFrom(...HOMES),
  skills: fc.subarray(SKILLS, { maxLength: 2 }),
  destinations: fc.uniqueArray(fc.constantFrom(...DESTINATIONS), { maxLength: 3 }),
  canTravel: fc.boolean(),
  expectedWage: fc.constantFrom(2000, 3500, 4200, 4500, 6000),
  availableFrom: fc.option(fc.constantFrom('2026-02-10', ...DATES), { nil: undefined }),
  poverty: fc.boolean(),
  optOut: fc.integer({ min: 0, max: 11 }),
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
          id: `V${String(i).padStart(2, '0')}`,
          kind: v.kind,
          county: v.kind === 'post' ? v.postCounty : v.county,
          skills: v.kind === 'post' ? ['普工'] : v.skills,
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
          declinedVacancyIds: l.declines.map((d) => `V${String(d % vacancies.length).padStart(2, '0')}`),
        };
        if (l.availableFrom !== undefined) result.availableFrom = l.availableFrom;
        return result;
      });
      return { labourers, vacancies };
    });
}
