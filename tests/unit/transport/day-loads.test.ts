import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverTable } from '../../../functions/domain/transport/cover.js';
import { cheapestDayLoads, dayLoadBound } from '../../../functions/domain/transport/day-loads.js';
import { fillDays, searchDayLoads } from '../../../functions/domain/transport/edf-days.js';
import { exactCost } from './brute-force.js';

/** Up to 9 riders over ten days, one pickup; a fleet of 1–3 types. */
const tiny = fc.record({
  riders: fc.array(fc.record({ first: fc.integer({ min: 0, max: 9 }), length: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 9 }),
  fleet: fc.array(fc.record({ seats: fc.integer({ min: 1, max: 5 }), cost: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 3 }),
});

function setUp({ riders, fleet }: { riders: { first: number; length: number }[]; fleet: { seats: number; cost: number }[] }) {
  const windows = riders.map((r) => ({ first: r.first, last: r.first + r.length, pickupRank: 0 }));
  const sorted = [...fleet].sort((a, b) => b.seats - a.seats || a.cost - b.cost).map((v) => ({ ...v, vehicleSeats: v.seats }));
  const exact = exactCost(
    windows.map((w) => ({ earliest: w.first, latest: w.last, pickup: 'P' })),
    sorted,
    1,
  );
  return { windows, cover: new CoverTable(sorted), exact };
}

describe('day loads', () => {
  it('bound the cost of every plan: never above the exhaustive optimum', () => {
    fc.assert(
      fc.property(tiny, (t) => {
        const { windows, cover, exact } = setUp(t);
        expect(dayLoadBound(windows, cover)).toBeLessThanOrEqual(exact + 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('are met by earliest deadline first when they can be: every rider on one day of their window, loads exact', () => {
    fc.assert(
      fc.property(tiny, (t) => {
        const { windows, cover } = setUp(t);
        const { loads } = cheapestDayLoads(windows, cover)!;
        const days = fillDays(windows, loads);
        if (!days) return;
        const seen = new Set<number>();
        for (const [day, members] of days) {
          expect(members).toHaveLength(loads.get(day)!);
          for (const m of members) {
            expect(seen.has(m)).toBe(false);
            seen.add(m);
            expect(windows[m]!.first).toBeLessThanOrEqual(day);
            expect(windows[m]!.last).toBeGreaterThanOrEqual(day);
          }
        }
        expect(seen.size).toBe(windows.length);
      }),
      { numRuns: 500 },
    );
  });

  it('found by the search cost exactly the exhaustive optimum, and earliest deadline first meets them', () => {
    fc.assert(
      fc.property(tiny, (t) => {
        const { windows, cover, exact } = setUp(t);
        const loads = searchDayLoads(windows, (n) => cover.costOf(n), Infinity, 0)!;
        const cost = [...loads.values()].reduce((sum, n) => sum + cover.costOf(n), 0);
        expect(cost).toBeCloseTo(exact, 9);
        expect(fillDays(windows, loads)).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });

  it('found by the search leave a full day alone (the day cap), at a price, or not at all', () => {
    // two riders who may leave on day 0 or 1 and one who must leave on day 1: one van on day 1 is cheapest
    const cover = new CoverTable([{ seats: 3, vehicleSeats: 3, cost: 10 }]);
    const windows = [
      { first: 0, last: 1, pickupRank: 0 },
      { first: 0, last: 1, pickupRank: 0 },
      { first: 1, last: 1, pickupRank: 0 },
    ];
    expect(searchDayLoads(windows, (n) => cover.costOf(n), Infinity, 0)).toEqual(new Map([[1, 3]]));
    expect(searchDayLoads(windows, (n) => cover.costOf(n), Infinity, 0, undefined, (day, n) => day === 0 || n <= 1)).toEqual(
      new Map([
        [0, 2],
        [1, 1],
      ]),
    );
    expect(searchDayLoads(windows, (n) => cover.costOf(n), Infinity, 0, undefined, (day) => day === 0)).toBeUndefined();
  });

  it('keep apart what the windows force onto separate days: 34, 42 and 31 riders need three buses, not two and a van', () => {
    // fleet: 45 seats for 100, 19 for 55, 7 for 30; riders who must leave on day 0, on day 5, on day 9
    const cover = new CoverTable([
      { seats: 45, vehicleSeats: 45, cost: 100 },
      { seats: 19, vehicleSeats: 19, cost: 55 },
      { seats: 7, vehicleSeats: 7, cost: 30 },
    ]);
    const windows = [
      ...Array.from({ length: 34 }, () => ({ first: 0, last: 0 })),
      ...Array.from({ length: 42 }, () => ({ first: 5, last: 5 })),
      ...Array.from({ length: 31 }, () => ({ first: 9, last: 9 })),
    ];
    expect(dayLoadBound(windows, cover)).toBe(300);
  });
});
