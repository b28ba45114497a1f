// What a new user found in issue #18's loop (the tester's report of 12-07): 未到岗 for someone still waiting
// for their bus, a bus departed weeks before its date, an escort link that died before the bus left, a
// workers list without the bus, a roll call without stop times, plate or escort. Each guarded here.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFirstSheet } from '../../functions/services/xlsx-workbook.js';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const TOKEN = `dev:coordinator:${COUNTY}`;
const EMPLOYER = 'dev:employer:guards-build';
const DAY = 86_400_000;

const local = useTestSystem();
const { api } = local;
type Person = { id: string; phone: string; name: string };
const people: Person[] = [];
let vacancyId = '';
let trip: { id: string; date: string; arrivalDate?: string; status?: string } = { id: '', date: '' };

const clock = (iso: string) => api('POST', '/sim/clock', { json: { now: iso } });
const offerOf = async (p: Person) => (await api('GET', `/offers?county=${COUNTY}`, { token: TOKEN })).body.find((o: { labourerId: string; vacancyId: string }) => o.labourerId === p.id && o.vacancyId === vacancyId);
const status = async (p: Person) => (await api('GET', `/labourers/${p.id}`, { token: TOKEN })).body.status;
const workers = async () => (await api('GET', `/vacancies/${vacancyId}/workers`, { token: EMPLOYER })).body as Record<string, unknown>[];
const tripNow = async () => ((await api('GET', `/trips?county=${COUNTY}`, { token: TOKEN })).body as (typeof trip & { status: string })[]).find((t) => t.id === trip.id)!;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  for (const name of ['钱七', '孙八']) {
    const body = registrationBody({ name, idNumber: validIdNumber(COUNTY), phone: mobilePhone(), destinations: ['3305'] });
    const res = await api('POST', '/labourers', { json: body, token: 'dev:admin:all' });
    people.push({ id: res.body.id, phone: body.phone, name });
  }
  vacancyId = (
    await api('POST', '/vacancies', {
      token: EMPLOYER,
      json: { title: '湖州模具厂普工', skills: ['泥瓦工'], county: '330502', openings: 2, monthlyWage: 6000, startDate: '2099-03-01' },
    })
  ).body.id;
  await api('POST', '/matching/runs', { token: TOKEN, json: { county: COUNTY } });
  for (const p of people) await api('POST', '/sim/sms', { json: { from: p.phone, text: '1' } });
  await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY } });
  const trips = (await api('GET', `/trips?county=${COUNTY}`, { token: TOKEN })).body as { id: string; date: string; passengers: string[] }[];
  trip = trips.find((t) => t.passengers.includes(people[0]!.id))!;
  expect((await api('POST', `/trips/${trip.id}/book`, { token: TOKEN })).status).toBe(200);
  expect((await api('PATCH', `/trips/${trip.id}`, { token: TOKEN, json: { vehiclePlate: '川H·12345' } })).status).toBe(200);
  trip = await tripNow();
  // Sixteen days before the bus, China morning.
  await clock(new Date(Date.parse(`${trip.date}T09:00:00+08:00`) - 16 * DAY).toISOString());
});

