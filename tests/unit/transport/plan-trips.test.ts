import { describe, expect, it } from 'vitest';
import { planTrips, type Traveller } from '../../../functions/domain/transport/index.js';
import { crowd, day, traveller, violations } from './helpers.js';

describe('planTrips without a day cap', () => {
  it('meets the lower bound when every window of a group shares a day', () => {
    // prepare: 100 travellers, windows of different lengths all containing day 5
    const travellers = Array.from({ length: 100 }, (_, i) => traveller(`L${String(i).padStart(3, '0')}`, i % 6, 5 + (i % 9)));

    // act
    const plan = planTrips(travellers, {});

    // assess
    expect(plan.buses).toBe(3);
    expect(plan.lowerBound).toBe(3);
    expect(plan.gap).toBe(0);
    expect(plan.groups).toEqual([{ origin: '522422', destination: '4403', passengers: 100, lowerBound: 3, buses: 3 }]);
    expect(violations(travellers, plan, 45, {})).toEqual([]);
  });

  it('needs two buses for two travellers whose windows do not meet', () => {
    // prepare
    const travellers = [traveller('A', 0, 1), traveller('B', 3, 4)];

    // act
    const plan = planTrips(travellers, {});

    // assess
    expect(plan.trips).toEqual([
      { origin: '522422', destination: '4403', date: day(0), passengers: ['A'] },
      { origin: '522422', destination: '4403', date: day(3), passengers: ['B'] },
    ]);
    expect(plan.lowerBound).toBe(1);
    expect(plan.gap).toBe(1);
    expect(plan.waitingDays).toBe(0);
  });

  it('finds the fewest buses when greedy-by-start would need more', () => {
    // prepare: a bus on day 0 for the early pair would leave C and D needing two buses
    const travellers = [traveller('A', 0, 2), traveller('B', 0, 5), traveller('C', 2, 2), traveller('D', 5, 5)];

    // act
    const plan = planTrips(travellers, { capacity: 2 });

    // assess: {A, C} on day 2 and {B, D} on day 5
    expect(plan.buses).toBe(2);
    expect(plan.trips.map((t) => [t.date, t.passengers])).toEqual([
      [day(2), ['A', 'C']],
      [day(5), ['B', 'D']],
    ]);
  });

  it('seats floor(capacity × loadFactor): 45 × 0.4 = 18 under distancing', () => {
    // prepare
    const exactly = crowd('P', 36, 0, 3);
    const oneMore = crowd('P', 37, 0, 3);

    // act
    const full = planTrips(exactly, { loadFactor: 0.4 });
    const over = planTrips(oneMore, { loadFactor: 0.4 });

    // assess
    expect(full.buses).toBe(2);
    expect(full.trips.map((t) => t.passengers.length)).toEqual([18, 18]);
    expect(over.buses).toBe(3);
    expect(over.lowerBound).toBe(3);
    expect(Math.max(...over.trips.map((t) => t.passengers.length))).toBe(18);
  });

  it('leaves as early as every passenger allows', () => {
    // prepare
    const travellers = [traveller('A', 2, 9), traveller('B', 4, 9), traveller('C', 1, 9)];

    // act
    const plan = planTrips(travellers, {});

    // assess: the bus waits for B (day 4), not for the deadline (day 9)
    expect(plan.trips).toEqual([{ origin: '522422', destination: '4403', date: day(4), passengers: ['A', 'B', 'C'] }]);
    expect(plan.waitingDays).toBe(2 + 0 + 3);
  });

  it('spends no waiting where a fuller first bus would cost some', () => {
    // prepare: filling the day-5 bus with C and A would make A wait 5 days
    const travellers = [traveller('A', 0, 10), traveller('B', 0, 10), traveller('C', 5, 5)];

    // act
    const plan = planTrips(travellers, { capacity: 2 });

    // assess
    expect(plan.trips.map((t) => [t.date, t.passengers])).toEqual([
      [day(0), ['A', 'B']],
      [day(5), ['C']],
    ]);
    expect(plan.waitingDays).toBe(0);
  });

  it('keeps origins and destinations apart, one group each', () => {
    // prepare
    const travellers = [
      traveller('A', 0, 3),
      traveller('B', 0, 3, { destinationCity: '4419' }),
      traveller('C', 0, 3, { originCounty: '510105' }),
      traveller('D', 0, 3),
    ];

    // act
    const plan = planTrips(travellers, {});

    // assess: sorted by origin, then destination
    expect(plan.trips.map((t) => `${t.origin}→${t.destination}:${t.passengers.join(',')}`)).toEqual([
      '510105→4403:C',
      '522422→4403:A,D',
      '522422→4419:B',
    ]);
    expect(plan.groups.map((g) => [g.origin, g.destination, g.passengers])).toEqual([
      ['510105', '4403', 1],
      ['522422', '4403', 2],
      ['522422', '4419', 1],
    ]);
  });
});

