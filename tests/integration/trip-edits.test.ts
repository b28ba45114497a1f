// Editing a plan through the HTTP contract: the county's pickup points; moving, adding, merging and
// splitting passengers (seats never exceeded, even by moves racing for the last seat); changing a bus's
// day, time and vehicle — and every seated passenger whose bus changed is told once.
import { beforeAll, describe, expect, it } from 'vitest';
import { localSmsSink } from '../../functions/adapters/local-sms-sink.js';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const TOKEN = `dev:coordinator:${COUNTY}`;
const OTHER = 'dev:coordinator:330502';
const NOBODY = '01J0000000000000000000000Z';

const local = useTestSystem();
const { api } = local;
const people: { id: string; phone: string }[] = [];

interface Trip {
  id: string;
  date: string;
  departureTime: string;
  passengers: string[];
  riders: { labourerId: string; pickup: string; drop: string }[];
  stops: { kind: string; name: string; time?: string }[];
  seats: number;
  vehicleSeats: number;
  seatsTaken: number;
  status: string;
}

const trip = async (id: string): Promise<Trip> => (await api('GET', `/trips?county=${COUNTY}`, { token: TOKEN })).body.find((t: Trip) => t.id === id);
const smsTo = (phone: string) => localSmsSink.delivered.filter((m) => m.to === `+86${phone}`);
const phoneOf = (id: string) => people.find((p) => p.id === id)!.phone;
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** Six labourers of the county who accepted jobs in Huzhou, all on one proposed bus (A). */
let A: Trip;
let B: Trip;

beforeAll(async () => {
  for (let i = 0; i < 6; i++) {
    const body = registrationBody({ idNumber: validIdNumber(COUNTY), phone: mobilePhone(), destinations: ['3305'] });
    people.push({ id: (await api('POST', '/labourers', { json: body, token: 'dev:admin:all' })).body.id, phone: body.phone });
  }
  await api('POST', '/vacancies', {
    token: 'dev:employer:huzhou-build',
    json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 6, monthlyWage: 6000, startDate: '2099-03-01' },
  });
  await api('POST', '/matching/runs', { token: TOKEN, json: { county: COUNTY } });
  for (const p of people) await api('POST', '/sim/sms', { json: { from: p.phone, text: '1' } });
  const plan = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY, capacity: 45, loadFactor: 1 } });
  expect(plan.status).toBe(200);
  // Whatever buses the planner chose, one bus of 45 seats holds all six (merging is under test below too).
  const [first, ...rest] = plan.body.trips as Trip[];
  if (first!.seats < 6) expect((await api('PATCH', `/trips/${first!.id}`, { token: TOKEN, json: { vehicleSeats: 45 } })).status).toBe(200);
  for (const other of rest) expect((await api('POST', `/trips/${other.id}/merge`, { token: TOKEN, json: { intoTripId: first!.id } })).status).toBe(200);
  A = await trip(first!.id);
  expect(A.passengers.sort()).toEqual(people.map((p) => p.id).sort());
});

describe('the county pickup points', () => {
  it('start with the county bus station, keep the order given, and stay the county coordinator\'s', async () => {
    const before = await api('GET', `/counties/${COUNTY}/pickup-points`, { token: TOKEN });
    expect(before.body).toEqual({ points: [{ name: '青川县汽车客运站' }] });
    const points = [{ name: '乔庄镇客运站', code: 'QZ' }, { name: '木鱼镇政府' }, { name: '青川县汽车客运站' }];
    const put = await api('PUT', `/counties/${COUNTY}/pickup-points`, { token: TOKEN, json: { points } });
    expect(put.status).toBe(200);
    expect((await api('GET', `/counties/${COUNTY}/pickup-points`, { token: 'dev:admin:all' })).body.points).toEqual([
      { code: 'QZ', name: '乔庄镇客运站' },
      { name: '木鱼镇政府' },
      { name: '青川县汽车客运站' },
    ]);
    expect((await api('PUT', `/counties/${COUNTY}/pickup-points`, { token: OTHER, json: { points } })).status).toBe(403);
    expect((await api('GET', `/counties/${COUNTY}/pickup-points`, { token: OTHER })).status).toBe(403);
    expect((await api('GET', '/counties/999999/pickup-points', { token: 'dev:admin:all' })).status).toBe(404);
    const twice = await api('PUT', `/counties/${COUNTY}/pickup-points`, { token: TOKEN, json: { points: [{ name: '木鱼镇' }, { name: '木鱼镇' }] } });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toMatch(/^[\u4e00-\u9fff]/);
    const audit = await api('GET', `/audit?county=${COUNTY}&target=county:${COUNTY}`, { token: TOKEN });
    expect(audit.body[0]).toMatchObject({ action: 'county.pickupPoints', after: { points: ['乔庄镇客运站', '木鱼镇政府', '青川县汽车客运站'] } });
  });
});

