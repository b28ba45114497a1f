// Messaging operations on the local system: quiet hours (held, then released by the sweep at 08:00),
// offers whose 48 hours run from their SMS's sending, delivery receipts → 号码无法送达 → matching skips
// the number → the bulk re-send. Quiet hours and the local sink's receipts are on in this file.
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const local = useTestSystem({ quietHours: '21-8', smsReceipts: true });
const { api } = local;
const ADMIN = 'dev:admin:all';

async function clock(iso: string) {
  const res = await api('POST', '/sim/clock', { json: { now: iso } });
  expect(res.status).toBe(200);
}

async function register(county: string, overrides: Record<string, unknown> = {}) {
  const body = registrationBody({ idNumber: validIdNumber(county), phone: mobilePhone(), ...overrides });
  const res = await api('POST', '/labourers', { json: body, token: ADMIN });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, phone: body.phone as string };
}

async function postJob(county = '330502') {
  const res = await api('POST', '/vacancies', {
    token: 'dev:employer:ops-test',
    json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county, openings: 5, monthlyWage: 6000, startDate: '2099-03-01' },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const messages = async (phone: string) => {
  await local.system.flushOutbox();
  return (await api('GET', `/messages?phone=${phone}`, { token: ADMIN })).body as any[];
};
const sms = async (from: string, text: string) => (await api('POST', '/sim/sms', { json: { from, text } })).body;

describe('quiet hours', () => {
  it('holds a night-time offer SMS until 08:00 China time; its 48 hours run from then', async () => {
    // prepare: 22:00 in China
    await clock('2099-02-10T22:00:00+08:00');
    const county = '510821';
    const token = `dev:coordinator:${county}`;
    const person = await register(county);
    await postJob();
    // act
    const run = await api('POST', '/matching/runs', { token, json: { county } });
    const night = await messages(person.phone);
    const reply = await sms(person.phone, 'CX');
    // assess: the welcome and the offer wait; a reply to the person's own SMS goes at once
    expect(run.body.offers).toBe(1);
    const offerSms = night.find((m) => m.template === 'offer');
    expect(offerSms).toMatchObject({ status: 'pending', notBefore: '2099-02-11T00:00:00.000Z' });
    expect(night.find((m) => m.template === 'registered')).toMatchObject({ status: 'pending' });
    expect(reply.replies).toHaveLength(1);
    // the deadline shown already runs from 08:00
    expect((await api('GET', '/offers?status=offered', { token })).body[0]).toMatchObject({ respondBy: '2099-02-13T00:00:00.000Z' });

    await clock('2099-02-11T07:59:00+08:00');
    expect((await messages(person.phone)).find((m) => m.template === 'offer')).toMatchObject({ status: 'pending' });

    await clock('2099-02-11T08:00:00+08:00');
    const morning = (await messages(person.phone)).find((m) => m.template === 'offer');
    expect(morning).toMatchObject({ status: 'delivered', sentAt: expect.stringMatching(/^2099-02-11T00:00:0/) });
    expect(morning.notBefore).toBeUndefined();

    // 49 hours after the run, 39 after the SMS: still open, the deadline now 48 hours from the SMS
    await clock('2099-02-12T23:00:00+08:00');
    const [open] = (await api('GET', '/offers?status=offered', { token })).body;
    expect(open).toMatchObject({ labourerId: person.id, respondBy: expect.stringMatching(/^2099-02-13T00:00:0/) });

    await clock('2099-02-13T08:30:00+08:00');
    expect((await api('GET', '/offers?status=offered', { token })).body).toHaveLength(0);
    expect((await api('GET', '/offers?status=expired', { token })).body).toHaveLength(1);
  });

  it('sends a verification code at night at once', async () => {
    await clock('2099-02-10T23:30:00+08:00');
    const phone = mobilePhone();
    const res = await api('POST', '/labourers/verify', { json: { phone } });
    expect(res.status).toBe(202);
    const log = await messages(`+86${phone}`);
    expect(log[0]).toMatchObject({ template: 'verificationCode' });
    expect(log[0].status).not.toBe('pending');
  });
});

describe('delivery receipts', () => {
  it('marks a number unreachable after two failures, matching skips it, the failed SMS are re-sent in bulk', async () => {
    // prepare: daytime
    await clock('2099-02-15T10:00:00+08:00');
    const county = '510822';
    const token = `dev:coordinator:${county}`;
    const dead = await register(county);
    const flaky = await register(county);
    expect((await messages(dead.phone)).at(-1)).toMatchObject({ template: 'registered', status: 'delivered' });
    await api('POST', '/sim/sms-fail', { json: { phone: dead.phone, fail: true } });
    await api('POST', '/sim/sms-fail', { json: { phone: flaky.phone, fail: true } });

    // act: two replies to the dead number fail, one to the flaky one
    await sms(dead.phone, 'CX');
    await local.system.flushOutbox();
    const once = await api('GET', `/labourers/${dead.id}`, { token });
    await sms(dead.phone, 'CX');
    await sms(flaky.phone, 'CX');
    await local.system.flushOutbox();
    const twice = await api('GET', `/labourers/${dead.id}`, { token });
    const flakyView = await api('GET', `/labourers/${flaky.id}`, { token });

    // assess
    expect(once.body.unreachable).toBeUndefined();
    expect(twice.body.unreachable).toBe(true);
    expect(flakyView.body.unreachable).toBeUndefined();
    const failed = (await messages(dead.phone)).at(-1);
    expect(failed).toMatchObject({ status: 'failed', failureReason: expect.stringContaining('空号') });

    // matching leaves the unreachable labourer out, with the reason
    await postJob();
    const run = await api('POST', '/matching/runs', { token, json: { county } });
    const unmatched = await api('GET', `/matching/runs/${run.body.runId}/unmatched?reason=unreachable`, { token });
    expect(unmatched.body).toEqual([{ labourerId: dead.id, reason: 'unreachable' }]);

    // the bulk re-send: the flaky number (fixed now) gets its failed SMS again, the dead one is skipped
    await api('POST', '/sim/sms-fail', { json: { phone: flaky.phone, fail: false } });
    const resend = await api('POST', '/messages/resend', { token, json: { county, status: 'failed' } });
    await api('POST', '/sim/clock', { json: { now: '2099-02-15T10:05:00+08:00' } });
    expect(resend.status).toBe(200);
    expect(resend.body).toEqual({ resent: 1, skipped: 2, skippedUnreachable: 2, skippedOutOfDate: 0, maxAgeDays: 7 });
    const flakyLog = await messages(flaky.phone);
    const statusReplies = flakyLog.filter((m) => m.template === 'status');
    expect(statusReplies.map((m) => m.status)).toEqual(['failed', 'delivered']);
    expect(statusReplies[0].resentAs).toBe(statusReplies[1].id);
    const again = await api('POST', '/messages/resend', { token, json: { county, status: 'failed' } });
    expect(again.body.resent).toBe(0);
    // a staff write, audited once (the second call re-sent nothing)
    const audited = (await api('GET', `/audit?county=${county}`, { token })).body.filter((a: { action: string }) => a.action === 'sms.resend');
    expect(audited).toEqual([expect.objectContaining({ actor: expect.stringMatching(/^coordinator:|^admin/), after: expect.objectContaining({ resent: 1, skippedUnreachable: 2 }) })]);

    // a new phone clears the mark
    const patched = await api('PATCH', `/labourers/${dead.id}`, { token, json: { phone: mobilePhone() } });
    expect(patched.status).toBe(200);
    expect((await api('GET', `/labourers/${dead.id}`, { token })).body.unreachable).toBeUndefined();
  });

  it('re-sends only what is still true: not a welcome after the offer, nor an offer already accepted', async () => {
    await clock('2099-02-17T10:00:00+08:00');
    const county = '510823';
    const token = `dev:coordinator:${county}`;
    const phone = mobilePhone();
    await api('POST', '/sim/sms-fail', { json: { phone, fail: true } });
    const person = await register(county, { phone });
    await postJob();
    expect((await api('POST', '/matching/runs', { token, json: { county } })).body.offers).toBe(1);
    await local.system.flushOutbox();
    expect((await api('GET', `/labourers/${person.id}`, { token })).body.unreachable).toBe(true);

    // while the number is marked, everything is skipped as unreachable
    const marked = await api('POST', '/messages/resend', { token, json: { county, status: 'failed' } });
    expect(marked.body).toMatchObject({ resent: 0, skipped: 2, skippedUnreachable: 2, skippedOutOfDate: 0 });

    // the labourer accepts (the confirmation fails too), then the number works again
    await sms(phone, '1');
    await sms(phone, 'CX');
    await local.system.flushOutbox();
    await api('POST', '/sim/sms-fail', { json: { phone, fail: false } });
    await sms(phone, 'CX');
    await local.system.flushOutbox();
    expect((await api('GET', `/labourers/${person.id}`, { token })).body.unreachable).toBeUndefined();

    const cleared = await api('POST', '/messages/resend', { token, json: { county, status: 'failed' } });
    expect(cleared.body).toMatchObject({ resent: 1, skippedUnreachable: 0, skippedOutOfDate: 3 });
    const log = await messages(phone);
    expect(log.filter((m) => m.template === 'offerAccepted').map((m) => m.status)).toEqual(['failed', 'delivered']);
    expect(log.filter((m) => m.template === 'offer').map((m) => m.status)).toEqual(['failed']);
    expect(log.filter((m) => m.template === 'registered').map((m) => m.status)).toEqual(['failed']);
    expect((await api('POST', '/messages/resend', { token, json: { county, status: 'failed' } })).body.resent).toBe(0);
  });

  it('clears the mark when an SMS reaches the number again', async () => {
    await clock('2099-02-16T10:00:00+08:00');
    const county = '510822';
    const token = `dev:coordinator:${county}`;
    const person = await register(county);
    await messages(person.phone);
    await api('POST', '/sim/sms-fail', { json: { phone: person.phone, fail: true } });
    await sms(person.phone, 'CX');
    await sms(person.phone, 'CX');
    await local.system.flushOutbox();
    expect((await api('GET', `/labourers/${person.id}`, { token })).body.unreachable).toBe(true);
    await api('POST', '/sim/sms-fail', { json: { phone: person.phone, fail: false } });
    await sms(person.phone, 'CX');
    await local.system.flushOutbox();
    expect((await api('GET', `/labourers/${person.id}`, { token })).body.unreachable).toBeUndefined();
  });

  it('refuses a resend for another county and a bad body', async () => {
    const other = await api('POST', '/messages/resend', { token: 'dev:coordinator:510822', json: { county: '510821', status: 'failed' } });
    const bad = await api('POST', '/messages/resend', { token: 'dev:coordinator:510822', json: { status: 'sent' } });
    expect(other.status).toBe(403);
    expect(bad.status).toBe(400);
  });
});
