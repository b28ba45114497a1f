import { describe, expect, it } from 'vitest';
import {
  FIT_MAX,
  matchCounty,
  pairFit,
  type MatchLabourer,
  type MatchVacancy,
} from '../../../functions/domain/matching/index.js';
import { labourer, NANSHAN, NANXUN, QINGCHUAN, vacancy, WUXING } from './builders.js';

const TODAY = '2026-02-01';

function offersOf(labourers: MatchLabourer[], vacancies: MatchVacancy[]) {
  return matchCounty(labourers, vacancies, { today: TODAY }).offers.map((o) => `${o.labourerId}→${o.vacancyId}`);
}

describe('matchCounty: skills', () => {
  it('offers a vacancy to a labourer who has one of its skills', () => {
    // prepare
    const labourers = [labourer('L1', { skills: ['木工', '泥瓦工'] })];
    const vacancies = [vacancy('V1', { skills: ['泥瓦工', '钢筋工'] })];

    // act
    const offers = offersOf(labourers, vacancies);

    // assess
    expect(offers).toEqual(['L1→V1']);
  });

  it('offers nothing when the skills differ and the vacancy does not take 普工', () => {
    // prepare
    const labourers = [labourer('L1', { skills: ['电工'] })];
    const vacancies = [vacancy('V1', { skills: ['泥瓦工'] })];

    // act
    const result = matchCounty(labourers, vacancies, { today: TODAY });

    // assess
    expect(result.offers).toEqual([]);
    expect(result.unmatched).toEqual(['L1']);
  });

  it('lets anyone take a 普工 vacancy, scoring an exact skill above the fallback', () => {
    // prepare
    const general = vacancy('V1', { skills: ['普工'] });
    const trade = vacancy('V2', { skills: ['电工'] });

    // act
    const fallback = pairFit(labourer('L1', { skills: ['电工'] }), general);
    const exact = pairFit(labourer('L2', { skills: ['普工'] }), general);
    const exactTrade = pairFit(labourer('L3', { skills: ['电工'] }), trade);

    // assess
    expect(fallback?.skill.fit).toBe('general');
    expect(exact?.skill.fit).toBe('exact');
    expect(exactTrade!.fit - fallback!.fit).toBe(30);
  });
});

describe('matchCounty: places', () => {
  it('accepts a county inside a province, city or county destination, and prefers the narrower', () => {
    // prepare
    const v = vacancy('V1', { county: WUXING });

    // act
    const [province, city, county, elsewhere] = [['33'], ['3305'], [WUXING], ['44']].map((destinations) =>
      pairFit(labourer('L', { destinations }), v),
    );

    // assess
    expect(elsewhere).toBeUndefined();
    expect(province!.fit).toBeLessThan(city!.fit);
    expect(city!.fit).toBeLessThan(county!.fit);
  });

  it('reads 6-digit padded province and city codes', () => {
    // prepare
    const v = vacancy('V1', { county: NANXUN });

    // act
    const fits = [['330000'], ['330500']].map((destinations) => pairFit(labourer('L', { destinations }), v)?.place);

    // assess
    expect(fits).toMatchObject([{ level: 'province' }, { level: 'city' }]);
  });

  it('scores an earlier destination slightly higher', () => {
    // prepare
    const v = vacancy('V1', { county: WUXING });

    // act
    const first = pairFit(labourer('L', { destinations: ['3305', '4403'] }), v)!;
    const second = pairFit(labourer('L', { destinations: ['4403', '3305'] }), v)!;

    // assess
    expect(first.fit - second.fit).toBe(1);
  });

  it('suits everyone in the home county, travellers or not, without it being a destination', () => {
    // prepare
    const labourers = [
      labourer('L1', { destinations: ['44'] }),
      labourer('L2', { destinations: [], canTravel: false }),
    ];
    const vacancies = [vacancy('V1', { county: QINGCHUAN, openings: 2 })];

    // act
    const result = matchCounty(labourers, vacancies, { today: TODAY });

    // assess
    expect(result.offers.map((o) => o.labourerId)).toEqual(['L1', 'L2']);
    expect(result.offers[0]!.reasons).toContain('HOME: 本县就业');
  });

  it('gives those who cannot travel home-county places only, whatever their destinations', () => {
    // prepare
    const labourers = [labourer('L1', { canTravel: false, destinations: ['3305'] })];
    const vacancies = [vacancy('V1', { county: WUXING })];

    // act
    const offers = offersOf(labourers, vacancies);

    // assess
    expect(offers).toEqual([]);
  });
});

