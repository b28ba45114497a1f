// Broadcasts (群发) through the API on DynamoDB Local: segments, the preview, opted-out numbers skipped and
// counted, a later send held until its time and released by the sweep, bad input refused.
import { describe, expect, it } from 'vitest';
import { BACKGROUND_RECIPIENTS } from '../../functions/services/broadcasts.js';
import { useTestSystem } from '../helpers/local-api.js';
import { depsForTable } from '../helpers/local-table.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';
import { seedLabourers } from '../helpers/seed-county.js';

const local = useTestSystem();
const { api } = local;
const COUNTY = '510823';
const TOKEN = `dev:coordinator:${COUNTY}`;

async function register(overrides: Record<string, unknown> = {}) {
  const body = registrationBody({ idNumber: validIdNumber(COUNTY), phone: mobilePhone(), ...overrides });
  const res = await api('POST', '/labourers', { json: body, token: 'dev:admin:all' });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, phone: body.phone as string };
}

async function log(phone: string) {
  await local.system.flushOutbox();
  return (await api('GET', `/messages?phone=${phone}`, { token: 'dev:admin:all' })).body as { template: string; status: string; body: string; notBefore?: string }[];
}

const broadcastsTo = async (phone: string) => (await log(phone)).filter((m) => m.template === 'broadcast');

