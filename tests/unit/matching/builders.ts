// Small builders for matching tests: a labourer from 青川县 and a job in 湖州 unless told otherwise.
import type { MatchLabourer, MatchVacancy } from '../../../functions/domain/matching/index.js';

export const QINGCHUAN = '510822'; // 四川省 广元市 青川县
export const WUXING = '330502'; // 浙江省 湖州市 吴兴区
export const NANXUN = '330503'; // 浙江省 湖州市 南浔区
export const NANSHAN = '440305'; // 广东省 深圳市 南山区

export function labourer(id: string, overrides: Partial<MatchLabourer> = {}): MatchLabourer {
  return {
    id,
    homeCounty: QINGCHUAN,
    skills: ['泥瓦工'],
    destinations: ['3305'],
    canTravel: true,
    expectedWage: 4500,
    poverty: false,
    optedOut: false,
    registeredAt: `2026-01-01T00:00:00.000Z`,
    ...overrides,
  };
}

export function vacancy(id: string, overrides: Partial<MatchVacancy> = {}): MatchVacancy {
  const openings = overrides.openings ?? 1;
  return {
    id,
    kind: 'job',
    county: WUXING,
    skills: ['泥瓦工'],
    monthlyWage: 6000,
    startDate: '2026-02-20',
    openings,
    remaining: openings,
    ...overrides,
  };
}
