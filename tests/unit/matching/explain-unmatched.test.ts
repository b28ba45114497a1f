// The reason a run gives each labourer it left out is the first that holds, checked against a reference
// that applies feasibility.ts's rules to every (labourer, vacancy) pair.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  datesFit,
  placeMatch,
  residencyFits,
  skillMatch,
  vacancyOpen,
  wageFits,
} from '../../../functions/domain/matching/feasibility.js';
import { explainUnmatched, matchCounty, UNMATCHED_REASON_LABELS, UNMATCHED_REASONS, type MatchLabourer, type MatchVacancy, type UnmatchedReason } from '../../../functions/domain/matching/index.js';
import { labourer, NANSHAN, QINGCHUAN, vacancy } from './builders.js';
import { instanceArb } from './random-instances.js';

const TODAY = '2026-02-12';

/** The definition, pair by pair. */
function referenceReason(l: MatchLabourer, vacancies: readonly MatchVacancy[], today: string): UnmatchedReason {
  if (l.optedOut) return 'opted_out';
  const existing = vacancies.filter((v) => vacancyOpen({ ...v, remaining: 1 }, today));
  if (!l.canTravel && !existing.some((v) => v.county === l.homeCounty)) return 'cannot_travel_no_local_job';
  const trade = existing.filter((v) => skillMatch(l.skills, v.skills) && placeMatch(l, v.county) && residencyFits(v, l.homeCounty));
  if (trade.length === 0) return 'no_trade_in_destinations';
  const paid = trade.filter((v) => wageFits(v.monthlyWage, l.expectedWage));
  if (paid.length === 0) return 'wage_above_vacancies';
  const timely = paid.filter((v) => datesFit(l.availableFrom, v.startDate));
  if (timely.length === 0) return 'available_after_start';
  if (timely.every((v) => l.declinedVacancyIds?.includes(v.id))) return 'declined_before';
  return 'vacancies_full';
}

describe('explainUnmatched', () => {
  it('names each reason in its order on hand-made cases', () => {
    const vacancies = [
      vacancy('V1', { skills: ['泥瓦工'], monthlyWage: 5000, startDate: '2026-02-20', remaining: 0 }),
      vacancy('V2', { skills: ['电工'], monthlyWage: 9000, startDate: '2026-03-01', county: NANSHAN }),
      vacancy('V0', { startDate: '2026-02-01' }), // started: gone
    ];
    const cases: [MatchLabourer, UnmatchedReason][] = [
      [labourer('A', { optedOut: true, canTravel: false }), 'opted_out'],
      [labourer('B', { canTravel: false }), 'cannot_travel_no_local_job'],
      [labourer('C', { skills: ['木工'] }), 'no_trade_in_destinations'],
      [labourer('D', { skills: ['电工'], destinations: ['3305'] }), 'no_trade_in_destinations'],
      [labourer('E', { expectedWage: 5500 }), 'wage_above_vacancies'],
      [labourer('F', { availableFrom: '2026-02-21' }), 'available_after_start'],
      [labourer('G', { declinedVacancyIds: ['V1'] }), 'declined_before'],
      [labourer('H'), 'vacancies_full'],
      [labourer('I', { skills: ['电工'], destinations: ['44'], availableFrom: '2026-02-25', expectedWage: 8000 }), 'vacancies_full'],
    ];
    const reasons = explainUnmatched(cases.map(([l]) => l), vacancies, { today: TODAY });
    expect(Object.fromEntries(reasons)).toEqual(Object.fromEntries(cases.map(([l, r]) => [l.id, r])));
  });

  it('a labourer who cannot travel, with a local post of another trade, has no trade there', () => {
    const post = vacancy('P', { kind: 'post', county: QINGCHUAN, skills: ['保洁'] });
    const reasons = explainUnmatched([labourer('A', { canTravel: false })], [post], { today: TODAY });
    expect(reasons.get('A')).toBe('no_trade_in_destinations');
  });

  it('agrees with the pair-by-pair definition for every labourer a run leaves out', () => {
    fc.assert(
      fc.property(instanceArb(30, 8), ({ labourers, vacancies }) => {
        const { unmatched } = matchCounty(labourers, vacancies, { today: TODAY });
        const left = labourers.filter((l) => unmatched.includes(l.id));
        const reasons = explainUnmatched(left, vacancies, { today: TODAY });
        for (const l of left) expect(reasons.get(l.id), l.id).toBe(referenceReason(l, vacancies, TODAY));
      }),
      { numRuns: 300 },
    );
  });

  it('has a Chinese label for every reason', () => {
    for (const r of UNMATCHED_REASONS) expect(UNMATCHED_REASON_LABELS[r]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('explains a county of 100,000 labourers against 2,000 vacancies in well under a few seconds', () => {
    const skills = ['泥瓦工', '电工', '木工', '焊工', '普工', '保洁'];
    const places = ['3305', '4403', '44', '33', '510822', '3201'];
    const counties = ['330502', '330503', '440305', '440306', '510822', '320102'];
    const vacancies = Array.from({ length: 2000 }, (_, i) =>
      vacancy(`V${String(i).padStart(5, '0')}`, {
        county: counties[i % counties.length]!,
        skills: [skills[i % skills.length]!],
        monthlyWage: 3000 + (i % 40) * 100,
        startDate: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        remaining: 0,
      }),
    );
    const labourers = Array.from({ length: 100_000 }, (_, i) =>
      labourer(`L${i}`, {
        skills: [skills[(i * 7) % skills.length]!],
        destinations: [places[i % places.length]!, places[(i >> 3) % places.length]!],
        canTravel: i % 11 !== 0,
        expectedWage: 3000 + (i % 50) * 100,
        availableFrom: `2026-03-${String(1 + (i % 30)).padStart(2, '0')}`,
      }),
    );
    const started = performance.now();
    const reasons = explainUnmatched(labourers, vacancies, { today: TODAY });
    expect(reasons.size).toBe(labourers.length);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