describe('after the bus, guarded', () => {
  it('refuses 未到岗 for someone holding a seat on a bus not yet arrived, and keeps the seat', async () => {
    const offer = await offerOf(people[0]!);
    const res = await api('POST', `/offers/${offer.id}/not-arrived`, { token: EMPLOYER });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('车到达后');
    expect(await status(people[0]!)).toBe('travelling');
    const list = await api('GET', `/trips/${trip.id}/boarding`, { token: TOKEN });
    expect(list.body.passengers.map((p: { labourerId: string }) => p.labourerId)).toContain(people[0]!.id);
  });

  it('gives the employer each booked worker’s bus and expected arrival, and no buttons yet', async () => {
    const mine = (await workers()).find((w) => w.labourerId === people[0]!.id)!;
    expect(mine).toMatchObject({ status: 'travelling', tripId: trip.id, tripDate: trip.date, arrivalDate: trip.arrivalDate ?? trip.date, arrived: false, needsBus: true, canSettle: false, canMarkNotArrived: false });
    expect(mine.tripTime).toMatch(/^\d{2}:\d{2}$/);
  });

  it('gives the roll call each stop with its time, the plate and the escort', async () => {
    await api('POST', `/trips/${trip.id}/escort-token`, { token: TOKEN, json: { name: '周队长', phone: '13800138001' } });
    const list = (await api('GET', `/trips/${trip.id}/boarding`, { token: TOKEN })).body;
    expect(list).toMatchObject({ vehiclePlate: '川H·12345', escort: '周队长', escortPhone: '13800138001' });
    expect(list.stops.filter((s: { kind: string; time?: string }) => s.kind === 'pickup' && s.time).length).toBeGreaterThan(0);
    for (const p of list.passengers) expect(p.pickupTime).toMatch(/^\d{2}:\d{2}$/);
  });

  it('keeps an escort link made days ahead open through the day after the bus arrives', async () => {
    const res = await api('POST', `/trips/${trip.id}/escort-token`, { token: TOKEN, json: {} });
    expect(res.status).toBe(201);
    const end = Date.parse(`${addDays(trip.arrivalDate ?? trip.date, 2)}T00:00:00+08:00`);
    expect(Date.parse(res.body.expiresAt)).toBe(end);
  });

  it('refuses to depart before the bus’s day, telling the coordinator to change the date', async () => {
    for (const p of people) expect((await api('POST', `/trips/${trip.id}/boarding`, { token: TOKEN, json: { labourerId: p.id, present: true } })).status).toBe(200);
    const res = await api('POST', `/trips/${trip.id}/depart`, { token: TOKEN });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/还不能发车.*乘车日期/);
    expect((await tripNow()).status).toBe('boarding');
  });

  it('departs a day late all the same and the ledger reads the day it really left', async () => {
    const late = addDays(trip.date, 1);
    await clock(`${late}T07:00:00+08:00`);
    expect((await api('POST', `/trips/${trip.id}/depart`, { token: TOKEN })).status).toBe(200);
    await clock(`${late}T19:00:00+08:00`);
    expect((await api('POST', `/trips/${trip.id}/arrive`, { token: TOKEN })).status).toBe(200);
    const mine = (await workers()).find((w) => w.labourerId === people[0]!.id)!;
    expect(mine).toMatchObject({ status: 'arrived', tripDate: late, arrivalDate: late, arrived: true, canSettle: true });
    const offer = await offerOf(people[0]!);
    expect((await api('POST', `/offers/${offer.id}/placed`, { token: EMPLOYER })).status).toBe(200);
    // Now that the bus is there, 未到岗 is accepted for the other one.
    const other = await offerOf(people[1]!);
    expect((await api('POST', `/offers/${other.id}/not-arrived`, { token: EMPLOYER })).status).toBe(200);
    const xlsx = await fetch(new URL(`/reports/placements.xlsx?county=${COUNTY}`, local.system.url), { headers: { authorization: `Bearer ${TOKEN}` } });
    const rows = await readFirstSheet(Buffer.from(await xlsx.arrayBuffer()));
    const header = rows[0]!.cells as string[];
    const row = rows.find((r) => r.cells.includes(people[0]!.name))!.cells as string[];
    expect(row[header.indexOf('乘车日期')]).toBe(late);
    expect(row[header.indexOf('到达日期')]).toBe(late);
    // No employer name is stored: the place and 用工单位, the account apart; the 公示 names the job with it.
    expect(header).not.toContain('用工单位编号');
    expect(row[header.indexOf('用工单位')]).toBe('吴兴区用工单位');
    expect(row[header.indexOf('用工单位账号')]).toBe('guards-build');
    const pub = await fetch(new URL(`/reports/placements.xlsx?county=${COUNTY}&kind=publicity`, local.system.url), { headers: { authorization: `Bearer ${TOKEN}` } });
    const posted = (await readFirstSheet(Buffer.from(await pub.arrayBuffer()))).find((r) => r.cells.includes(people[0]!.name))!.cells;
    expect(posted).toContain('吴兴区用工单位（湖州模具厂普工）');
    expect(posted.join('|')).not.toContain('guards-build');
  });
});
