import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTrips, seatsPerBus, type PlanOptions, type Traveller } from '../../../functions/domain/transport/index.js';
import { day, violations } from './helpers.js';

const ORIGINS = ['522422', '510105', '431127'];
const CITIES = ['4403', '4419', '3301'];

/** Travellers over 3 × 3 routes and three weeks, some with empty or unreadable windows; unique ids. */
const travellers = fc
  .array(
    fc.record({
      origin: fc.constantFrom(...ORIGINS),
      city: fc.constantFrom(...CITIES),
      earliest: fc.integer({ min: 0, max: 20 }),
      length: fc.integer({ min: -2, max: 12 }),
      unreadable: fc.integer({ min: 0, max: 40 }).map((n) => n === 0),
    }),
    { maxLength: 150 },
  )
  .map((rows) =>
    rows.map(
      (r, i): Traveller => ({
        labourerId: `L${String(i).padStart(3, '0')}`,
        originCounty: r.origin,
        destinationCity: r.city,
        earliest: day(r.earliest),
        latest: r.unreadable ? 'not-a-date' : day(r.earliest + r.length),
      }),
    ),
  );

const options: fc.Arbitrary<PlanOptions> = fc.record(
  {
    capacity: fc.integer({ min: 1, max: 12 }),
    loadFactor: fc.constantFrom(1, 0.5, 0.4),
    maxDeparturesPerDay: fc.integer({ min: 0, max: 3 }),
  },
  { requiredKeys: ['capacity'] },
);

describe('planTrips properties', () => {
  it('puts every planned traveller on exactly one bus, within seats, windows and the day cap', () => {
    fc.assert(
      fc.property(travellers, options, (input, opts) => {
        // act
        const plan = planTrips(input, opts);

        // assess
        expect(violations(input, plan, seatsPerBus(opts), opts)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('accounts for everyone: planned + unplanned = all, and unplanned only for a reason', () => {
    fc.assert(
      fc.property(travellers, options, (input, opts) => {
        // act
        const plan = planTrips(input, opts);

        // assess
        const planned = plan.trips.reduce((sum, t) => sum + t.passengers.length, 0);
        expect(planned + plan.unplanned.length).toBe(input.length);
        const emptyWindow = input.filter((t) => !(t.latest >= t.earliest) || t.latest === 'not-a-date').map((t) => t.labourerId);
        expect(plan.unplanned.filter((u) => u.reason === 'empty-window').map((u) => u.labourerId)).toEqual(emptyWindow.sort());
        if (opts.maxDeparturesPerDay === undefined) expect(plan.unplanned.every((u) => u.reason === 'empty-window')).toBe(true);
        expect(plan.groups.reduce((sum, g) => sum + g.passengers, 0)).toBe(planned);
        expect(plan.groups.reduce((sum, g) => sum + g.buses, 0)).toBe(plan.buses);
      }),
      { numRuns: 300 },
    );
  });

  it('meets the lower bound in every group whose windows share a day, without a cap', () => {
    // prepare: each route's windows all contain that route's common day
    const sharing = fc
      .array(
        fc.record({
          route: fc.integer({ min: 0, max: 8 }),
          before: fc.integer({ min: 0, max: 6 }),
          after: fc.integer({ min: 0, max: 6 }),
        }),
        { minLength: 1, maxLength: 200 },
      )
      .map((rows) =>
        rows.map(
          (r, i): Traveller => ({
            labourerId: `L${String(i).padStart(3, '0')}`,
            originCounty: ORIGINS[r.route % 3]!,
            destinationCity: CITIES[Math.floor(r.route / 3)]!,
            earliest: day(10 + r.route - r.before),
            latest: day(10 + r.route + r.after),
          }),
        ),
      );

    fc.assert(
      fc.property(sharing, fc.integer({ min: 1, max: 10 }), (input, capacity) => {
        // act
        const plan = planTrips(input, { capacity });

        // assess
        for (const g of plan.groups) expect(g.buses).toBe(g.lowerBound);
        expect(plan.gap).toBe(0);
        expect(plan.unplanned).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('is unchanged by a cap that never binds', () => {
    fc.assert(
      fc.property(travellers, fc.integer({ min: 1, max: 12 }), (input, capacity) => {
        // prepare
        const free = planTrips(input, { capacity });
        const perDay = new Map<string, number>();
        for (const t of free.trips) perDay.set(`${t.origin} ${t.date}`, (perDay.get(`${t.origin} ${t.date}`) ?? 0) + 1);
        const loosest = Math.max(0, ...perDay.values());

        // act
        const capped = planTrips(input, { capacity, maxDeparturesPerDay: loosest });

        // assess
        expect(capped).toEqual(free);
      }),
      { numRuns: 200 },
    );
  });

  it('never uses more buses per group than one per traveller, nor fewer than the lower bound', () => {
    fc.assert(
      fc.property(travellers, options, (input, opts) => {
        // act
        const plan = planTrips(input, opts);

        // assess
        for (const g of plan.groups) {
          expect(g.buses).toBeGreaterThanOrEqual(g.lowerBound);
          expect(g.buses).toBeLessThanOrEqual(g.passengers);
          expect(g.lowerBound).toBe(Math.ceil(g.passengers / seatsPerBus(opts)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
