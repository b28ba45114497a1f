import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  matchCounty,
  nonPoorPlaces,
  pairFit,
  type MatchLabourer,
  type MatchVacancy,
} from '../../../functions/domain/matching/index.js';
import { pairLpOptimum } from './lp-reference.js';
import { instanceArb } from './random-instances.js';
import { syntheticCounty } from './synthetic-county.js';

const TODAY = '2026-02-01';

/** The lexicographic optimum (poor placed, total fit) by trying every assignment. */
function bruteForce(labourers: MatchLabourer[], vacancies: MatchVacancy[]): { poor: number; fit: number } {
  const options = labourers.map((l) =>
    vacancies.flatMap((v, j) => {
      const pair = pairFit(l, v, TODAY);
      return pair === undefined ? [] : [{ j, fit: pair.fit }];
    }),
  );
  const used = vacancies.map(() => 0);
  const nonPoorUsed = vacancies.map(() => 0);
  let best = { poor: 0, fit: 0 };
  const visit = (i: number, poor: number, fit: number): void => {
    if (i === labourers.length) {
      if (poor > best.poor || (poor === best.poor && fit > best.fit)) best = { poor, fit };
      return;
    }
    visit(i + 1, poor, fit);
    const l = labourers[i]!;
    for (const { j, fit: f } of options[i]!) {
      const v = vacancies[j]!;
      if (used[j]! >= v.remaining) continue;
      if (!l.poverty && nonPoorUsed[j]! >= nonPoorPlaces(v)) continue;
      used[j]!++;
      if (!l.poverty) nonPoorUsed[j]!++;
      visit(i + 1, poor + (l.poverty ? 1 : 0), fit + f);
      used[j]!--;
      if (!l.poverty) nonPoorUsed[j]!--;
    }
  };
  visit(0, 0, 0);
  return best;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('matchCounty: optimality', () => {
  it('equals the exhaustive optimum on tiny instances: most poor placed, then most fit', () => {
    fc.assert(
      fc.property(instanceArb(6, 3), ({ labourers, vacancies }) => {
        // act
        const result = matchCounty(labourers, vacancies, { today: TODAY });

        // assess
        expect({ poor: result.poorPlaced, fit: result.totalFit }).toEqual(bruteForce(labourers, vacancies));
      }),
      { numRuns: 300 },
    );
  });

  it('equals the LP optimum from HiGHS on random instances of a few hundred labourers', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb(300, 25), async ({ labourers, vacancies }) => {
        // act
        const result = matchCounty(labourers, vacancies, { today: TODAY });
        const lp = await pairLpOptimum(labourers, vacancies, result.povertyWeight, TODAY);

        // assess
        expect(Math.abs(result.objective - lp)).toBeLessThanOrEqual(1e-6 * Math.max(1, lp));
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('equals the LP optimum on synthetic counties where labourers outnumber places', async () => {
    for (const seed of [1, 2, 3]) {
      // prepare
      const county = syntheticCounty({ labourers: 400, postings: 40, openings: 150, seed });

      // act
      const result = matchCounty(county.labourers, county.vacancies, { today: county.today });
      const lp = await pairLpOptimum(county.labourers, county.vacancies, result.povertyWeight, county.today);

      // assess
      expect(result.offers.length).toBeGreaterThan(0);
      expect(Math.abs(result.objective - lp)).toBeLessThanOrEqual(1e-6 * lp);
    }
  }, 60_000);
});

describe('matchCounty: invariants', () => {
  it('keeps capacities, one offer per labourer, feasibility and post quotas', () => {
    fc.assert(
      fc.property(instanceArb(40, 8), ({ labourers, vacancies }) => {
        // act
        const result = matchCounty(labourers, vacancies, { today: TODAY });

        // assess
        const byLabourer = new Map(labourers.map((l) => [l.id, l]));
        const byVacancy = new Map(vacancies.map((v) => [v.id, v]));
        const ids = result.offers.map((o) => o.labourerId);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids, ...result.unmatched].sort()).toEqual(labourers.map((l) => l.id).sort());
        for (const v of vacancies) {
          const at = result.offers.filter((o) => o.vacancyId === v.id);
          expect(at.length).toBeLessThanOrEqual(Math.max(0, v.remaining));
          if (v.kind === 'post') {
            expect(at.filter((o) => !byLabourer.get(o.labourerId)!.poverty).length).toBeLessThanOrEqual(nonPoorPlaces(v));
          }
        }
        for (const o of result.offers) {
          const l = byLabourer.get(o.labourerId)!;
          const pair = pairFit(l, byVacancy.get(o.vacancyId)!, TODAY);
          expect(pair?.fit).toBe(o.fit);
          expect(l.optedOut).toBe(false);
          expect(l.declinedVacancyIds ?? []).not.toContain(o.vacancyId);
          expect(o.reasons.map((r) => r.split(':')[0])).toEqual(expect.arrayContaining(['SKILL', 'WAGE']));
        }
        const poor = result.offers.filter((o) => byLabourer.get(o.labourerId)!.poverty).length;
        expect(result.poorPlaced).toBe(poor);
        expect(result.objective).toBe(poor * result.povertyWeight + result.totalFit);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same plan for the same input, in whatever order it comes', () => {
    fc.assert(
      fc.property(instanceArb(40, 8), fc.integer(), ({ labourers, vacancies }, seed) => {
        // act
        const first = matchCounty(labourers, vacancies, { today: TODAY });
        const again = matchCounty(labourers, vacancies, { today: TODAY });
        const reordered = matchCounty(shuffled(labourers, seed), shuffled(vacancies, seed + 1), { today: TODAY });

        // assess
        expect(again.offers).toEqual(first.offers);
        expect(reordered.offers).toEqual(first.offers);
        expect(reordered.unmatched).toEqual(first.unmatched);
      }),
      { numRuns: 100 },
    );
  });
});
