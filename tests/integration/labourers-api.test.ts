// The labourer routes through the HTTP contract, on the same handler the Lambda runs, on DynamoDB Local.
import { describe, expect, it } from 'vitest';
import { localSmsSink } from '../../functions/adapters/local-sms-sink.js';
import { useTestSystem } from '../helpers/local-api.js';
import { idNumberChecksum } from '../../functions/domain/id-number.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const withChecksum = (first17: string) => first17 + idNumberChecksum(first17);

const COORDINATOR = 'dev:coordinator:510822';
const OTHER_COORDINATOR = 'dev:coordinator:330502';
const ADMIN = 'dev:admin:all';

const local = useTestSystem();
const { api } = local;

describe('GET /health', () => {
  it('answers 200 once the system is up', async () => {
    const res = await api('GET', '/health');
    expect(res.status).toBe(200);
  });
});

// Registered by an admin (assisted registration): these tests are about registering itself; the public
// form's phone verification is tested in verify-phone.test.ts.
describe('POST /labourers', () => {
  it('registers a labourer and the coordinator of the home county reads them back, ID masked', async () => {
    // prepare
    const body = registrationBody({ idNumber: '510822198503150018', phone: '+86 138-0013-8000' });
    // act
    const created = await api('POST', '/labourers', { json: body, token: ADMIN });
    const read = await api('GET', `/labourers/${created.body.id}`, { token: COORDINATOR });
    // assess
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), status: 'registered', homeCounty: '510822', poverty: false, registrationCode: expect.stringMatching(/^[A-Z][2-9A-Z]{7}$/) });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: created.body.id,
      name: '王立学',
      phone: '+8613800138000',
      idNumberMasked: '510822********0018',
      homeCounty: '510822',
      skills: ['泥瓦工'],
      destinations: [{ code: '3305', name: '湖州市' }],
      canTravel: true,
      expectedWage: 4500,
      poverty: false,
      status: 'registered',
      optedOut: false,
      channel: 'web',
    });
    expect(JSON.stringify(read.body)).not.toContain('510822198503150018');
    expect(read.body).not.toHaveProperty('idHash');
  });

  it('sends the welcome SMS through the outbox and logs it as sent', async () => {
    const phone = mobilePhone();
    const created = await api('POST', '/labourers', { json: registrationBody({ phone, name: '李芳' }), token: ADMIN });
    await local.system.flushOutbox();
    const log = await api('GET', `/messages?phone=${phone}`, { token: COORDINATOR });
    const otherCounty = await api('GET', `/messages?phone=${phone}`, { token: OTHER_COORDINATOR });
    const delivered = localSmsSink.delivered.filter((m) => m.to === `+86${phone}`);
    expect(created.status).toBe(201);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.body).toMatch(/^【春风行动】李芳/);
    expect(log.status).toBe(200);
    expect(log.body).toEqual([
      expect.objectContaining({ to: `+86${phone}`, template: 'registered', segments: 1, status: 'sent', sentAt: expect.any(String) }),
    ]);
    expect(otherCounty.body).toEqual([]);
  });

  it('accepts a lower-case x check character and full-width digits', async () => {
    const id = validIdNumber('11010' + '5');
    const withX = id.endsWith('X') ? id.toLowerCase() : id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const res = await api('POST', '/labourers', { json: registrationBody({ idNumber: withX }), token: ADMIN });
    expect(res.status).toBe(201);
    expect(res.body.homeCounty).toBe('110105');
  });

  it('refuses a registered ID number with 409 naming idNumber', async () => {
    const idNumber = validIdNumber();
    await api('POST', '/labourers', { json: registrationBody({ idNumber }), token: ADMIN });
    const again = await api('POST', '/labourers', { json: registrationBody({ idNumber }), token: ADMIN });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    expect(again.body.error.details.map((d: { path: string }) => d.path)).toEqual(['idNumber']);
  });

  it('refuses a registered phone with 409 naming phone, in any spelling of the number', async () => {
    const phone = mobilePhone();
    await api('POST', '/labourers', { json: registrationBody({ phone }), token: ADMIN });
    const again = await api('POST', '/labourers', { json: registrationBody({ phone: `+86 ${phone}` }), token: ADMIN });
    expect(again.status).toBe(409);
    expect(again.body.error.details.map((d: { path: string }) => d.path)).toEqual(['phone']);
  });

  it('lets exactly one of 20 concurrent registrations with the same ID number through', async () => {
    const idNumber = validIdNumber();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api('POST', '/labourers', { json: registrationBody({ idNumber }), token: ADMIN })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  });

  it('answers malformed JSON with 400 VALIDATION', async () => {
    const res = await api('POST', '/labourers', { body: '{"name": "王', contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
  });

  it('names every bad field in details', async () => {
    const res = await api('POST', '/labourers', {
      json: { name: '王', idNumber: 'x', phone: '1', skills: ['飞行员'], expectedWage: -5, consent: false },
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'skills.0', 'expectedWage', 'consent']));
  });

  it.each([
    ['a bad checksum', { idNumber: '510822198503150019' }, 'idNumber'],
    ['an impossible birth date', { idNumber: withChecksum('51082219850230001') }, 'idNumber'],
    ['a landline', { phone: '010-62345678' }, 'phone'],
    ['an unknown destination code', { destinations: ['9901'] }, 'destinations.0'],
  ])('refuses %s with 400 on that field', async (_what, override, path) => {
    const res = await api('POST', '/labourers', { json: registrationBody(override) });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it.each([
    ['a name with a NUL', { name: '王\u0000立学' }, '不能含有控制字符（如换行、制表符）'],
    ['a name with a lone surrogate', { name: '王\uD800立学' }, '含有无法识别的字符'],
    ['a name reversed by a bidi override', { name: '\u202E学立王' }, '不能含有改变文字方向的控制字符'],
    ['a name inside a bidi isolate', { name: '王\u2066立学\u2069' }, '不能含有改变文字方向的控制字符'],
    ['a name of zero-width characters', { name: '\u200B\u200C\u200D' }, '不能只有空格或不可见字符'],
    ['an availableFrom before 2000', { availableFrom: '1999-12-31' }, '日期应在 2000-01-01 到 2100-12-31 之间'],
    ['an availableFrom after 2100', { availableFrom: '9999-01-01' }, '日期应在 2000-01-01 到 2100-12-31 之间'],
  ])('refuses %s with 400 and a Chinese message, even from a coordinator', async (_what, override, message) => {
    const res = await api('POST', '/labourers', { json: registrationBody(override), token: COORDINATOR });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: Object.keys(override)[0], message }]);
  });

  it('requires consent', async () => {
    const { consent: _omit, ...withoutConsent } = registrationBody();
    const res = await api('POST', '/labourers', { json: withoutConsent });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('consent');
  });
});