describe('planTrips with a day cap', () => {
  it('spreads the buses of one county over days when the cap is 1', () => {
    // prepare: 90 travellers who could all leave on day 0
    const travellers = crowd('P', 90, 0, 5);

    // act
    const plan = planTrips(travellers, { maxDeparturesPerDay: 1 });

    // assess: one bus on day 0, one on day 1
    expect(plan.trips.map((t) => [t.date, t.passengers.length])).toEqual([
      [day(0), 45],
      [day(1), 45],
    ]);
    expect(plan.gap).toBe(0);
    expect(plan.waitingDays).toBe(45);
    expect(plan.unplanned).toEqual([]);
  });

  it('makes the groups of one county share the cap, but not other counties', () => {
    // prepare
    const travellers = [
      ...crowd('A', 10, 0, 2, { destinationCity: '4403' }),
      ...crowd('B', 10, 0, 2, { destinationCity: '4419' }),
      ...crowd('C', 10, 0, 2, { originCounty: '510105' }),
    ];

    // act
    const plan = planTrips(travellers, { maxDeparturesPerDay: 1 });

    // assess
    expect(plan.trips.map((t) => `${t.origin}→${t.destination} ${t.date}`)).toEqual([
      `510105→4403 ${day(0)}`,
      `522422→4403 ${day(0)}`,
      `522422→4419 ${day(1)}`,
    ]);
    expect(violations(travellers, plan, 45, { maxDeparturesPerDay: 1 })).toEqual([]);
  });

  it('reports travellers the cap leaves without a bus, keeping the most it can', () => {
    // prepare: day 0 can take one bus; 46 people must leave that day, in two groups
    const travellers = [
      ...crowd('A', 45, 0, 2, { destinationCity: '4403' }),
      traveller('Arigid', 0, 0, { destinationCity: '4403' }),
      ...crowd('B', 45, 0, 0, { destinationCity: '4419' }),
    ];

    // act
    const plan = planTrips(travellers, { maxDeparturesPerDay: 1 });

    // assess: B's full bus takes day 0, A's 45 flexible travellers day 1, one rigid traveller is left
    expect(plan.unplanned).toEqual([{ labourerId: 'Arigid', reason: 'day-cap' }]);
    expect(plan.trips.map((t) => [t.destination, t.date, t.passengers.length])).toEqual([
      ['4403', day(1), 45],
      ['4419', day(0), 45],
    ]);
    expect(violations(travellers, plan, 45, { maxDeparturesPerDay: 1 })).toEqual([]);
  });

  it('moves a bus earlier inside its passengers’ windows to make room', () => {
    // prepare: C can only leave on day 3; A and B could leave together on day 2 or 3
    const travellers = [traveller('A', 0, 3), traveller('B', 2, 3), traveller('C', 3, 3, { destinationCity: '4419' })];

    // act
    const plan = planTrips(travellers, { maxDeparturesPerDay: 1 });

    // assess
    expect(plan.trips.map((t) => [t.destination, t.date, t.passengers])).toEqual([
      ['4403', day(2), ['A', 'B']],
      ['4419', day(3), ['C']],
    ]);
  });

  it('splits a bus onto other days, at the cost of a bus, rather than strand someone', () => {
    // prepare: without a cap A–D share one bus on day 1; E can only leave on day 1
    const travellers = [
      traveller('A', 0, 1),
      traveller('B', 0, 1),
      traveller('C', 1, 2),
      traveller('D', 1, 2),
      traveller('E', 1, 1, { destinationCity: '4419' }),
    ];

    // act
    const uncapped = planTrips(travellers, { capacity: 4 });
    const capped = planTrips(travellers, { capacity: 4, maxDeparturesPerDay: 1 });

    // assess
    expect(uncapped.buses).toBe(2);
    expect(capped.unplanned).toEqual([]);
    expect(capped.trips.map((t) => [t.destination, t.date, t.passengers])).toEqual([
      ['4403', day(0), ['A', 'B']],
      ['4403', day(2), ['C', 'D']],
      ['4419', day(1), ['E']],
    ]);
    expect(capped.gap).toBe(1);
  });

  it('plans nobody when the cap is 0', () => {
    // prepare
    const travellers = crowd('P', 3, 0, 1);

    // act
    const plan = planTrips(travellers, { maxDeparturesPerDay: 0 });

    // assess
    expect(plan.trips).toEqual([]);
    expect(plan.unplanned.map((u) => u.reason)).toEqual(['day-cap', 'day-cap', 'day-cap']);
  });
});

