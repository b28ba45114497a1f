import { describe, expect, it } from 'vitest';
import { planTrips, type Traveller } from '../../../functions/domain/transport/index.js';
import { crowd, day, directOffset, traveller, violations } from './helpers.js';

const SHENZHEN = '4403';
const DONGGUAN = '4419';
const HANGZHOU = '3301';
const ORIGIN = '522626';

describe('planTrips: when vehicles leave', () => {
  it('brings a job starting in three weeks the day before its start, not tomorrow', () => {
    // prepare: free from today (day 0), the job in Shenzhen starts on day 21
    const travellers = crowd('A', 30, 0, 21);
    const travel = directOffset(ORIGIN, SHENZHEN);

    // act
    const plan = planTrips(travellers, {});

    // assess
    expect(travel).toBe(1);
    expect(plan.trips).toHaveLength(1);
    expect(plan.trips[0]).toMatchObject({ date: day(19), arrivalDate: day(20), departureTime: '07:30' });
    expect(plan.earlyDays).toBe(0);
    expect(violations(travellers, plan, {})).toEqual([]);
  });

  it('arrives on the start day only when no earlier arrival is possible, and not at all when even that is too late', () => {
    // prepare: free today, starting tomorrow (one travel day: leave today, arrive tomorrow); or today
    const travellers = [traveller('tight', 0, 1), traveller('late', 0, 0)];

    // act
    const plan = planTrips(travellers, {});

    // assess
    expect(plan.trips.map((t) => [t.passengers, t.date, t.arrivalDate])).toEqual([[['tight'], day(0), day(1)]]);
    expect(plan.unplanned).toEqual([{ labourerId: 'late', reason: 'empty-window' }]);
  });

  it('leaves no earlier than availableFrom, and inside departFrom…departTo', () => {
    // prepare: one is free from day 10 only; the county charters from day 5 to day 12
    const travellers = [traveller('free', 0, 30), traveller('later', 10, 30)];
    const options = { departFrom: day(5), departTo: day(12) };

    // act
    const plan = planTrips(travellers, options);

    // assess: both can leave on day 12, the last chartered day, the closest to their start
    expect(plan.trips.map((t) => [t.date, t.passengers])).toEqual([[day(12), ['free', 'later']]]);
    expect(violations(travellers, plan, options)).toEqual([]);
  });

  it('leaves only on the batch days when the county gives them (分批有序错峰)', () => {
    // prepare: three full vehicles' worth (sharing one would not save a vehicle)
    const travellers = [...crowd('a', 10, 0, 9), ...crowd('b', 10, 0, 20), ...crowd('c', 10, 0, 4)];
    const options = { fleet: [{ seats: 10, cost: 1 }], departureDates: [day(15), day(2), day(7)] };

    // act
    const plan = planTrips(travellers, options);

    // assess: c must leave day 2; a day 7 (arrives day 8); b day 15
    expect(plan.trips.map((t) => [t.date, t.passengers[0]])).toEqual([
      [day(2), 'c000'],
      [day(7), 'a000'],
      [day(15), 'b000'],
    ]);
    expect(violations(travellers, plan, options)).toEqual([]);
  });

  it('spreads departures under the day cap', () => {
    // prepare: three full coaches' worth, all starting on day 10, at most one departure a day
    const travellers = crowd('C', 150, 0, 10);
    const options = { fleet: [{ seats: 50, cost: 100 }], maxDeparturesPerDay: 1 };

    // act
    const plan = planTrips(travellers, options);

    // assess: days 8, 7 and 6 (the nearest the start)
    expect(plan.trips.map((t) => t.date)).toEqual([day(6), day(7), day(8)]);
    expect(violations(travellers, plan, options)).toEqual([]);
  });
});

describe('planTrips: which vehicles', () => {
  it('sends three passengers in a van, never a 45-seat coach', () => {
    // act
    const plan = planTrips(crowd('V', 3, 0, 10), {});

    // assess
    expect(plan.trips).toHaveLength(1);
    expect(plan.trips[0]).toMatchObject({ vehicleSeats: 7, seats: 7, cost: 30 });
    expect(plan).toMatchObject({ cost: 30, vehicles: 1, lowerBound: 30, gap: 0 });
  });

  it('takes the cheapest mix for a crowd: 100 people in two 53-seat coaches', () => {
    // act
    const plan = planTrips(crowd('M', 100, 0, 10), {});

    // assess
    expect(plan.trips.map((t) => t.vehicleSeats)).toEqual([53, 53]);
    expect(plan).toMatchObject({ cost: 230, lowerBound: 230, gap: 0 });
  });

  it('seats floor(seats × loadFactor) under the 2020 rule', () => {
    // act: a 45-seat coach at half load carries 22
    const plan = planTrips(crowd('H', 23, 0, 10), { fleet: [{ seats: 45, cost: 100 }], loadFactor: 0.5 });

    // assess
    expect(plan.trips.map((t) => [t.vehicleSeats, t.seats, t.passengers.length])).toEqual([
      [45, 22, 22],
      [45, 22, 1],
    ]);
  });

  it('keeps the season-1 meaning of capacity alone: one bus type, cost 1 a bus', () => {
    // act
    const plan = planTrips(crowd('S', 5, 0, 10), { capacity: 45, loadFactor: 0.05 });

    // assess
    expect(plan).toMatchObject({ buses: 3, cost: 3, lowerBound: 3, gap: 0 });
  });
});