describe('moving passengers', () => {
  it('splits two passengers onto a new bus of the same day and stops, and moves one more within its seats', async () => {
    const [p0, p1, p2, p3] = A.passengers;
    const split = await api('POST', `/trips/${A.id}/split`, { token: TOKEN, json: { labourerIds: [p0, p1], vehicleSeats: 3 } });
    expect(split.status).toBe(201);
    B = split.body.trip;
    expect(B).toMatchObject({ status: 'proposed', date: A.date, departureTime: A.departureTime, vehicleSeats: 3, seats: 3, passengers: [p0, p1] });
    expect(B.stops).toEqual(A.stops);
    // No fromTripId: the bus that has the passenger is found.
    const moved = await api('POST', `/trips/${B.id}/passengers`, { token: TOKEN, json: { labourerId: p2 } });
    expect(moved.status).toBe(200);
    expect(moved.body.trip.passengers).toEqual([p0, p1, p2]);
    expect(moved.body.trip.riders.map((r: { labourerId: string }) => r.labourerId)).toEqual([p0, p1, p2]);
    expect(moved.body.from.passengers).not.toContain(p2);
    const full = await api('POST', `/trips/${B.id}/passengers`, { token: TOKEN, json: { labourerId: p3, fromTripId: A.id } });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toContain('已满');
    // Nobody is seated yet: a plan's changes are nobody's SMS.
    for (const p of people) expect(smsTo(p.phone).filter((m) => /专车/.test(m.body))).toEqual([]);
  });

  it('lets only one of three moves racing for the last seat through', async () => {
    const back = await api('POST', `/trips/${A.id}/passengers`, { token: TOKEN, json: { labourerId: B.passengers[0], fromTripId: B.id } });
    expect(back.status).toBe(200);
    const racers = (await trip(A.id)).passengers.slice(0, 3);
    const answers = await Promise.all(racers.map((labourerId) => api('POST', `/trips/${B.id}/passengers`, { token: TOKEN, json: { labourerId, fromTripId: A.id } })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const [a, b] = [await trip(A.id), await trip(B.id)];
    expect(b.passengers).toHaveLength(3);
    expect([...a.passengers, ...b.passengers].sort()).toEqual(people.map((p) => p.id).sort());
  });

  it('answers 404 and 409 in Chinese for what cannot move', async () => {
    const stranger = (await api('POST', '/labourers', { json: registrationBody({ idNumber: validIdNumber('330502') }), token: 'dev:admin:all' })).body.id;
    const waiting = (await api('POST', '/labourers', { json: registrationBody({ idNumber: validIdNumber(COUNTY) }), token: 'dev:admin:all' })).body.id;
    const onB = (await trip(B.id)).passengers[0]!;
    const cases = [
      [{ labourerId: NOBODY }, 404],
      [{ labourerId: stranger }, 404],
      [{ labourerId: waiting }, 409],
      [{ labourerId: onB, fromTripId: NOBODY }, 404],
      [{ labourerId: (await trip(A.id)).passengers[0]! }, 409],
      [{ labourerId: 'x' }, 400],
    ] as const;
    for (const [json, status] of cases) {
      const res = await api('POST', `/trips/${A.id}/passengers`, { token: TOKEN, json });
      expect(res.status, JSON.stringify(json)).toBe(status);
      expect(res.body.error.message).toMatch(/^[\u4e00-\u9fff（]/);
    }
    expect((await api('POST', `/trips/${A.id}/passengers`, { token: OTHER, json: { labourerId: onB } })).status).toBe(403);
    expect((await api('POST', `/trips/${NOBODY}/passengers`, { token: TOKEN, json: { labourerId: onB } })).status).toBe(404);
  });

  it('moves a seated passenger\'s seat to the new bus and tells them once: day, time, pickup stop and seat', async () => {
    const booked = await api('POST', `/trips/${A.id}/book`, { token: TOKEN });
    expect(booked.status).toBe(200);
    await api('PATCH', `/trips/${B.id}`, { token: TOKEN, json: { vehicleSeats: 7 } });
    const mover = (await trip(A.id)).passengers[0]!;
    await local.system.flushOutbox();
    const before = smsTo(phoneOf(mover)).length;
    const res = await api('POST', `/trips/${B.id}/passengers`, { token: TOKEN, json: { labourerId: mover, fromTripId: A.id } });
    await local.system.flushOutbox();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ seatNo: 1, trip: { seatsTaken: 1 } });
    expect(res.body.from.seatsTaken).toBe(res.body.from.passengers.length);
    const told = smsTo(phoneOf(mover)).slice(before);
    expect(told).toHaveLength(1);
    const b = await trip(B.id);
    const pickup = b.stops.find((s) => s.kind === 'pickup')!;
    expect(told[0]!.body).toContain(`${monthDay(b.date)}${pickup.time ?? b.departureTime}`);
    expect(told[0]!.body).toContain(pickup.name.slice(0, 7));
    expect(told[0]!.body).toContain('1号座');
    // CX repeats it: the day, the time and place they board, their seat.
    const cx = await api('POST', '/sim/sms', { json: { from: phoneOf(mover), text: 'CX' } });
    expect(cx.body.replies[0].body).toContain('1号座');
    expect(cx.body.replies[0].body).toContain(monthDay(b.date));
  });
});

