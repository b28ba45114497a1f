// Matching and offers through the HTTP contract and SMS answers, on DynamoDB Local.
import { describe, expect, it } from 'vitest';
import { expireOffers } from '../../functions/services/offer-life-cycle.js';
import { useTestSystem } from '../helpers/local-api.js';
import { depsForTable } from '../helpers/local-table.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const local = useTestSystem();
const { api } = local;

/** Each test works in a county of its own, so runs never see each other's labourers. */
const counties = ['510821', '510822', '510823', '510824', '511002', '511011'];
let nextCounty = 0;
function freshCounty() {
  const county = counties[nextCounty++]!;
  return { county, token: `dev:coordinator:${county}` };
}

async function sms(from: string, text: string) {
  const res = await api('POST', '/sim/sms', { json: { from, text } });
  return (res.body.replies as { to: string; body: string }[]).map((r) => r.body);
}

async function register(county: string, overrides: Record<string, unknown> = {}) {
  const body = registrationBody({ idNumber: validIdNumber(county), phone: mobilePhone(), ...overrides });
  const res = await api('POST', '/labourers', { json: body, token: 'dev:admin:all' });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, phone: body.phone as string, idNumber: body.idNumber as string };
}

async function postJob(overrides: Record<string, unknown> = {}) {
  const res = await api('POST', '/vacancies', {
    token: 'dev:employer:huzhou-build',
    json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 1, monthlyWage: 6000, startDate: '2099-03-01', ...overrides },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function vacancy(id: string) {
  return (await api('GET', `/vacancies/${id}`, { token: 'dev:admin:all' })).body;
}

/** One labourer of the county, a new job, a matching run: the labourer and the vacancy offered. */
async function offerOneJob(county: string, token: string) {
  const person = await register(county);
  await postJob();
  await api('POST', '/matching/runs', { token, json: { county } });
  // Earlier tests leave open vacancies behind: follow the one this labourer was offered.
  const [offer] = (await api('GET', '/offers?status=offered', { token })).body;
  return { person, job: offer.vacancyId as string };
}

async function markPoor(token: string, idNumber: string) {
  await api('POST', '/labourers/poverty-import', { token, body: `idNumber\n${idNumber}\n`, contentType: 'text/csv' });
}

describe('POST /matching/runs', () => {
  it('gives the last place to the poor-household labourer, explains why, and fills it on "1"', async () => {
    // prepare
    const { county, token } = freshCounty();
    const rich = await register(county, { expectedWage: 3000 });
    const poor = await register(county, { expectedWage: 5000 });
    await markPoor(token, poor.idNumber);
    const job = await postJob();
    // act
    const run = await api('POST', '/matching/runs', { token, json: { county } });
    const offers = await api('GET', '/offers?status=offered', { token });
    const offerSms = (await api('GET', `/messages?phone=${poor.phone}`, { token })).body.at(-1);
    const accepted = await sms(poor.phone, '接受');
    // assess
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ runId: expect.any(String), offers: 1, unmatched: 1, objective: expect.any(Number) });
    expect(offers.body).toHaveLength(1);
    expect(offers.body[0]).toMatchObject({ labourerId: poor.id, vacancyId: job, status: 'offered' });
    expect(offers.body[0].reasons.join(' ')).toMatch(/POVERTY.*建档立卡/);
    expect(offerSms.body).toMatch(/湖州市.*月薪6000元.*回1接受/);
    expect(offerSms.segments).toBe(1);
    expect(accepted[0]).toContain('已确认您接受');
    expect(await vacancy(job)).toMatchObject({ openings: 1, filled: 1, offered: 0, remaining: 0 });
    const rerun = await api('POST', '/matching/runs', { token, json: { county } });
    expect(rerun.body.offers).toBe(0);
    expect((await api('GET', `/labourers/${rich.id}`, { token })).body.status).toBe('registered');
    expect((await api('GET', `/labourers/${poor.id}`, { token })).body.status).toBe('accepted');
    const stats = await api('GET', '/stats', { token });
    expect(stats.body).toMatchObject({ county, registered: 2, poverty: 1, accepted: 1, offers: { accepted: 1 } });
    expect(stats.body.placementsByDestination).toEqual([{ code: '330502', count: 1 }]);
  });

  it('frees a declined place and never offers the same vacancy to that labourer again', async () => {
    const { county, token } = freshCounty();
    const { person, job } = await offerOneJob(county, token);
    const declined = await sms(person.phone, '2');
    const rerun = await api('POST', '/matching/runs', { token, json: { county } });
    expect(declined[0]).toContain('拒绝');
    expect(await vacancy(job)).toMatchObject({ offered: 0, filled: 0, remaining: 1 });
    expect(rerun.body.offers).toBe(0);
    expect((await api('GET', '/offers?status=declined', { token })).body).toHaveLength(1);
  });

  it('lets exactly one of two concurrent "1" answers accept', async () => {
    const { county, token } = freshCounty();
    const { person, job } = await offerOneJob(county, token);
    const answers = await Promise.all([sms(person.phone, '1'), sms(person.phone, '同意')]);
    const texts = answers.flat();
    expect(texts.filter((t) => t.includes('已确认您接受'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('没有待答复'))).toHaveLength(1);
    expect(await vacancy(job)).toMatchObject({ filled: 1, offered: 0 });
  });

  it('expires an unanswered offer, gives the place back and tells the labourer', async () => {
    const { county, token } = freshCounty();
    const { person, job } = await offerOneJob(county, token);
    const later = { ...depsForTable(local.system.tableName), clock: { now: () => new Date(Date.now() + 49 * 3600_000) } };
    const expired = await expireOffers(later);
    await local.system.flushOutbox();
    const log = (await api('GET', `/messages?phone=${person.phone}`, { token })).body;
    expect(expired).toBeGreaterThanOrEqual(1);
    expect(await vacancy(job)).toMatchObject({ offered: 0, remaining: 1 });
    expect(log.at(-1).body).toContain('已过期');
    expect((await api('GET', `/labourers/${person.id}`, { token })).body.status).toBe('registered');
  });

  it('keeps a public-welfare post to residents and caps its non-poor places', async () => {
    const { county, token } = freshCounty();
    for (let i = 0; i < 4; i++) await register(county, { skills: ['保洁'], destinations: [], expectedWage: 1500 });
    await register('330502', { skills: ['保洁'], destinations: [county], expectedWage: 1500 });
    const post = await api('POST', '/posts', { token, json: { title: '卡口值守', county, openings: 5, monthlyWage: 1800, months: 3 } });
    const run = await api('POST', '/matching/runs', { token, json: { county } });
    // 60 % of 5 are kept for poor households: 2 non-poor places at most.
    expect(run.body.offers).toBe(2);
    expect(await vacancy(post.body.id)).toMatchObject({ offered: 2, remaining: 3, nonPoorCommitted: 2 });
  });

  it("refuses another county's run and names a bad county", async () => {
    const { token } = freshCounty();
    const other = await api('POST', '/matching/runs', { token, json: { county: '330502' } });
    const bad = await api('POST', '/matching/runs', { token, json: { county: '51' } });
    expect(other.status).toBe(403);
    expect(bad.status).toBe(400);
  });
});
