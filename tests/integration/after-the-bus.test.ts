// Issue #18's whole loop through the HTTP contract and the phone simulator: book → board (a no-show, a code
// by SMS, a wrong code, double boarding refused) → depart (refused while someone is unchecked) → arrive →
// the employer's workers list → placed (refused for someone not arrived) → a worker nobody confirmed is
// asked after 3 days → the 30-day check-in answered 2 → back in the pool and offered again; an unanswered
// check-in becomes unknown; the dashboard and the placements ledger read it all.
import { beforeAll, describe, expect, it } from 'vitest';
import { localSmsSink } from '../../functions/adapters/local-sms-sink.js';
import { readFirstSheet, loadExcel } from '../../functions/services/xlsx-workbook.js';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const TOKEN = `dev:coordinator:${COUNTY}`;
const EMPLOYER = 'dev:employer:huzhou-build';
// The daily follow-up (and its after-the-bus sweep) runs for the counties named here, as deployed.
process.env.COUNTIES = COUNTY;

const local = useTestSystem();
const { api } = local;
type Person = { id: string; phone: string; name: string };
const people: Person[] = [];
const [A, B, C] = [0, 1, 2] as const;
let vacancyId = '';
let trip: { id: string; date: string; status: string } = { id: '', date: '', status: '' };

const smsTo = (p: Person) => localSmsSink.delivered.filter((m) => m.to === `+86${p.phone}`);
const lastSmsTo = (p: Person) => smsTo(p).at(-1)?.body ?? '';
const status = async (p: Person) => (await api('GET', `/labourers/${p.id}`, { token: TOKEN })).body.status;
const sms = async (p: Person, text: string) => (await api('POST', '/sim/sms', { json: { from: p.phone, text } })).body.replies.map((r: { body: string }) => r.body).join('\n');
const clock = (iso: string) => api('POST', '/sim/clock', { json: { now: iso } });
const offerOf = async (p: Person) => (await api('GET', `/offers?county=${COUNTY}`, { token: TOKEN })).body.filter((o: { labourerId: string }) => o.labourerId === p.id);
const DAY = 86_400_000;

beforeAll(async () => {
  for (const name of ['张三', '李四', '王五']) {
    const body = registrationBody({ name, idNumber: validIdNumber(COUNTY), phone: mobilePhone(), destinations: ['3305'] });
    const res = await api('POST', '/labourers', { json: body, token: 'dev:admin:all' });
    people.push({ id: res.body.id, phone: body.phone, name });
  }
  vacancyId = (
    await api('POST', '/vacancies', {
      token: EMPLOYER,
      json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 3, monthlyWage: 6000, startDate: '2099-03-01' },
    })
  ).body.id;
  await api('POST', '/matching/runs', { token: TOKEN, json: { county: COUNTY } });
  for (const p of people) await sms(p, '1');
  await api('POST', '/trips/plan', { token: TOKEN, json: { county: COUNTY } });
  [trip] = (await api('GET', `/trips?county=${COUNTY}`, { token: TOKEN })).body;
  expect((await api('POST', `/trips/${trip.id}/book`, { token: TOKEN })).body.booked).toBe(3);
  await local.system.flushOutbox();
  // The morning of departure, China time.
  await clock(`${trip.date}T06:30:00+08:00`);
});