describe('PATCH /trips/{id}', () => {
  it('moves the day and time (stops follow) and tells each seated passenger once; the escort tells nobody', async () => {
    const a = await trip(A.id);
    await local.system.flushOutbox();
    const counts = a.passengers.map((id) => smsTo(phoneOf(id)).length);
    const newDate = new Date(Date.parse(`${a.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const res = await api('PATCH', `/trips/${A.id}`, { token: TOKEN, json: { date: newDate, departureTime: '08:15', vehiclePlate: '川H·54321' } });
    await local.system.flushOutbox();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ date: newDate, departureTime: '08:15', vehiclePlate: '川H·54321' });
    expect(res.body.stops.find((s: { kind: string }) => s.kind === 'pickup').time).toBe('08:15');
    for (const [i, id] of a.passengers.entries()) {
      const told = smsTo(phoneOf(id)).slice(counts[i]);
      expect(told).toHaveLength(1);
      expect(told[0]!.body).toContain(`改为${monthDay(newDate)}08:15发车`);
      expect(told[0]!.body).toContain('车牌川H·54321');
    }
    const escort = await api('PATCH', `/trips/${A.id}`, { token: TOKEN, json: { escort: '李医生' } });
    await local.system.flushOutbox();
    expect(escort.body.escort).toBe('李医生');
    for (const [i, id] of a.passengers.entries()) expect(smsTo(phoneOf(id)).length).toBe(counts[i]! + 1);
    const audit = await api('GET', `/audit?county=${COUNTY}&target=trip:${A.id}`, { token: TOKEN });
    expect(audit.body[0]).toMatchObject({ action: 'trip.update', after: { escort: '李医生' } });
    expect((await api('GET', `/trips?county=${COUNTY}`, { token: TOKEN })).body.find((t: Trip) => t.id === A.id).date).toBe(newDate);
  });

  it('refuses a vehicle too small for its passengers (409), a past day (400), another county (403), an unknown bus (404)', async () => {
    const small = await api('PATCH', `/trips/${A.id}`, { token: TOKEN, json: { vehicleSeats: 2 } });
    expect(small.status).toBe(409);
    expect(small.body.error.message).toContain('座');
    expect((await api('PATCH', `/trips/${A.id}`, { token: TOKEN, json: { date: '2001-01-01' } })).status).toBe(400);
    expect((await api('PATCH', `/trips/${A.id}`, { token: TOKEN, json: { departureTime: '25:00' } })).status).toBe(400);
    expect((await api('PATCH', `/trips/${A.id}`, { token: OTHER, json: { escort: '王医生' } })).status).toBe(403);
    expect((await api('PATCH', `/trips/${NOBODY}`, { token: TOKEN, json: { escort: '王医生' } })).status).toBe(404);
  });
});

describe('merging', () => {
  it('moves everyone onto the other bus (seated there since it is booked, each told once) and cancels the empty one', async () => {
    const b = await trip(B.id);
    await local.system.flushOutbox();
    const counts = b.passengers.map((id) => smsTo(phoneOf(id)).length);
    const res = await api('POST', `/trips/${B.id}/merge`, { token: TOKEN, json: { intoTripId: A.id } });
    await local.system.flushOutbox();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ moved: b.passengers.length, skipped: [], cancelled: true });
    const a = await trip(A.id);
    expect(a.passengers.sort()).toEqual(people.map((p) => p.id).sort());
    expect(a.seatsTaken).toBe(6);
    expect(await trip(B.id)).toMatchObject({ status: 'cancelled', passengers: [] });
    for (const [i, id] of b.passengers.entries()) expect(smsTo(phoneOf(id)).length).toBe(counts[i]! + 1);
    for (const p of people) expect((await api('GET', `/labourers/${p.id}`, { token: TOKEN })).body.status).toBe('travelling');
    // Six seats, six different numbers.
    const manifest = await fetch(`${local.system.url}/trips/${A.id}/manifest.csv`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const seats = (await manifest.text()).trim().split('\r\n').slice(2).map((line) => line.split(',')[0]);
    expect(new Set(seats).size).toBe(6);
    expect((await api('POST', `/trips/${A.id}/merge`, { token: TOKEN, json: { intoTripId: A.id } })).status).toBe(400);
    expect((await api('POST', `/trips/${B.id}/merge`, { token: TOKEN, json: { intoTripId: A.id } })).status).toBe(409);
  });
});
