// A no-show's seat goes to someone still waiting (issue #18): at the roll call the coordinator moves a
// labourer from a proposed bus onto the boarding one; they take the absent passenger's seat number and get
// a boarding code by SMS. Nobody else fits, and a seated passenger of another booked bus is not taken.
import { beforeAll, describe, expect, it } from 'vitest';
import { localSmsSink } from '../../functions/adapters/local-sms-sink.js';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const TOKEN = `dev:coordinator:${COUNTY}`;

const local = useTestSystem();
const { api } = local;
const people: { id: string; phone: string }[] = [];
type Trip = { id: string; date: string; passengers: string[]; status: string };
let full: Trip;
let waiting: Trip;

beforeAll(async () => {
  for (const name of ['赵一', '钱二', '孙三', '李四', '周五']) {
    const body = registrationBody({ name, idNumber: validIdNumber(COUNTY), phone: mobilePhone(), destinations: ['3305'] });
    const res = await api('POST', '/labourers', { json: body, token: TOKEN });
    people.push({ id: res.body.id, phone: body.phone });
  }
  await api('POST', '/vacancies', {
    token: 'dev:employer:huzhou-build',
    json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 5, monthlyWage: 6000, startDate: '2099-03-01' },
  });
  await api('POST', '/matching/runs', { token: TOKEN, json: { county: COUNTY } });
  for (const p of people) await api('POST', '/sim/sms', { json: { from: p.phone, text: '1' } });
  // Three-seat vehicles only: two buses, one of them booked.
  const plan = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY, fleet: [{ seats: 3, cost: 1 }] } });
  const trips = plan.body.trips as Trip[];
  expect(trips.map((t) => t.passengers.length).sort()).toEqual([2, 3]);
  full = trips.find((t) => t.passengers.length === 3)!;
  waiting = trips.find((t) => t.passengers.length === 2)!;
  expect((await api('POST', `/trips/${full.id}/book`, { token: TOKEN })).status).toBe(200);
  await api('POST', '/sim/clock', { json: { now: `${full.date}T06:30:00+08:00` } });
});

describe('a no-show’s seat at the roll call', () => {
  const move = (labourerId: string) => api('POST', `/trips/${full.id}/passengers`, { token: TOKEN, json: { labourerId, fromTripId: waiting.id } });

  it('is not there while everyone may still come', async () => {
    await api('POST', `/trips/${full.id}/boarding`, { token: TOKEN, json: { labourerId: full.passengers[0], present: true } });
    const res = await move(waiting.passengers[0]!);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('已满');
  });

  it('goes to a labourer still waiting, with the absent passenger’s seat number and a boarding code', async () => {
    const absent = full.passengers[1]!;
    await api('POST', `/trips/${full.id}/boarding`, { token: TOKEN, json: { labourerId: absent, present: false } });
    const list = await api('GET', `/trips/${full.id}/boarding`, { token: TOKEN });
    const absentSeat = list.body.passengers.find((p: { labourerId: string }) => p.labourerId === absent).seatNo;

    const standIn = waiting.passengers[0]!;
    const res = await move(standIn);
    expect(res.status).toBe(200);
    expect(res.body.seatNo).toBe(absentSeat);
    await local.system.flushOutbox();
    const phone = people.find((p) => p.id === standIn)!.phone;
    expect(localSmsSink.delivered.filter((m) => m.to === `+86${phone}`).at(-1)?.body).toMatch(/上车码\d{4}/);
    const after = await api('GET', `/trips/${full.id}/boarding`, { token: TOKEN });
    expect(after.body).toMatchObject({ present: 1, absent: 1, unchecked: 2 });
  });

  it('is given once: the next one waiting does not fit', async () => {
    const res = await move(waiting.passengers[1]!);
    expect(res.status).toBe(409);
  });
});
