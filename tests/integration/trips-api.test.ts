// Chartered buses through the HTTP contract: plan → book (twice, concurrently) → cancel a seat → manifest.
import { beforeAll, describe, expect, it } from 'vitest';
import { localSmsSink } from '../../functions/adapters/local-sms-sink.js';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const TOKEN = `dev:coordinator:${COUNTY}`;

const local = useTestSystem();
const { api } = local;
const travellers: { id: string; phone: string }[] = [];

/** Five labourers of the county accept jobs in Huzhou (starting 2099-03-01); one takes a local job. */
beforeAll(async () => {
  for (let i = 0; i < 5; i++) {
    const body = registrationBody({ idNumber: validIdNumber(COUNTY), phone: mobilePhone(), destinations: ['3305'] });
    const res = await api('POST', '/labourers', { json: body, token: 'dev:admin:all' });
    travellers.push({ id: res.body.id, phone: body.phone });
  }
  await api('POST', '/vacancies', {
    token: 'dev:employer:huzhou-build',
    json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 5, monthlyWage: 6000, startDate: '2099-03-01' },
  });
  await api('POST', '/matching/runs', { token: TOKEN, json: { county: COUNTY } });
  for (const t of travellers) await api('POST', '/sim/sms', { json: { from: t.phone, text: '1' } });
});

describe('trips', () => {
  it('plans the fewest buses for the seats, at the lower bound', async () => {
    const res = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY, capacity: 45, loadFactor: 0.05 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ buses: 3, lowerBound: 3, gap: 0, unplanned: [] });
    expect(res.body.trips.flatMap((t: { passengers: string[] }) => t.passengers).sort()).toEqual(travellers.map((t) => t.id).sort());
    expect(res.body.trips[0]).toMatchObject({ destination: '3305', destinationName: '湖州市', status: 'proposed', seats: 2 });
  });

  it('books a bus once even when booked twice at the same time, one notice per passenger', async () => {
    const plan = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY } });
    const [trip] = plan.body.trips;
    await api('PATCH', `/trips/${trip.id}`, { token: TOKEN, json: { vehiclePlate: '川H·12345', escort: '王医生' } });
    const [a, b] = await Promise.all([
      api('POST', `/trips/${trip.id}/book`, { token: TOKEN }),
      api('POST', `/trips/${trip.id}/book`, { token: TOKEN }),
    ]);
    await local.system.flushOutbox();
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.booked).toBe(5);
    expect(new Set(a.body.seats.map((s: { seatNo: number }) => s.seatNo)).size).toBe(5);
    for (const t of travellers) {
      const notices = localSmsSink.delivered.filter((m) => m.to === `+86${t.phone}` && m.body.includes('专车'));
      expect(notices).toHaveLength(1);
      expect(notices[0]!.body).toContain('川H·12345');
    }
    const person = await api('GET', `/labourers/${travellers[0]!.id}`, { token: TOKEN });
    expect(person.body.status).toBe('travelling');
    expect((await api('GET', '/stats', { token: TOKEN })).body.trips).toBe(1);
  });

  it('frees a seat, tells the labourer and puts them back among those waiting', async () => {
    const [trip] = (await api('GET', '/trips?county=' + COUNTY, { token: TOKEN })).body.filter((t: { status: string }) => t.status === 'booked');
    const gone = travellers[4]!;
    const res = await api('DELETE', `/trips/${trip.id}/seats/${gone.id}`, { token: TOKEN });
    const again = await api('DELETE', `/trips/${trip.id}/seats/${gone.id}`, { token: TOKEN });
    await local.system.flushOutbox();
    const replan = await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY } });
    expect(res.status).toBe(204);
    expect(again.status).toBe(404);
    expect((await api('GET', `/labourers/${gone.id}`, { token: TOKEN })).body.status).toBe('accepted');
    expect(localSmsSink.delivered.some((m) => m.to === `+86${gone.phone}` && m.body.includes('座位已取消'))).toBe(true);
    expect(replan.body.trips.flatMap((t: { passengers: string[] }) => t.passengers)).toEqual([gone.id]);
  });

  it('prints a manifest with a BOM, masked ID numbers and the job', async () => {
    const [trip] = (await api('GET', '/trips', { token: TOKEN })).body.filter((t: { status: string }) => t.status === 'booked');
    const res = await fetch(`${local.system.url}/trips/${trip.id}/manifest.csv`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('川H·12345');
    expect(lines[1]).toBe('座位,姓名,身份证号（脱敏）,手机,目的地,用工岗位,上车点,签到');
    expect(lines).toHaveLength(2 + 4);
    expect(lines[2]).toMatch(/^1,王立学,510822\*{8}[\dX]{4},1\d{10},湖州市,湖州工地瓦工,[^,]+,$/);
  });

  it('keeps trips to their county', async () => {
    const [trip] = (await api('GET', '/trips', { token: TOKEN })).body;
    const other = await api('POST', `/trips/${trip.id}/book`, { token: 'dev:coordinator:330502' });
    const plan = await api('POST', '/trips/plan', { token: 'dev:coordinator:330502', json: { county: COUNTY } });
    expect(other.status).toBe(403);
    expect(plan.status).toBe(403);
  });
});