describe('planTrips: stops and corridors', () => {
  it('lets small groups to Shenzhen and Dongguan share one vehicle, nearer drop first', () => {
    // prepare
    const travellers = [...crowd('SZ', 2, 0, 10), ...crowd('DG', 2, 0, 10, { destinationCity: DONGGUAN })];

    // act
    const shared = planTrips(travellers, {});
    const strict = planTrips(travellers, { maxDrops: 1 });

    // assess
    expect(shared.trips).toHaveLength(1);
    expect(shared.trips[0]!.stops.filter((s) => s.kind === 'drop').map((s) => s.code)).toEqual([DONGGUAN, SHENZHEN]);
    expect(shared.groups).toHaveLength(1);
    expect(strict.trips).toHaveLength(2);
    expect(violations(travellers, shared, {})).toEqual([]);
  });

  it('never shares a vehicle between destinations far apart', () => {
    // prepare
    const travellers = [...crowd('SZ', 2, 0, 10), ...crowd('HZ', 2, 0, 10, { destinationCity: HANGZHOU })];

    // act
    const plan = planTrips(travellers, {});

    // assess
    expect(plan.trips.map((t) => t.destination).sort()).toEqual([HANGZHOU, SHENZHEN]);
  });

  it('stops at up to maxStops pickups in route order, 30 minutes apart', () => {
    // prepare: four townships along the road 南 → 北; the county lists them in that order
    const at = (name: string, i: number): Traveller => traveller(`${name}${i}`, 0, 10, { pickup: { code: name, name: `${name}镇` } });
    const travellers = ['D', 'B', 'A', 'C'].flatMap((p) => [at(p, 1), at(p, 2)]);
    const options = { pickupOrder: ['D', 'C', 'B', 'A'], maxStops: 3 };

    // act
    const plan = planTrips(travellers, options);

    // assess
    expect(violations(travellers, plan, options)).toEqual([]);
    const pickups = plan.trips.map((t) => t.stops.filter((s) => s.kind === 'pickup').map((s) => `${s.code}@${s.time}`));
    expect(pickups.flat()).toHaveLength(4);
    for (const stops of pickups) {
      const order = stops.map((s) => options.pickupOrder.indexOf(s[0]!));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(stops[0]).toMatch(/@07:30$/);
      if (stops[1]) expect(stops[1]).toMatch(/@08:00$/);
    }
  });

  it('uses the default pickup for travellers without one', () => {
    // act
    const plan = planTrips(crowd('P', 2, 0, 10), { defaultPickup: { name: '岑巩县汽车客运站' } });

    // assess
    expect(plan.trips[0]!.stops[0]).toEqual({ kind: 'pickup', name: '岑巩县汽车客运站', time: '07:30' });
    expect(plan.trips[0]!.riders.map((r) => r.pickup)).toEqual(['岑巩县汽车客运站', '岑巩县汽车客运站']);
  });
});

describe('planTrips on bad input', () => {
  it('sets aside unreadable dates and plans the rest', () => {
    // prepare
    const travellers = [traveller('ok', 0, 10), { ...traveller('bad', 0, 10), latest: '2027-02-30' }];

    // act
    const plan = planTrips(travellers, {});

    // assess
    expect(plan.unplanned).toEqual([{ labourerId: 'bad', reason: 'empty-window' }]);
    expect(plan.trips.flatMap((t) => t.passengers)).toEqual(['ok']);
  });

  it('normalises nonsense options instead of failing', () => {
    // prepare
    const travellers = crowd('N', 4, 0, 10);

    // act
    const plans = [
      planTrips(travellers, { fleet: [{ seats: 0, cost: 1 }] }),
      planTrips(travellers, { loadFactor: 0.001 }),
      planTrips(travellers, { maxStops: 0, maxDrops: Number.NaN, maxDeparturesPerDay: 1.7 }),
      planTrips([], { maxDeparturesPerDay: 3 }),
    ];

    // assess
    for (const plan of plans) expect(plan.gap).toBeGreaterThanOrEqual(0);
    expect(plans[0]!.trips[0]!.vehicleSeats).toBe(7);
    expect(plans[3]).toMatchObject({ trips: [], cost: 0, lowerBound: 0, gap: 0 });
  });

  it('gives the same plan whatever the input order', () => {
    // prepare
    const travellers = [...crowd('X', 40, 0, 12), ...crowd('Y', 9, 3, 9, { destinationCity: DONGGUAN }), ...crowd('Z', 5, 1, 20, { destinationCity: HANGZHOU })];
    const shuffled = [...travellers].reverse();

    // act
    const a = planTrips(travellers, { maxDeparturesPerDay: 2 });
    const b = planTrips(shuffled, { maxDeparturesPerDay: 2 });

    // assess
    expect(b).toEqual(a);
  });
});