describe('GET /labourers', () => {
  it('needs a token', async () => {
    const res = await api('GET', '/labourers');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it("refuses another county's coordinator, for the list and for one labourer", async () => {
    const created = await api('POST', '/labourers', { json: registrationBody(), token: ADMIN });
    const list = await api('GET', '/labourers?county=510822', { token: OTHER_COORDINATOR });
    const one = await api('GET', `/labourers/${created.body.id}`, { token: OTHER_COORDINATOR });
    expect(list.status).toBe(403);
    expect(one.status).toBe(403);
  });

  it('refuses an employer', async () => {
    const res = await api('GET', '/labourers?county=510822', { token: 'dev:employer:emp-1' });
    expect(res.status).toBe(403);
  });

  it("lists the coordinator's county by status and finds one by phone", async () => {
    const phone = mobilePhone();
    const created = await api('POST', '/labourers', { json: registrationBody({ phone }), token: ADMIN });
    const list = await api('GET', '/labourers?status=registered&limit=1000', { token: COORDINATOR });
    const byPhone = await api('GET', `/labourers?phone=${phone}`, { token: COORDINATOR });
    const elsewhere = await api('GET', `/labourers?phone=${phone}`, { token: OTHER_COORDINATOR });
    expect(list.status).toBe(200);
    expect(list.body.map((l: { id: string }) => l.id)).toContain(created.body.id);
    expect(byPhone.body).toHaveLength(1);
    expect(byPhone.body[0].id).toBe(created.body.id);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body).toEqual([]);
  });

  it('pages through a county with a cursor', async () => {
    const county = '330502';
    for (let i = 0; i < 3; i++) await api('POST', '/labourers', { json: registrationBody({ idNumber: validIdNumber(county) }), token: ADMIN });
    const first = await api('GET', `/labourers?county=${county}&limit=2`, { token: ADMIN });
    const cursor = first.headers.get('x-next-cursor');
    const second = await api('GET', `/labourers?county=${county}&limit=2&cursor=${encodeURIComponent(cursor ?? '')}`, { token: ADMIN });
    expect(first.body).toHaveLength(2);
    expect(cursor).toBeTruthy();
    expect(second.body).toHaveLength(1);
  });

  it('refuses a cursor it did not hand out with 400 naming cursor', async () => {
    const county = '330502';
    for (let i = 0; i < 2; i++) await api('POST', '/labourers', { json: registrationBody({ idNumber: validIdNumber(county) }), token: ADMIN });
    const real = (await api('GET', `/labourers?county=${county}&limit=1`, { token: ADMIN })).headers.get('x-next-cursor')!;
    const keys = JSON.parse(Buffer.from(real, 'base64url').toString('utf8'));
    const forged = (change: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...keys, ...change })).toString('base64url');
    const cursors = [
      'not-a-cursor',
      Buffer.from('[]').toString('base64url'),
      Buffer.from('{"pk":1}').toString('base64url'),
      forged({ gsi1sk: `${keys.gsi1sk}${'x'.repeat(1_000)}` }),
      forged({ extra: 'x' }),
      real.toUpperCase(),
    ];
    for (const cursor of cursors) {
      const res = await api('GET', `/labourers?county=${county}&limit=1&cursor=${encodeURIComponent(cursor)}`, { token: ADMIN });
      expect(res.status, cursor.slice(0, 40)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'cursor', message: '翻页游标无效，请不带 cursor 从第一页重新查询' }] });
    }
    // Another county's cursor, or one past a different status, is not a page of this list.
    const elsewhere = await api('GET', `/labourers?county=510822&limit=1&cursor=${encodeURIComponent(real)}`, { token: COORDINATOR });
    const otherStatus = await api('GET', `/labourers?county=${county}&status=placed&cursor=${encodeURIComponent(real)}`, { token: ADMIN });
    const same = await api('GET', `/labourers?county=${county}&limit=1&cursor=${encodeURIComponent(real)}`, { token: ADMIN });
    expect([elsewhere.status, otherStatus.status, same.status]).toEqual([400, 400, 200]);
  });

  it('asks an admin for a county', async () => {
    const res = await api('GET', '/labourers', { token: ADMIN });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('county');
  });

  it('answers 404 in Chinese for an id no labourer could have, however long', async () => {
    for (const id of ['x'.repeat(5_000), '01jaaaaaaaaaaaaaaaaaaaaaaa', '%F0%9F%92%A9', '%E2%80%AE']) {
      const res = await api('GET', `/labourers/${id}`, { token: COORDINATOR });
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: '没有这条记录（编号不对）', details: [] });
    }
  });

  it('answers 404 for an unknown labourer and an unknown route', async () => {
    const one = await api('GET', '/labourers/nobody', { token: COORDINATOR });
    const route = await api('GET', '/no-such-thing');
    expect(one.status).toBe(404);
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe('NOT_FOUND');
  });
});
