import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arcEnumerator } from '../../../functions/domain/matching/class-arcs.js';
import { pairFit } from '../../../functions/domain/matching/feasibility.js';
import { classifyLabourers } from '../../../functions/domain/matching/labourer-classes.js';
import { indexMarket } from '../../../functions/domain/matching/market.js';
import { groupVacancies } from '../../../functions/domain/matching/vacancy-groups.js';
import { instanceArb } from './random-instances.js';

const TODAY = '2026-02-01';

describe('labourer classes and their arcs', () => {
  it('give every member exactly the feasible vacancies and fits that pairFit gives', () => {
    fc.assert(
      fc.property(instanceArb(30, 8), ({ labourers, vacancies }) => {
        // prepare
        const declined = new Set(labourers.filter((l) => !l.optedOut).flatMap((l) => l.declinedVacancyIds ?? []));
        const { groups, nodes, openIds } = groupVacancies(vacancies, declined, TODAY);
        const market = indexMarket(groups);

        // act
        const { classes, optedOut } = classifyLabourers(labourers, market, openIds);
        const enumerator = arcEnumerator(classes, market);

        // assess: per member, (vacancy node, fit) from the class equals the pair-level rules
        const bufNode = new Int32Array(enumerator.maxArcs);
        const bufFit = new Int32Array(enumerator.maxArcs);
        expect(classes.reduce((n, c) => n + c.members.length, 0) + optedOut.length).toBe(labourers.length);
        classes.forEach((cls, c) => {
          const k = enumerator.arcsOf(c, bufNode, bufFit);
          const fromClass = Array.from({ length: k }, (_, i) => `${bufNode[i]}:${bufFit[i]}`).sort();
          for (const member of cls.members) {
            const fromPairs = groups
              .flatMap((g) => {
                const pair = pairFit(member, g.members[0]!, TODAY);
                if (pair === undefined) return [];
                return [g.anyoneNode, member.poverty ? g.poorOnlyNode : -1].filter((n) => n >= 0).map((n) => `${n}:${pair.fit}`);
              })
              .sort();
            expect(fromClass).toEqual(fromPairs);
          }
        });
        expect(nodes.every((n) => n.capacity > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('bound bar − fit from below for every arc of a class, so pricing may skip the class', () => {
    fc.assert(
      fc.property(instanceArb(30, 8), fc.array(fc.integer({ min: -50, max: 200 }), { minLength: 64, maxLength: 64 }), ({ labourers, vacancies }, bars) => {
        // prepare
        const { groups, nodes, openIds } = groupVacancies(vacancies, new Set(), TODAY);
        const market = indexMarket(groups);
        const { classes } = classifyLabourers(labourers, market, openIds);
        const enumerator = arcEnumerator(classes, market);
        const bar = Float64Array.from(nodes, (_, v) => bars[v % bars.length]!);

        // act
        const lowest = new Float64Array(classes.length);
        enumerator.lowestMargins(bar, lowest);

        // assess: no arc of the class is undervalued at any offset up to the bound
        const bufNode = new Int32Array(enumerator.maxArcs);
        const bufFit = new Int32Array(enumerator.maxArcs);
        classes.forEach((_, c) => {
          const k = enumerator.arcsOf(c, bufNode, bufFit);
          let exact = Infinity;
          for (let i = 0; i < k; i++) exact = Math.min(exact, bar[bufNode[i]!]! - bufFit[i]!);
          expect(lowest[c]).toBeLessThanOrEqual(exact);
          if (lowest[c]! > -Infinity && k > 0) expect(enumerator.arcsOf(c, bufNode, bufFit, bar, lowest[c]!)).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });
});