describe('planTrips on bad input', () => {
  it('reports empty and invalid windows instead of dropping them', () => {
    // prepare
    const travellers: Traveller[] = [
      traveller('late', 3, 1),
      { ...traveller('bad-date', 0, 1), latest: '2027-02-30' },
      { ...traveller('garbage', 0, 1), earliest: 'soon' },
      traveller('fine', 0, 1),
    ];

    // act
    const plan = planTrips(travellers, {});

    // assess
    expect(plan.unplanned).toEqual([
      { labourerId: 'bad-date', reason: 'empty-window' },
      { labourerId: 'garbage', reason: 'empty-window' },
      { labourerId: 'late', reason: 'empty-window' },
    ]);
    expect(plan.trips.map((t) => t.passengers)).toEqual([['fine']]);
    expect(plan.groups).toEqual([{ origin: '522422', destination: '4403', passengers: 1, lowerBound: 1, buses: 1 }]);
  });

  it('normalises options rather than failing', () => {
    // prepare
    const travellers = crowd('P', 50, 0, 0);

    // act
    const zeroCapacity = planTrips(travellers, { capacity: 0 });
    const tinyLoad = planTrips(travellers.slice(0, 3), { loadFactor: 0.001 });
    const nanCap = planTrips(travellers, { maxDeparturesPerDay: Number.NaN });
    const fractionalCap = planTrips(travellers, { maxDeparturesPerDay: 1.7 });

    // assess
    expect(zeroCapacity.buses).toBe(2); // default 45 seats
    expect(tinyLoad.buses).toBe(3); // at least one seat a bus
    expect(nanCap.buses).toBe(2); // no cap
    expect(fractionalCap.buses).toBe(1); // cap 1
    expect(fractionalCap.unplanned).toHaveLength(5);
  });

  it('plans nothing for nobody', () => {
    // act
    const plan = planTrips([], { maxDeparturesPerDay: 3 });

    // assess
    expect(plan).toEqual({ trips: [], buses: 0, lowerBound: 0, gap: 0, waitingDays: 0, unplanned: [], groups: [] });
  });

  it('gives the same plan whatever the input order', () => {
    // prepare
    const travellers = Array.from({ length: 60 }, (_, i) =>
      traveller(`L${String(i).padStart(2, '0')}`, i % 4, 3 + (i % 5), { destinationCity: i % 3 ? '4403' : '4419' }),
    );
    const shuffled = [...travellers].reverse();
    shuffled.push(shuffled.shift()!);

    // act
    const a = planTrips(travellers, { capacity: 7, maxDeparturesPerDay: 2 });
    const b = planTrips(shuffled, { capacity: 7, maxDeparturesPerDay: 2 });

    // assess
    expect(b).toEqual(a);
  });
});
