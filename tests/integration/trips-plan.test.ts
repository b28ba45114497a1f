// Planning as counties run it (issue #17) through POST /trips/plan: vehicles arrive the day before the
// job, three people ride a van, pickups come from the labourer's own point, the inputs are checked.
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../functions/domain/calendar.js';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

/** 岑巩县 (Guizhou) → 深圳市: about 1,000 km by road, so a vehicle arrives the day after it leaves. */
const COUNTY = '522626';
const TOKEN = `dev:coordinator:${COUNTY}`;

const local = useTestSystem();
const { api } = local;
const ids: string[] = [];
const phones: string[] = [];

function daysAfter(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The job starts three weeks from today (China time). */
const START = daysAfter(chinaToday(new Date()), 21);

/** Three labourers accept a Shenzhen job; one boards at her township's pickup point. */
beforeAll(async () => {
  for (let i = 0; i < 3; i++) {
    const body = registrationBody({ idNumber: validIdNumber(COUNTY), phone: mobilePhone(), destinations: ['4403'] });
    const res = await api('POST', '/labourers', { json: body, token: 'dev:admin:all' });
    ids.push(res.body.id);
    if (i === 0) await api('PATCH', `/labourers/${res.body.id}`, { token: TOKEN, json: { pickup: { code: 'SX01', name: '水尾镇集合点' } } });
    phones.push(body.phone);
  }
  await api('POST', '/vacancies', {
    token: 'dev:employer:shenzhen-build',
    json: { title: '深圳工地瓦工', skills: ['泥瓦工'], county: '440305', openings: 3, monthlyWage: 6500, startDate: START },
  });
  await api('POST', '/matching/runs', { token: TOKEN, json: { county: COUNTY } });
  for (const phone of phones) await api('POST', '/sim/sms', { json: { from: phone, text: '1' } });
});

describe('POST /trips/plan as counties run it', () => {
  it('sends three people in a van that arrives the day before the job starts, not tomorrow', async () => {
    // act
    const res = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY } });

    // assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ buses: 1, vehicles: 1, cost: 30, lowerBound: 30, gap: 0, unplanned: [] });
    const [trip] = res.body.trips;
    expect(trip).toMatchObject({
      origin: COUNTY,
      destination: '4403',
      destinationName: '深圳市',
      date: daysAfter(START, -2),
      arrivalDate: daysAfter(START, -1),
      departureTime: '07:30',
      vehicleSeats: 7,
      seats: 7,
      vehicleCost: 30,
      status: 'proposed',
    });
    expect([...trip.passengers].sort()).toEqual([...ids].sort());
    // the county's station (the default, first on its route without a list), then her own point 30
    // minutes later, then Shenzhen
    expect(trip.stops).toEqual([
      { kind: 'pickup', name: '岑巩县汽车客运站', time: '07:30' },
      { kind: 'pickup', code: 'SX01', name: '水尾镇集合点', time: '08:00' },
      { kind: 'drop', code: '4403', name: '深圳市' },
    ]);
    expect(trip.pickupPoint).toBe('岑巩县汽车客运站');
    expect(trip.riders.find((r: { labourerId: string }) => r.labourerId === ids[0])).toEqual({ labourerId: ids[0], pickup: 'SX01', drop: '4403' });
  });

  it('stops in the order of the county pickup-point list, whose first point is the default', async () => {
    // prepare: the county lists its own station first, the township's point second
    const put = await api('PUT', `/counties/${COUNTY}/pickup-points`, {
      token: TOKEN,
      json: { points: [{ code: 'CG00', name: '岑巩县城东客运站' }, { code: 'SX01', name: '水尾镇集合点' }] },
    });

    // act
    const res = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY } });

    // assess
    expect(put.status).toBe(200);
    expect(res.body.trips[0].stops).toEqual([
      { kind: 'pickup', code: 'CG00', name: '岑巩县城东客运站', time: '07:30' },
      { kind: 'pickup', code: 'SX01', name: '水尾镇集合点', time: '08:00' },
      { kind: 'drop', code: '4403', name: '深圳市' },
    ]);
    expect(res.body.trips[0].pickupPoint).toBe('岑巩县城东客运站');
  });

  it('leaves on the county batch day and stores what it answers', async () => {
    // act
    const batchDay = daysAfter(START, -9);
    const res = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY, departureDates: [batchDay], maxStops: 1 } });
    const listed = await api('GET', `/trips?county=${COUNTY}`, { token: TOKEN });

    // assess: one pickup a vehicle now, so two vans, both on the batch day; the first proposal is gone
    expect(res.body.trips.map((t: { date: string }) => t.date)).toEqual([batchDay, batchDay]);
    expect(res.body).toMatchObject({ vehicles: 2, cost: 60 });
    expect(listed.body.filter((t: { status: string }) => t.status === 'proposed')).toHaveLength(2);
    for (const trip of listed.body) expect(trip.stops.filter((s: { kind: string }) => s.kind === 'pickup')).toHaveLength(1);
  });

  it('keeps a booked vehicle when planning again and plans nobody twice', async () => {
    // prepare
    const plan = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY } });
    const booked = await api('POST', `/trips/${plan.body.trips[0].id}/book`, { token: TOKEN });

    // act
    const again = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY } });
    const listed = await api('GET', `/trips?county=${COUNTY}`, { token: TOKEN });

    // assess
    expect(booked.status).toBe(200);
    expect(again.body.trips).toEqual([]);
    expect(listed.body.map((t: { id: string; status: string }) => [t.id, t.status])).toEqual([[plan.body.trips[0].id, 'booked']]);
  });

  it.each([
    [{ fleet: [{ seats: 0, cost: 10 }] }, 'fleet'],
    [{ fleet: [{ seats: 45, cost: 0 }] }, 'fleet'],
    [{ fleet: [] }, 'fleet'],
    [{ maxStops: 11 }, 'maxStops'],
    [{ maxDrops: 0 }, 'maxDrops'],
    [{ departureDates: ['2027-02-30'] }, 'departureDates'],
    [{ departFrom: '2027-03-02', departTo: '2027-03-01' }, 'departTo'],
  ])('refuses %j in Chinese', async (input, field) => {
    // act
    const res = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY, ...input } });

    // assess
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
    expect(JSON.stringify(res.body.error)).toMatch(/[\u4e00-\u9fff]/);
  });
});
