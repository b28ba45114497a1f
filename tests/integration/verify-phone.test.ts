// Public registration verifies the phone first (POST /labourers/verify, then the code with the form);
// a coordinator registers a resident at the office without one. Through the HTTP contract on DynamoDB Local.
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';
import { lastCodeSentTo, registerVerified } from '../helpers/verified-registration.js';

const COORDINATOR = 'dev:coordinator:510822';
const ADMIN = 'dev:admin:all';

const local = useTestSystem();
const { api } = local;

let client = 0;
/** Each test its own client address (the per-client limit is not what most of them test). */
const fromClient = () => {
  const headers = { 'x-forwarded-for': `203.0.113.${++client}` };
  return (method: string, path: string, options: { json?: unknown } = {}) => api(method, path, { ...options, headers });
};

const smsLog = async (phone: string) => (await api('GET', `/messages?phone=${phone}`, { token: ADMIN })).body as { template: string; body: string }[];

describe('POST /labourers/verify and a verified registration', () => {
  it('refuses a public registration without a code: 400 VERIFICATION_REQUIRED, nothing stored, no SMS', async () => {
    const body = registrationBody();
    const res = await api('POST', '/labourers', { json: body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VERIFICATION_REQUIRED', details: [{ path: 'verificationCode' }] });
    expect((await api('GET', `/labourers?phone=${body.phone}`, { token: COORDINATOR })).body).toEqual([]);
    expect(await smsLog(body.phone)).toEqual([]);
  });

  it('sends a fixed 6-digit code, registers with it, and never answers poverty to the public', async () => {
    const call = fromClient();
    const body = registrationBody();
    const asked = await call('POST', '/labourers/verify', { json: { phone: body.phone } });
    const code = await lastCodeSentTo(api, body.phone);
    const wrong = await call('POST', '/labourers', { json: { ...body, verificationCode: code === '000000' ? '111111' : '000000' } });
    const created = await call('POST', '/labourers', { json: { ...body, verificationCode: code } });
    // The phone is registered now: the same code gets the one 409, and is spent by it.
    const reused = await call('POST', '/labourers', { json: { ...registrationBody({ phone: body.phone }), verificationCode: code } });
    const probing = await call('POST', '/labourers', { json: { ...registrationBody({ phone: body.phone }), verificationCode: code } });

    expect(asked).toMatchObject({ status: 202, body: { expiresInSeconds: 600 } });
    expect((await smsLog(body.phone))[0]!.body).toMatch(/^【春风行动】验证码\d{6}，10分钟内有效/);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'VERIFICATION_REQUIRED', details: [{ path: 'verificationCode', message: expect.stringContaining('还可以再试 4 次') }] });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), status: 'registered', homeCounty: '510822', registrationCode: expect.stringMatching(/^[0-9A-Z]{8}$/) });
    expect(reused.status).toBe(409);
    expect(probing.body.error.code).toBe('VERIFICATION_REQUIRED');
  });

  it('puts nothing the caller typed into the code SMS', async () => {
    const call = fromClient();
    const phone = mobilePhone();
    await call('POST', '/labourers/verify', { json: { phone, name: '点t.cn/Ab领补贴' } });
    const [sms] = await smsLog(phone);
    expect(sms!.body).not.toContain('t.cn');
  });

  it('kills a code after 5 wrong tries', async () => {
    const call = fromClient();
    const body = registrationBody();
    await call('POST', '/labourers/verify', { json: { phone: body.phone } });
    const code = await lastCodeSentTo(api, body.phone);
    const wrongCode = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) await call('POST', '/labourers', { json: { ...body, verificationCode: wrongCode } });
    const late = await call('POST', '/labourers', { json: { ...body, verificationCode: code } });
    expect(late.status).toBe(400);
    expect(late.body.error.details[0].message).toContain('请重新获取');
  });

  it('compares at most five guesses, however many arrive at once', async () => {
    const call = fromClient();
    const body = registrationBody();
    await call('POST', '/labourers/verify', { json: { phone: body.phone } });
    const code = await lastCodeSentTo(api, body.phone);
    const wrong = code === '123456' ? '654321' : '123456';
    const answers = await Promise.all(Array.from({ length: 12 }, () => call('POST', '/labourers', { json: { ...body, verificationCode: wrong } })));
    const messages = answers.map((a) => a.body.error.message);
    expect(messages.filter((m) => m === '验证码不对')).toHaveLength(5);
    expect(messages.filter((m) => m === '验证码已失效')).toHaveLength(7);
    const late = await call('POST', '/labourers', { json: { ...body, verificationCode: code } });
    expect(late.body.error.code).toBe('VERIFICATION_REQUIRED');
  });

  it('sends one code per phone a minute and five a day, answering 429 with Retry-After', async () => {
    const phone = mobilePhone();
    const first = await fromClient()('POST', '/labourers/verify', { json: { phone } });
    const again = await fromClient()('POST', '/labourers/verify', { json: { phone } });
    expect(first.status).toBe(202);
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('RATE_LIMITED');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await smsLog(phone)).toHaveLength(1);
  });

  it('limits one client to 20 codes an hour, whatever the phones', async () => {
    const call = fromClient();
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await call('POST', '/labourers/verify', { json: { phone: mobilePhone() } })).status);
    expect(answers.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(answers[20]).toBe(429);
  });

  it('answers a taken ID number and a taken phone the same way, once the phone is verified', async () => {
    const existing = registrationBody();
    await api('POST', '/labourers', { json: existing, token: COORDINATOR });
    const idTaken = await registerVerified(api, registrationBody({ idNumber: existing.idNumber }), '203.0.113.200');
    const phoneTaken = await registerVerified(api, registrationBody({ phone: existing.phone }), '203.0.113.200');
    expect(idTaken.status).toBe(409);
    expect(phoneTaken.status).toBe(409);
    expect(idTaken.body).toEqual(phoneTaken.body);
    expect(idTaken.body.error.details).toEqual([]);
    expect(idTaken.body.error.message).toContain('换号');
  });

  it('refuses a bad phone with 400 and sends nothing', async () => {
    const res = await fromClient()('POST', '/labourers/verify', { json: { phone: '010-12345678' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('phone');
  });
});

describe('assisted registration (a coordinator at the office)', () => {
  it('registers the county’s resident without a code, answers poverty and records who registered them', async () => {
    const res = await api('POST', '/labourers', { json: registrationBody(), token: COORDINATOR });
    const stored = await api('GET', `/labourers/${res.body.id}`, { token: COORDINATOR });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ poverty: false, homeCounty: '510822' });
    expect(stored.body.registeredBy).toBe('coordinator:510822');
  });

  it('refuses another county’s resident with 403, and an employer token counts as public', async () => {
    const other = await api('POST', '/labourers', { json: registrationBody({ idNumber: validIdNumber('510821') }), token: COORDINATOR });
    const employer = await api('POST', '/labourers', { json: registrationBody(), token: 'dev:employer:empA' });
    expect(other.status).toBe(403);
    expect(employer.body.error.code).toBe('VERIFICATION_REQUIRED');
  });

  it('keeps codes expiring after 10 minutes', async () => {
    const call = fromClient();
    const body = registrationBody();
    await call('POST', '/labourers/verify', { json: { phone: body.phone } });
    const code = await lastCodeSentTo(api, body.phone);
    await api('POST', '/sim/clock', { json: { now: new Date(Date.now() + 601_000).toISOString() } });
    const late = await call('POST', '/labourers', { json: { ...body, verificationCode: code } });
    await api('POST', '/sim/clock', { json: { now: new Date().toISOString() } });
    expect(late.body.error).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
  });
});