describe('matchCounty: wage, dates and standing', () => {
  it('needs the monthly wage to reach the expectation', () => {
    // prepare
    const labourers = [labourer('L1', { expectedWage: 6000 }), labourer('L2', { expectedWage: 6001 })];
    const vacancies = [vacancy('V1', { monthlyWage: 6000, openings: 2 })];

    // act
    const offers = offersOf(labourers, vacancies);

    // assess
    expect(offers).toEqual(['L1→V1']);
  });

  it('needs the labourer available by the start date, and the vacancy not started yet', () => {
    // prepare
    const labourers = [
      labourer('L1', { availableFrom: '2026-02-20' }),
      labourer('L2', { availableFrom: '2026-02-21' }),
      labourer('L3'),
    ];
    const vacancies = [
      vacancy('V1', { startDate: '2026-02-20', openings: 3 }),
      vacancy('V2', { startDate: '2026-01-31', openings: 3 }),
    ];

    // act
    const offers = offersOf(labourers, vacancies);

    // assess
    expect(offers).toEqual(['L1→V1', 'L3→V1']);
  });

  it('never offers to opted-out labourers, nor a vacancy a labourer declined before', () => {
    // prepare
    const labourers = [
      labourer('L1', { optedOut: true }),
      labourer('L2', { declinedVacancyIds: ['V1'] }),
      labourer('L3', { declinedVacancyIds: ['V1'] }),
    ];
    const vacancies = [vacancy('V1', { openings: 3 }), vacancy('V2', { monthlyWage: 4500 })];

    // act
    const result = matchCounty(labourers, vacancies, { today: TODAY });

    // assess
    expect(result.offers.map((o) => `${o.labourerId}→${o.vacancyId}`)).toEqual(['L2→V2']);
    expect(result.unmatched).toEqual(['L1', 'L3']);
  });

  it('skips vacancies without places left', () => {
    // prepare
    const labourers = [labourer('L1')];
    const vacancies = [vacancy('V1', { openings: 5, remaining: 0 })];

    // act
    const offers = offersOf(labourers, vacancies);

    // assess
    expect(offers).toEqual([]);
  });
});

describe('matchCounty: public-welfare posts', () => {
  const post = (id: string, overrides: Partial<MatchVacancy> = {}) =>
    vacancy(id, { kind: 'post', county: QINGCHUAN, skills: ['普工'], monthlyWage: 2000, ...overrides });

  it('takes residents of its county only', () => {
    // prepare
    const labourers = [
      labourer('L1', { expectedWage: 1500, poverty: true }),
      labourer('L2', { expectedWage: 1500, poverty: true, homeCounty: '510821', destinations: ['5108'] }),
    ];
    const vacancies = [post('P1', { openings: 2 })];

    // act
    const result = matchCounty(labourers, vacancies, { today: TODAY });

    // assess
    expect(result.offers.map((o) => o.labourerId)).toEqual(['L1']);
    expect(result.offers[0]!.reasons).toEqual(
      expect.arrayContaining(['POVERTY: 建档立卡优先', 'POST: 公益岗位（本县居民）']),
    );
  });

  it('gives non-poor labourers at most (1 − poorShareMin) × openings places, counting those committed', () => {
    // prepare
    const nonPoor = Array.from({ length: 6 }, (_, i) => labourer(`N${i}`, { expectedWage: 1500 }));
    const poor = [labourer('P0', { expectedWage: 1500, poverty: true })];
    const vacancies = [
      post('A', { openings: 10, remaining: 10, poorShareMin: 0.6 }),
      post('B', { openings: 10, remaining: 8, poorShareMin: 0.6, nonPoorCommitted: 2, monthlyWage: 2100 }),
      post('C', { openings: 10, remaining: 10, poorShareMin: 1 }),
    ];

    // act
    const result = matchCounty([...nonPoor, ...poor], vacancies, { today: TODAY });

    // assess
    const nonPoorAt = (id: string) => result.offers.filter((o) => o.vacancyId === id && o.labourerId.startsWith('N')).length;
    expect([nonPoorAt('A'), nonPoorAt('B'), nonPoorAt('C')]).toEqual([4, 2, 0]);
    expect(result.offers.filter((o) => o.labourerId === 'P0')).toHaveLength(1);
  });
});

