// Long work through the API: a big county's POST /matching/runs answers 202 {runId, jobId} and the run
// finishes in the background (GET /matching/runs/{id}, GET /jobs/{id}); a small one still answers at
// once. POST /trips/book books every proposed trip of the county, or those named: a few at once, more as
// a job; booking again changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNC_OPEN_LABOURERS } from '../../functions/services/matching-run-job.js';
import { useTestSystem } from '../helpers/local-api.js';
import { depsForTable } from '../helpers/local-table.js';
import { registrationBody } from '../helpers/people.js';
import { seedLabourers, seedVacancies } from '../helpers/seed-county.js';

const local = useTestSystem();
const { api } = local;
const BIG = '510811';
const BIG_TOKEN = `dev:coordinator:${BIG}`;
const SMALL_TOKEN = 'dev:coordinator:510822';

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds = 120): Promise<T> {
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; ) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('still running');
}

describe('POST /matching/runs for a big county', () => {
  const openings = 60;
  beforeAll(async () => {
    // One more open labourer than a request may match, 60 places for them in their own county.
    const deps = depsForTable(local.system.tableName);
    await seedLabourers(
      deps,
      Array.from({ length: SYNC_OPEN_LABOURERS + 1 }, (_, i) => ({
        homeCounty: BIG, skills: ['普工'], destinations: [], canTravel: i % 2 === 0, expectedWage: 3000, poverty: i % 10 === 0,
      })),
    );
    await seedVacancies(deps, [{ kind: 'job', county: BIG, skills: ['普工'], monthlyWage: 3500, startDate: '2099-03-01', openings, remaining: openings }]);
  });

  it('answers 202 with the run and its job, both followed to the same end', { timeout: 180_000 }, async () => {
    const started = await api('POST', '/matching/runs', { token: BIG_TOKEN, json: { county: BIG } });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ runId: expect.stringMatching(/^[0-9A-Z]{26}$/), jobId: expect.stringMatching(/^[0-9A-Z]{26}$/), state: 'running', done: 0, total: 0 });
    const { runId, jobId } = started.body;
    const run = await until(() => api('GET', `/matching/runs/${runId}`, { token: BIG_TOKEN }), (r) => r.body.state !== 'running');
    expect(run.body).toMatchObject({ runId, jobId, county: BIG, state: 'done', offers: openings, done: openings, total: openings, unmatched: SYNC_OPEN_LABOURERS + 1 - openings });
    const job = await until(() => api('GET', `/jobs/${jobId}`, { token: BIG_TOKEN }), (r) => r.body.state !== 'running');
    expect(job.body).toMatchObject({ jobId, kind: 'matchingRun', state: 'done', done: openings, total: openings });
    expect(job.body.result).toEqual({
      runId, offers: openings, unmatched: SYNC_OPEN_LABOURERS + 1 - openings, objective: run.body.objective, poorPlaced: run.body.poorPlaced,
      byReason: run.body.byReason,
    });
    const offers = await api('GET', `/offers?county=${BIG}`, { token: BIG_TOKEN });
    expect(offers.body).toHaveLength(openings);
    expect((await api('GET', `/jobs/${jobId}`, { token: SMALL_TOKEN })).status).toBe(403);
  });

  it('still answers a small county at once (200, the run itself)', async () => {
    const body = registrationBody({ skills: ['普工'], expectedWage: 2000, canTravel: false, destinations: [] });
    expect((await api('POST', '/labourers', { json: body, token: SMALL_TOKEN })).status).toBe(201);
    const res = await api('POST', '/matching/runs', { token: SMALL_TOKEN, json: { county: '510822' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ runId: expect.any(String), offers: 0, unmatched: 1 });
  });
});

