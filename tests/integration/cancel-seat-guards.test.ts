// Cancelling a seat (DELETE /trips/{id}/seats/{labourerId}) takes the person off the bus for good, frees a
// no-show's seat only once (the roll call freed it already), and is refused once the bus has left.
import { beforeAll, describe, expect, it } from 'vitest';
import { localSmsSink } from '../../functions/adapters/local-sms-sink.js';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const TOKEN = `dev:coordinator:${COUNTY}`;

const local = useTestSystem();
const { api } = local;
const people: { id: string; phone: string }[] = [];
type Trip = { id: string; date: string; passengers: string[]; riders: { labourerId: string }[]; status: string; seatsTaken: number };
let full: Trip;
let waiting: Trip;

const phoneOf = (id: string) => `+86${people.find((p) => p.id === id)!.phone}`;
const notices = (id: string, words: string) => localSmsSink.delivered.filter((m) => m.to === phoneOf(id) && m.body.includes(words));
const readTrip = async (id: string): Promise<Trip> => (await api('GET', `/trips?county=${COUNTY}`, { token: TOKEN })).body.find((t: Trip) => t.id === id);
const statusOf = async (id: string) => (await api('GET', `/labourers/${id}`, { token: TOKEN })).body.status;
const board = (labourerId: string, present: boolean) => api('POST', `/trips/${full.id}/boarding`, { token: TOKEN, json: { labourerId, present } });

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
  const plan = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY, fleet: [{ seats: 3, cost: 1 }] } });
  const trips = plan.body.trips as Trip[];
  full = trips.find((t) => t.passengers.length === 3)!;
  waiting = trips.find((t) => t.passengers.length === 2)!;
  expect((await api('POST', `/trips/${full.id}/book`, { token: TOKEN })).status).toBe(200);
});

describe('a cancelled seat', () => {
  it('does not come back when the bus is booked again', async () => {
    const gone = full.passengers[2]!;
    expect((await api('DELETE', `/trips/${full.id}/seats/${gone}`, { token: TOKEN })).status).toBe(204);
    const trip = await readTrip(full.id);
    expect(trip.passengers).not.toContain(gone);
    expect(trip.riders.map((r) => r.labourerId)).not.toContain(gone);
    expect(trip.seatsTaken).toBe(2);
    expect((await api('POST', `/trips/${full.id}/book`, { token: TOKEN })).status).toBe(200);
    expect((await api('POST', '/trips/book', { token: TOKEN, json: { county: COUNTY, tripIds: [full.id] } })).status).toBeLessThan(500);
    await local.system.flushOutbox();
    expect(await statusOf(gone)).toBe('accepted');
    expect(notices(gone, '号座')).toHaveLength(1);
    // Put back on purpose (seated and told again): the bus is full again for what follows.
    expect((await api('POST', `/trips/${full.id}/passengers`, { token: TOKEN, json: { labourerId: gone } })).status).toBe(200);
    expect((await readTrip(full.id)).seatsTaken).toBe(3);
  });

  it('of a no-show is freed once: two stand-ins do not fit on the one seat', async () => {
    await api('POST', '/sim/clock', { json: { now: `${full.date}T06:30:00+08:00` } });
    const [a, absent, c] = full.passengers;
    expect((await board(a!, true)).status).toBe(200);
    expect((await board(c!, true)).status).toBe(200);
    expect((await board(absent!, false)).status).toBe(200);
    expect((await api('DELETE', `/trips/${full.id}/seats/${absent}`, { token: TOKEN })).status).toBe(204);
    expect((await readTrip(full.id)).seatsTaken).toBe(2);
    const first = await api('POST', `/trips/${full.id}/passengers`, { token: TOKEN, json: { labourerId: waiting.passengers[0], fromTripId: waiting.id } });
    const second = await api('POST', `/trips/${full.id}/passengers`, { token: TOKEN, json: { labourerId: waiting.passengers[1], fromTripId: waiting.id } });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    const list = await api('GET', `/trips/${full.id}/boarding`, { token: TOKEN });
    expect(list.body.passengers).toHaveLength(3);
    expect((await readTrip(full.id)).seatsTaken).toBe(3);
  });

  it('is refused once the bus has left: the passenger on the road stays travelling, untold', async () => {
    expect((await board(waiting.passengers[0]!, true)).status).toBe(200);
    expect((await api('POST', `/trips/${full.id}/depart`, { token: TOKEN })).status).toBe(200);
    await local.system.flushOutbox();
    const onTheRoad = full.passengers[0]!;
    const res = await api('DELETE', `/trips/${full.id}/seats/${onTheRoad}`, { token: TOKEN });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('已发车');
    await local.system.flushOutbox();
    expect(await statusOf(onTheRoad)).toBe('travelling');
    expect(notices(onTheRoad, '座位已取消')).toHaveLength(0);
    expect((await readTrip(full.id)).seatsTaken).toBe(3);
  });
});