describe('after the bus', () => {
  let escortToken = '';

  it('gives each seat a 4-digit boarding code in the bus notice', () => {
    for (const p of people) expect(smsTo(p).find((m) => m.body.includes('专车'))?.body).toMatch(/上车码\d{4}/);
  });

  it('gives the escort a one-day token for this trip only', async () => {
    const res = await api('POST', `/trips/${trip.id}/escort-token`, { token: TOKEN, json: { name: '李医生', phone: '13800138000' } });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^esc_/);
    escortToken = res.body.token;
    // Through the day after the bus's arrival day (China), at least a day from now.
    const arrivalDay = (trip as { arrivalDate?: string }).arrivalDate ?? trip.date;
    expect(Date.parse(res.body.expiresAt)).toBe(Date.parse(`${arrivalDay}T00:00:00+08:00`) + 2 * DAY);
    expect(Date.parse(res.body.expiresAt) - Date.parse(`${trip.date}T06:30:00+08:00`)).toBeGreaterThanOrEqual(DAY);
    expect((await api('POST', `/trips/${trip.id}/escort-token`, { token: 'dev:coordinator:330502', json: {} })).status).toBe(403);
    expect((await api('GET', `/trips/${trip.id}/boarding`, { token: 'esc_not-a-real-token' })).status).toBe(401);
  });

  it('checks a passenger in by tap once, marks a no-show, and lists the roll call by pickup point', async () => {
    const board = (p: Person, present: boolean, token = escortToken) => api('POST', `/trips/${trip.id}/boarding`, { token, json: { labourerId: p.id, present } });
    // Two taps at once (two phones of the escort team): one check-in, one refusal.
    const both = await Promise.all([board(people[A]!, true), board(people[A]!, true)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const first = both.find((r) => r.status === 200)!;
    expect(first.body).toMatchObject({ labourerId: people[A]!.id, boarding: 'present' });
    const twice = await board(people[A]!, true);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('已经签到');
    expect((await board(people[B]!, false, `dev:escort:${trip.id}`)).status).toBe(200);
    expect((await api('POST', `/trips/${trip.id}/boarding`, { token: escortToken, json: { labourerId: people[A]!.id, present: 'yes' } })).status).toBe(400);
    const list = await api('GET', `/trips/${trip.id}/boarding`, { token: escortToken });
    expect(list.body).toMatchObject({ status: 'boarding', present: 1, absent: 1, unchecked: 1 });
    expect(list.body.passengers.map((p: { pickup: string }) => p.pickup).every(Boolean)).toBe(true);
    const manifest = await fetch(new URL(`/trips/${trip.id}/manifest.csv`, local.system.url), { headers: { authorization: `Bearer ${escortToken}` } });
    const text = await manifest.text();
    expect(text).toContain('上车点,签到');
    expect(text).toContain(`${people[A]!.name},`);
    expect(text).toMatch(/已上车/);
    expect(text).toMatch(/未到/);
  });

  it('refuses to depart while a passenger is neither checked in nor marked absent', async () => {
    const res = await api('POST', `/trips/${trip.id}/depart`, { token: escortToken });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('1 位乘客未签到');
    expect(res.body.error.details[0].message).toContain(people[C]!.name);
  });

  it('checks a passenger in by SMS with the code from the notice, and helps with a wrong one', async () => {
    const code = /上车码(\d{4})/.exec(smsTo(people[C]!).find((m) => m.body.includes('专车'))!.body)![1]!;
    const wrong = code === '0000' ? '1111' : '0000';
    expect(await sms(people[C]!, `上车 ${wrong}`)).toContain('上车码不对');
    expect(await sms(people[C]!, '上车')).toContain('上车 1234');
    expect(await sms(people[C]!, `上车 ${code}`)).toContain('已签到上车');
    expect(await sms(people[C]!, `上车${code}`)).toContain('无需重复');
    // Nobody else's seat: someone with no bus today is told so.
    expect(await sms(people[B]!, `上车 ${code}`)).toMatch(/上车码不对|没有待上车/);
  });

  it('departs: those aboard get the escort phone, the no-show is told and waits for a bus again', async () => {
    const res = await api('POST', `/trips/${trip.id}/depart`, { token: escortToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ departed: 2, absent: 1 });
    await local.system.flushOutbox();
    expect(lastSmsTo(people[A]!)).toContain('13800138000');
    expect(lastSmsTo(people[B]!)).toContain('没有赶上');
    expect(await status(people[B]!)).toBe('accepted');
    expect(await status(people[A]!)).toBe('travelling');
    expect((await api('POST', `/trips/${trip.id}/depart`, { token: escortToken })).status).toBe(409);
    expect((await api('POST', `/trips/${trip.id}/boarding`, { token: escortToken, json: { labourerId: people[B]!.id, present: true } })).status).toBe(409);
  });

  it('refuses to place someone still on the bus', async () => {
    const [offer] = await offerOf(people[A]!);
    const res = await api('POST', `/offers/${offer.id}/placed`, { token: EMPLOYER });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('还在路上');
  });

  it('arrives: passengers aboard are arrived, told to report, and listed for the employer', async () => {
    await clock(`${trip.date}T20:00:00+08:00`);
    const res = await api('POST', `/trips/${trip.id}/arrive`, { token: escortToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ arrived: 2 });
    expect((await api('POST', `/trips/${trip.id}/arrive`, { token: escortToken })).status).toBe(409);
    await local.system.flushOutbox();
    expect(await status(people[A]!)).toBe('arrived');
    expect(lastSmsTo(people[C]!)).toContain('报到上岗');
    const workers = await api('GET', `/vacancies/${vacancyId}/workers`, { token: EMPLOYER });
    expect(workers.status).toBe(200);
    const byId = new Map(workers.body.map((w: { labourerId: string }) => [w.labourerId, w]));
    expect(byId.get(people[A]!.id)).toMatchObject({ status: 'arrived', tripId: trip.id, name: '张三', idNumberMasked: expect.stringMatching(/^510822\*{8}[\dX]{4}$/) });
    expect((byId.get(people[A]!.id) as { arrivalDate: string }).arrivalDate).toBe(trip.date);
    expect(byId.get(people[A]!.id)).toMatchObject({ arrived: true, needsBus: true, canSettle: true, canMarkNotArrived: true });
    // The no-show their bus left without: 未到岗 may be said of them, 上岗 not.
    expect(byId.get(people[B]!.id)).toMatchObject({ status: 'accepted', canSettle: false, canMarkNotArrived: true });
    expect(JSON.stringify(workers.body)).not.toMatch(/\d{17}[\dX]/);
  });

  it('lets the employer confirm an arrived worker at work once, never a no-show', async () => {
    const [offerA] = await offerOf(people[A]!);
    const [offerB] = await offerOf(people[B]!);
    expect((await api('POST', `/offers/${offerB.id}/placed`, { token: EMPLOYER })).status).toBe(409);
    const res = await api('POST', `/offers/${offerA.id}/placed`, { token: EMPLOYER });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'placed', placedBy: 'employer:huzhou-build' });
    expect((await api('POST', `/offers/${offerA.id}/placed`, { token: EMPLOYER })).status).toBe(409);
    expect(await status(people[A]!)).toBe('placed');
    expect((await api('GET', '/stats', { token: TOKEN })).body).toMatchObject({ placed: 1, arrived: 1 });
  });

  it('asks a worker nobody confirmed 3 days after arrival, and takes their 1', async () => {
    await clock(new Date(Date.parse(`${trip.date}T20:00:00+08:00`) + 3 * DAY + 3600_000).toISOString());
    expect(lastSmsTo(people[C]!)).toContain('上岗了吗');
    expect(smsTo(people[A]!).some((m) => m.body.includes('上岗了吗'))).toBe(false);
    // The sweep again (the next day's run): asked once.
    await clock(new Date(Date.parse(`${trip.date}T20:00:00+08:00`) + 4 * DAY).toISOString());
    expect(smsTo(people[C]!).filter((m) => m.body.includes('上岗了吗'))).toHaveLength(1);
    expect(await sms(people[C]!, '1')).toContain('已记录您已上岗');
    expect(await status(people[C]!)).toBe('placed');
  });

  it('checks in at 30 days; 2 puts the worker back in the pool, frees the place and shows them as left', async () => {
    const placedAt = Date.parse(`${trip.date}T20:00:00+08:00`);
    await clock(new Date(placedAt + 35 * DAY).toISOString());
    expect(lastSmsTo(people[A]!)).toContain('还在');
    expect(lastSmsTo(people[A]!)).toContain('3想换工作');
    expect(lastSmsTo(people[C]!)).toContain('还在');
    expect(await sms(people[A]!, '2')).toContain('重新进入待安排名单');
    expect(await status(people[A]!)).toBe('registered');
    const person = (await api('GET', `/labourers/${people[A]!.id}`, { token: TOKEN })).body;
    expect(person.watchSince).toBeDefined();
    const [offer] = await offerOf(people[A]!);
    expect(offer).toMatchObject({ status: 'left', leftReason: 'left', retention: { d30: 'left' } });
    const workers = (await api('GET', `/vacancies/${vacancyId}/workers`, { token: EMPLOYER })).body;
    expect(workers.find((w: { labourerId: string }) => w.labourerId === people[A]!.id).status).toBe('left');
    const vacancy = (await api('GET', `/vacancies/${vacancyId}`, { token: EMPLOYER })).body;
    expect(vacancy.filled).toBe(2);
    // A second 2 has no question to answer any more: not taken for a check-in.
    expect(await sms(people[A]!, '2')).not.toContain('重新进入待安排名单');
  });

  it('records a check-in unanswered for 7 days as unknown, for the coordinator', async () => {
    const placedAt = Date.parse(`${trip.date}T20:00:00+08:00`);
    await clock(new Date(placedAt + 43 * DAY).toISOString());
    const [offer] = await offerOf(people[C]!);
    expect(offer).toMatchObject({ status: 'placed', checkInUnknown: true, retention: { d30: 'unknown' } });
    const stats = (await api('GET', '/stats', { token: TOKEN })).body;
    expect(stats).toMatchObject({ placed: 1, leavers: 1, leftReasons: { left: 1, change: 0, not_arrived: 0 }, checkInUnknown: 1, retained30: 2 });
    expect(stats.retentionByDestination).toEqual([expect.objectContaining({ key: '330502', placed: 2, atWork: 1, leavers: 1 })]);
    expect(stats.retentionByEmployer[0]).toMatchObject({ key: vacancyId, title: '湖州工地瓦工' });
  });

  it('offers the worker who left another job in the next matching run, never the one they left', async () => {
    const other = await api('POST', '/vacancies', {
      token: 'dev:employer:huzhou-shoes',
      json: { title: '湖州鞋厂普工', skills: ['普工', '泥瓦工'], county: '330502', openings: 5, monthlyWage: 5000, startDate: '2099-06-01' },
    });
    const run = await api('POST', '/matching/runs', { token: TOKEN, json: { county: COUNTY } });
    expect(run.status).toBe(200);
    const offers = await offerOf(people[A]!);
    const open = offers.filter((o: { status: string }) => o.status === 'offered');
    expect(open.map((o: { vacancyId: string }) => o.vacancyId)).toEqual([other.body.id]);
    expect(await status(people[A]!)).toBe('offered');
  });

  it('files the placements ledger and a 公示 sheet with masked ID numbers only', async () => {
    const res = await fetch(new URL(`/reports/placements.xlsx?county=${COUNTY}`, local.system.url), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('转移就业台账'));
    const bytes = new Uint8Array(await res.arrayBuffer());
    const rows = await readFirstSheet(bytes);
    expect(rows[0]!.cells).toEqual(expect.arrayContaining(['姓名', '身份证号（脱敏）', '乘车日期', '上岗日期', '在岗天数', '30天回访']));
    expect(rows).toHaveLength(3);
    const names = rows.slice(1).map((r) => r.cells[0]);
    expect(names.sort()).toEqual(['张三', '王五'].sort());
    const { Workbook } = await loadExcel();
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(bytes) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['转移就业台账', '公示']);
    const publicity: string[] = [];
    book.worksheets[1]!.eachRow((row) => publicity.push((row.values as unknown[]).slice(1).join('|')));
    expect(publicity[0]).toBe('序号|姓名|身份证号|用工单位（岗位）|上岗日期');
    expect(publicity).toHaveLength(3);
    expect(publicity.join('\n')).not.toMatch(/\d{17}[\dX]/);
    expect(publicity.join('\n')).toMatch(/510822\*{8}/);
    const onlyPublicity = await fetch(new URL(`/reports/placements.xlsx?kind=publicity&from=2099-01-01&to=2099-12-31`, local.system.url), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect((await readFirstSheet(new Uint8Array(await onlyPublicity.arrayBuffer())))[0]!.cells[0]).toBe('序号');
    const none = await fetch(new URL(`/reports/placements.xlsx?from=2100-01-01`, local.system.url), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(await readFirstSheet(new Uint8Array(await none.arrayBuffer()))).toHaveLength(1);
    const bad = await api('GET', '/reports/placements.xlsx?from=yesterday', { token: TOKEN });
    expect(bad.status).toBe(400);
  });

  it('marks a no-show never arrived (the place goes back, back in the pool) and places a local worker without a bus', async () => {
    const [offerB] = await offerOf(people[B]!);
    expect((await api('POST', `/offers/${offerB.id}/not-arrived`, { token: 'dev:coordinator:330502' })).status).toBe(403);
    const res = await api('POST', `/offers/${offerB.id}/not-arrived`, { token: TOKEN });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'not_arrived', leftReason: 'not_arrived' });
    expect((await api('POST', `/offers/${offerB.id}/not-arrived`, { token: TOKEN })).status).toBe(409);
    expect(await status(people[B]!)).toBe('registered');
    await local.system.flushOutbox();
    expect(lastSmsTo(people[B]!)).toContain('没有上岗');
    // A job in the labourer's own county needs no bus: the employer confirms them straight from accepted.
    const body = registrationBody({ name: '赵六', idNumber: validIdNumber(COUNTY), phone: mobilePhone(), skills: ['保洁'], destinations: [], canTravel: false, expectedWage: 2000 });
    const local6 = { id: (await api('POST', '/labourers', { json: body, token: 'dev:admin:all' })).body.id, phone: body.phone, name: '赵六' };
    const job = (await api('POST', '/vacancies', { token: 'dev:employer:qingchuan-hotel', json: { title: '县城宾馆保洁', skills: ['保洁'], county: COUNTY, openings: 1, monthlyWage: 2200, startDate: '2099-06-01' } })).body.id;
    await api('POST', '/matching/runs', { token: TOKEN, json: { county: COUNTY } });
    expect(await sms(local6, '1')).toContain('已确认您接受');
    const [offer] = (await offerOf(local6)).filter((o: { vacancyId: string }) => o.vacancyId === job);
    expect((await api('POST', `/offers/${offer.id}/placed`, { token: EMPLOYER })).status).toBe(403);
    expect((await api('POST', `/offers/${offer.id}/placed`, { token: 'dev:employer:qingchuan-hotel' })).status).toBe(200);
    expect(await status(local6)).toBe('placed');
  });
});
