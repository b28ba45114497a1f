// Issue #17 findings on editing planned buses: a worker is never moved onto a bus to another city; a
// moved passenger's pickup becomes a stop (or they are told where they board); a split or a move leaves
// no stop nobody uses; a new day recomputes the arrival and is refused when someone would arrive late.
import { beforeAll, describe, expect, it } from 'vitest';
import { dropArrivals } from '../../functions/domain/trip-edits.js';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const TOKEN = `dev:coordinator:${COUNTY}`;
const START = '2099-03-01';

const local = useTestSystem();
const { api } = local;

interface Stop { kind: string; code?: string; name: string; time?: string }
interface Trip { id: string; date: string; arrivalDate?: string; destination: string; passengers: string[]; stops: Stop[]; riders: { labourerId: string; pickup: string }[] }

const trips = async (): Promise<Trip[]> => (await api('GET', `/trips?county=${COUNTY}`, { token: TOKEN })).body;
const pickups = (t: Trip) => t.stops.filter((s) => s.kind === 'pickup');
const ids: Record<string, string> = {};

async function person(key: string, city: string, pickup?: { code?: string; name: string }) {
  const body = registrationBody({ idNumber: validIdNumber(COUNTY), phone: mobilePhone(), destinations: [city] });
  const id = (await api('POST', '/labourers', { json: body, token: 'dev:admin:all' })).body.id as string;
  if (pickup) expect((await api('PATCH', `/labourers/${id}`, { token: TOKEN, json: { pickup } })).status).toBe(200);
  ids[key] = id;
  return body.phone as string;
}

let huzhou: Trip;
let shenzhen: Trip;

beforeAll(async () => {
  await api('PUT', `/counties/${COUNTY}/pickup-points`, {
    token: TOKEN,
    json: { points: [{ name: '青川县汽车客运站' }, { name: '乔庄镇客运站', code: 'QZ' }, { name: '木鱼镇政府' }] },
  });
  const phones = [
    await person('h1', '3305'),
    await person('h2', '3305', { code: 'QZ', name: '乔庄镇客运站' }),
    await person('h3', '3305', { name: '木鱼镇政府' }),
    await person('s1', '4403'),
  ];
  await api('POST', '/vacancies', { token: 'dev:employer:hz', json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 3, monthlyWage: 6000, startDate: START } });
  await api('POST', '/vacancies', { token: 'dev:employer:sz', json: { title: '深圳工厂普工', skills: ['泥瓦工'], county: '440303', openings: 1, monthlyWage: 6000, startDate: START } });
  await api('POST', '/matching/runs', { token: TOKEN, json: { county: COUNTY } });
  for (const phone of phones) await api('POST', '/sim/sms', { json: { from: phone, text: '1' } });
  const plan = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY, capacity: 45, loadFactor: 1, maxDrops: 1 } });
  expect(plan.status).toBe(200);
  const all = plan.body.trips as Trip[];
  huzhou = all.find((t) => t.destination === '3305')!;
  shenzhen = all.find((t) => t.destination === '4403')!;
  expect(huzhou.passengers.sort()).toEqual([ids.h1, ids.h2, ids.h3].sort());
  expect(shenzhen.passengers).toEqual([ids.s1]);
});