describe('POST /trips/book', () => {
  const COUNTY = '510822';
  const travellers: { id: string; phone: string }[] = [];
  let tripIds: string[] = [];

  beforeAll(async () => {
    // Four welders who accepted jobs in Huzhou, on four one-seat trips.
    for (let i = 0; i < 4; i++) {
      const body = registrationBody({ skills: ['焊工'], destinations: ['3305'], expectedWage: 6000 });
      const res = await api('POST', '/labourers', { json: body, token: SMALL_TOKEN });
      travellers.push({ id: res.body.id, phone: body.phone });
    }
    await api('POST', '/vacancies', {
      token: 'dev:employer:huzhou-weld',
      json: { title: '湖州焊工', skills: ['焊工'], county: '330502', openings: 4, monthlyWage: 9000, startDate: '2099-03-01' },
    });
    expect((await api('POST', '/matching/runs', { token: SMALL_TOKEN, json: { county: COUNTY } })).body.offers).toBe(4);
    for (const t of travellers) await api('POST', '/sim/sms', { json: { from: t.phone, text: '1' } });
    const plan = await api('POST', '/trips/plan', { token: SMALL_TOKEN, json: { county: COUNTY, capacity: 1 } });
    expect(plan.status).toBe(200);
    tripIds = plan.body.trips.map((t: { id: string }) => t.id);
    expect(tripIds).toHaveLength(4);
  });

  it('books every proposed trip of the county in the background: 202, then {booked, seats, failed}', { timeout: 120_000 }, async () => {
    const started = await api('POST', '/trips/book', { token: SMALL_TOKEN, json: { county: COUNTY } });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ jobId: expect.stringMatching(/^[0-9A-Z]{26}$/), state: 'running', done: 0, total: 4 });
    const job = await until(() => api('GET', `/jobs/${started.body.jobId}`, { token: SMALL_TOKEN }), (r) => r.body.state !== 'running');
    expect(job.body).toMatchObject({ kind: 'bulkBooking', state: 'done', done: 4, total: 4, result: { booked: 4, seats: 4, failed: [] } });
    const trips = await api('GET', `/trips?county=${COUNTY}`, { token: SMALL_TOKEN });
    expect(trips.body.filter((t: { id: string; status: string }) => tripIds.includes(t.id)).map((t: { status: string }) => t.status)).toEqual(['booked', 'booked', 'booked', 'booked']);
    for (const t of travellers) expect((await api('GET', `/labourers/${t.id}`, { token: SMALL_TOKEN })).body.status).toBe('travelling');
  });

  it('books a few named trips at once (200); booking again seats nobody twice and sends no second notice', async () => {
    await local.system.flushOutbox();
    const before = await api('GET', `/messages?phone=${travellers[0]!.phone}`, { token: SMALL_TOKEN });
    const res = await api('POST', '/trips/book', { token: SMALL_TOKEN, json: { county: COUNTY, tripIds: tripIds.slice(0, 2) } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ booked: 2, seats: 2, failed: [] });
    await local.system.flushOutbox();
    const after = await api('GET', `/messages?phone=${travellers[0]!.phone}`, { token: SMALL_TOKEN });
    expect(after.body).toHaveLength(before.body.length);
  });

  it('names each trip it could not book, with the reason', async () => {
    const res = await api('POST', '/trips/book', { token: SMALL_TOKEN, json: { county: COUNTY, tripIds: ['01JZZZZZZZZZZZZZZZZZZZZZZZ'] } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ booked: 0, seats: 0, failed: [{ tripId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', reason: '没有这趟车' }] });
    const elsewhere = await api('POST', '/trips/book', { token: 'dev:admin:all', json: { county: '510823', tripIds: [tripIds[0]] } });
    expect(elsewhere.body.failed).toEqual([{ tripId: tripIds[0], reason: '不是本县的车' }]);
  });

  it('refuses another county’s coordinator and bad input, in Chinese', async () => {
    expect((await api('POST', '/trips/book', { token: 'dev:coordinator:510823', json: { county: COUNTY } })).status).toBe(403);
    const bad = await api('POST', '/trips/book', { token: SMALL_TOKEN, json: { county: COUNTY, tripIds: ['not-a-trip'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].message).toBe('车次编号不对');
    expect((await api('POST', '/trips/book', { token: SMALL_TOKEN, json: { county: COUNTY, tripIds: [] } })).status).toBe(400);
    expect((await api('POST', '/trips/book', { token: SMALL_TOKEN, json: {} })).status).toBe(400);
  });
});