describe('matchCounty: poor households first', () => {
  it('places the most poor labourers possible even when a non-poor one fits better', () => {
    // prepare: the non-poor electrician fits V1 better, but only V1 can take the poor labourer
    const labourers = [
      labourer('N1', { skills: ['电工'], destinations: [WUXING] }),
      labourer('P1', { skills: ['普工'], destinations: ['33'], poverty: true }),
    ];
    const vacancies = [vacancy('V1', { skills: ['普工', '电工'] })];

    // act
    const result = matchCounty(labourers, vacancies, { today: TODAY });

    // assess
    expect(result.offers.map((o) => o.labourerId)).toEqual(['P1']);
    expect(result.poorPlaced).toBe(1);
  });

  it('keeps the poor count maximal through a chain of displacements a fit weight alone would not pay for', () => {
    // prepare: P1 fits only V1; moving N1 from V1 to V2 costs it fit, still P1 must be placed
    const labourers = [
      labourer('N1', { skills: ['电工'], destinations: [WUXING, '44'], expectedWage: 3000 }),
      labourer('P1', { skills: ['普工'], destinations: ['3305'], poverty: true, expectedWage: 6000 }),
    ];
    const vacancies = [
      vacancy('V1', { county: WUXING, skills: ['普工', '电工'], monthlyWage: 9000 }),
      vacancy('V2', { county: NANSHAN, skills: ['普工'], monthlyWage: 3000 }),
    ];

    // act
    const result = matchCounty(labourers, vacancies, { today: TODAY });

    // assess
    expect(result.offers.map((o) => `${o.labourerId}→${o.vacancyId}`)).toEqual(['N1→V2', 'P1→V1']);
    expect(result.objective).toBe(result.povertyWeight + result.totalFit);
  });
});

describe('matchCounty: inside a class', () => {
  it('serves the earliest registrations first, and them the best-fitting places', () => {
    // prepare: three identical labourers, a better and a worse place
    const labourers = ['L3', 'L1', 'L2'].map((id, i) =>
      labourer(id, { registeredAt: `2026-01-0${3 - i}T08:00:00.000Z`, destinations: ['3305', '4403'] }),
    );
    const vacancies = [vacancy('V1', { county: NANSHAN }), vacancy('V2', { county: WUXING })];

    // act
    const result = matchCounty(labourers, vacancies, { today: TODAY });

    // assess: L2 registered first (01-01), then L1 (01-02); L2 gets 湖州 (first choice)
    expect(result.offers.map((o) => `${o.labourerId}→${o.vacancyId}`)).toEqual(['L1→V1', 'L2→V2']);
    expect(result.unmatched).toEqual(['L3']);
  });
});

describe('matchCounty: reasons and fit', () => {
  it('explains each offer with coded Chinese reasons', () => {
    // prepare
    const labourers = [labourer('L1', { poverty: true, availableFrom: '2026-02-10' })];
    const vacancies = [vacancy('V1')];

    // act
    const [offer] = matchCounty(labourers, vacancies, { today: TODAY }).offers;

    // assess
    expect(offer!.reasons).toEqual([
      'POVERTY: 建档立卡优先',
      'SKILL: 技能匹配: 泥瓦工',
      'PLACE: 意向地: 湖州市',
      'WAGE: 月薪 6000 ≥ 期望 4500',
      'DATE: 2026-02-10 可到岗，2026-02-20 开工',
    ]);
    // skill 40 + wage floor(1500 / 200) = 7 + city 20 + first choice 3
    expect(offer!.fit).toBe(70);
    expect(offer!.fit).toBeLessThanOrEqual(FIT_MAX);
  });

  it('caps the wage surplus so it cannot outweigh skill or place', () => {
    // prepare
    const v = vacancy('V1', { monthlyWage: 50_000 });

    // act
    const fit = pairFit(labourer('L1'), v)!.fit;

    // assess: skill 40 + wage 20 (cap) + city 20 + 3
    expect(fit).toBe(83);
  });
});