describe('moving passengers between buses', () => {
  it('refuses to move a worker onto a bus that does not go to their job\'s city, naming the city', async () => {
    const res = await api('POST', `/trips/${huzhou.id}/passengers`, { token: TOKEN, json: { labourerId: ids.s1 } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('深圳市');
    expect((await trips()).find((t) => t.id === shenzhen.id)!.passengers).toEqual([ids.s1]);
  });

  it('a split leaves each bus only the stops its riders use, with their planned times', async () => {
    expect(pickups(huzhou).map((s) => s.name)).toEqual(['青川县汽车客运站', '乔庄镇客运站', '木鱼镇政府']);
    const split = await api('POST', `/trips/${huzhou.id}/split`, { token: TOKEN, json: { labourerIds: [ids.h2, ids.h3] } });
    expect(split.status).toBe(201);
    const after = await trips();
    const old = after.find((t) => t.id === huzhou.id)!;
    const split2 = after.find((t) => t.id === split.body.trip.id)!;
    expect(pickups(old)).toEqual([pickups(huzhou)[0]]);
    expect(pickups(split2)).toEqual(pickups(huzhou).slice(1));
    expect(split2.stops.filter((s) => s.kind === 'drop').map((s) => s.code)).toEqual(['3305']);
  });

  it('a moved passenger\'s pickup becomes a stop 30 minutes after the last one, and the answer says so', async () => {
    const target = (await trips()).find((t) => t.passengers.includes(ids.h2!))!;
    const res = await api('POST', `/trips/${target.id}/passengers`, { token: TOKEN, json: { labourerId: ids.h1 } });
    expect(res.status).toBe(200);
    const last = pickups(target).at(-1)!;
    const [h, m] = last.time!.split(':').map(Number) as [number, number];
    const later = `${String(h + Math.floor((m + 30) / 60)).padStart(2, '0')}:${String((m + 30) % 60).padStart(2, '0')}`;
    expect(pickups(res.body.trip)).toEqual([...pickups(target), { kind: 'pickup', name: '青川县汽车客运站', time: later }]);
    expect(res.body.boarding).toMatchObject({ name: '青川县汽车客运站', time: later, added: true });
    expect(res.body.note).toContain('青川县汽车客运站');
    // the emptied bus keeps its stops (nothing to tidy); a move never leaves the rider without their stop
    expect(res.body.trip.riders.find((r: { labourerId: string }) => r.labourerId === ids.h1).pickup).toBe('青川县汽车客运站');
  });

  it('a bus with 3 pickups gets no fourth: the newcomer boards at its first stop and the answer says so', async () => {
    const phone = await person('h4', '3305', { name: '沙州镇' });
    await api('POST', '/vacancies', { token: 'dev:employer:hz2', json: { title: '湖州工地钢筋工', skills: ['泥瓦工'], county: '330502', openings: 1, monthlyWage: 6000, startDate: START } });
    await api('POST', '/matching/runs', { token: TOKEN, json: { county: COUNTY } });
    await api('POST', '/sim/sms', { json: { from: phone, text: '1' } });
    const full = (await trips()).find((t) => t.passengers.includes(ids.h1!))!;
    expect(pickups(full)).toHaveLength(3);
    const res = await api('POST', `/trips/${full.id}/passengers`, { token: TOKEN, json: { labourerId: ids.h4 } });
    expect(res.status).toBe(200);
    expect(pickups(res.body.trip)).toEqual(pickups(full));
    expect(res.body.boarding).toMatchObject({ name: pickups(full)[0]!.name, asked: '沙州镇' });
    expect(res.body.note).toContain('沙州镇');
  });
});

describe('a new departure day', () => {
  it('recomputes the arrival day as the planner does', async () => {
    const bus = (await trips()).find((t) => t.passengers.includes(ids.h1!))!;
    const res = await api('PATCH', `/trips/${bus.id}`, { token: TOKEN, json: { date: '2099-02-10' } });
    expect(res.status).toBe(200);
    expect(res.body.arrivalDate).toBe(dropArrivals(COUNTY, '2099-02-10', ['3305']).get('3305'));
    expect(res.body.arrivalDate > '2099-02-10').toBe(true);
  });

  it('is refused (409) when someone on the bus would arrive after their job starts, naming them', async () => {
    const bus = (await trips()).find((t) => t.passengers.includes(ids.h1!))!;
    const res = await api('PATCH', `/trips/${bus.id}`, { token: TOKEN, json: { date: '2099-02-28' } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/3月1日开工/);
    expect((await trips()).find((t) => t.id === bus.id)!.date).toBe('2099-02-10');
  });
});