describe('broadcasts', () => {
  it('previews and sends to a segment, skipping and counting the opted-out', async () => {
    // prepare: two want Zhejiang (one opted out), one wants Guangdong
    const huzhou = await register({ destinations: ['3305'] });
    const zhejiangOut = await register({ destinations: ['33'] });
    const dongguan = await register({ destinations: ['4419'] });
    await api('POST', '/sim/sms', { json: { from: zhejiangOut.phone, text: 'TD' } });
    const body = { county: COUNTY, segment: { destination: '3305' }, text: '湖州专场招聘会2月20日在县人社局举行，欢迎报名。' };
    // act
    const preview = await api('POST', '/broadcasts/preview', { token: TOKEN, json: body });
    const sent = await api('POST', '/broadcasts', { token: TOKEN, json: body });
    const list = await api('GET', '/broadcasts', { token: TOKEN });
    // assess
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ recipients: 1, optedOut: 1, unreachable: 0, segments: 1, totalSegments: 1, costEstimateCny: 0.05 });
    expect(preview.body.body).toBe('【春风行动】湖州专场招聘会2月20日在县人社局举行，欢迎报名。');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ id: expect.any(String), recipients: 1, optedOut: 1, segments: 1, state: 'done' });
    expect(await broadcastsTo(huzhou.phone)).toEqual([expect.objectContaining({ status: 'sent', body: preview.body.body })]);
    expect(await broadcastsTo(zhejiangOut.phone)).toEqual([]);
    expect(await broadcastsTo(dongguan.phone)).toEqual([]);
    expect(list.body[0]).toMatchObject({ id: sent.body.id, recipients: 1, optedOut: 1, segment: { destination: '3305' }, createdBy: `coordinator:${COUNTY}` });
    // a staff write, audited with what was sent and to whom
    const audit = await api('GET', `/audit?county=${COUNTY}`, { token: TOKEN });
    expect(audit.body).toContainEqual(
      expect.objectContaining({ actor: `coordinator:${COUNTY}`, action: 'broadcast.create', target: `broadcast:${sent.body.id}`, after: expect.objectContaining({ recipients: 1, segment: { destination: '3305' } }) }),
    );
  });

  it('reaches poverty households and the watch list by their flags, and holds a later send until its time', async () => {
    const poor = await register({ destinations: ['4419'] });
    await api('PATCH', `/labourers/${poor.id}`, { token: TOKEN, json: { poverty: true } });
    const sendAt = new Date(Date.now() + 3 * 3600_000).toISOString();
    const sent = await api('POST', '/broadcasts', { token: TOKEN, json: { county: COUNTY, segment: { poverty: true }, text: '公益岗位报名开始了', sendAt } });
    expect(sent.status).toBe(201);
    expect(sent.body.recipients).toBe(1);
    const [held] = await broadcastsTo(poor.phone);
    expect(held).toMatchObject({ status: 'pending', notBefore: sendAt });
    // three hours later the sweep releases it
    await api('POST', '/sim/clock', { json: { now: new Date(Date.now() + 3 * 3600_000 + 60_000).toISOString() } });
    expect((await broadcastsTo(poor.phone))[0]).toMatchObject({ status: 'sent' });
  });

  it('refuses bad text, a bad segment and another county', async () => {
    const control = await api('POST', '/broadcasts/preview', { token: TOKEN, json: { county: COUNTY, text: '通知\u0007' } });
    const empty = await api('POST', '/broadcasts', { token: TOKEN, json: { county: COUNTY, text: '【春风行动】 ' } });
    const long = await api('POST', '/broadcasts', { token: TOKEN, json: { county: COUNTY, text: '长'.repeat(400) } });
    const segment = await api('POST', '/broadcasts', { token: TOKEN, json: { county: COUNTY, segment: { destination: 'x' }, text: '通知' } });
    const other = await api('POST', '/broadcasts', { token: TOKEN, json: { county: '510822', text: '通知' } });
    expect(control.status).toBe(400);
    expect(control.body.error.details[0]).toMatchObject({ path: 'text', message: expect.stringContaining('控制字符') });
    expect(empty.status).toBe(400);
    expect(long.status).toBe(400);
    expect(long.body.error.details[0].message).toContain('短信太长');
    expect(segment.status).toBe(400);
    expect(other.status).toBe(403);
  });

  it('refuses a past sendAt (it used to go at once) and names the field of a bad id', async () => {
    const past = new Date(Date.now() - 3600_000).toISOString();
    const previewPast = await api('POST', '/broadcasts/preview', { token: TOKEN, json: { county: COUNTY, text: '通知', sendAt: past } });
    const sendPast = await api('POST', '/broadcasts', { token: TOKEN, json: { county: COUNTY, text: '通知', sendAt: past } });
    const badVacancy = await api('POST', '/broadcasts/preview', { token: TOKEN, json: { county: COUNTY, segment: { vacancyId: 'abc' }, text: '通知' } });
    expect(previewPast.status).toBe(400);
    expect(sendPast.status).toBe(400);
    expect(sendPast.body.error.details[0]).toMatchObject({ path: 'sendAt', message: expect.stringContaining('已经过了') });
    expect((await api('GET', '/broadcasts', { token: TOKEN })).body.filter((b: { text: string }) => b.text === '通知')).toEqual([]);
    expect(badVacancy.status).toBe(400);
    expect(badVacancy.body.error.details[0]).toMatchObject({ path: 'segment.vacancyId', message: expect.stringContaining('岗位') });
  });

  it('says in the preview how many fit in what is left of the county\'s daily SMS budget', async () => {
    const county = '510824';
    for (let i = 0; i < 3; i++) {
      const body = registrationBody({ idNumber: validIdNumber(county), phone: mobilePhone() });
      expect((await api('POST', '/labourers', { json: body, token: 'dev:admin:all' })).status).toBe(201);
    }
    await local.system.flushOutbox(); // three welcome SMS counted against the county's day
    const before = process.env.SMS_DAILY_BUDGET_PER_COUNTY;
    process.env.SMS_DAILY_BUDGET_PER_COUNTY = '4';
    try {
      const preview = await api('POST', '/broadcasts/preview', { token: `dev:coordinator:${county}`, json: { county, text: '招聘会通知' } });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ recipients: 3, budget: { perDay: 4, sentToday: 3, remainingToday: 1, fitsToday: 1, overBy: 2 } });
    } finally {
      if (before === undefined) delete process.env.SMS_DAILY_BUDGET_PER_COUNTY;
      else process.env.SMS_DAILY_BUDGET_PER_COUNTY = before;
    }
  });

  it('writes a big broadcast in the background, followed with GET /jobs/{id}', { timeout: 120_000 }, async () => {
    const BIG = '511011';
    const token = `dev:coordinator:${BIG}`;
    const deps = depsForTable(local.system.tableName);
    await seedLabourers(
      deps,
      Array.from({ length: BACKGROUND_RECIPIENTS + 1 }, () => ({ homeCounty: BIG, skills: ['普工'], destinations: ['3305'], canTravel: true, expectedWage: 3000, poverty: false })),
      8,
    );
    // Held for tomorrow, so the test does not wait for 2,001 SMS at 20 a second.
    const sendAt = new Date(Date.now() + 24 * 3600_000).toISOString();
    const started = await api('POST', '/broadcasts', { token, json: { county: BIG, segment: { destination: '33' }, text: '招聘会通知', sendAt } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ recipients: BACKGROUND_RECIPIENTS + 1, state: 'writing', jobId: expect.any(String) });
    let job = await api('GET', `/jobs/${started.body.jobId}`, { token });
    for (let i = 0; i < 200 && job.body.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = await api('GET', `/jobs/${started.body.jobId}`, { token });
    }
    expect(job.body).toMatchObject({ kind: 'broadcast', state: 'done', done: BACKGROUND_RECIPIENTS + 1, result: { id: started.body.id, recipients: BACKGROUND_RECIPIENTS + 1 } });
    const [listed] = (await api('GET', '/broadcasts', { token })).body;
    expect(listed).toMatchObject({ id: started.body.id, state: 'done', recipients: BACKGROUND_RECIPIENTS + 1 });
    const first = (await api('GET', '/messages?phone=%2B8613800000000', { token })).body;
    expect(first).toEqual([expect.objectContaining({ template: 'broadcast', status: 'pending', notBefore: sendAt })]);
  });
});
