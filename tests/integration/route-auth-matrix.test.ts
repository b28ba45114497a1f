// Every route × every role: who gets in (not 401/403), who is refused. Written out by hand, so a route
// that forgets its roles fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../functions/http/router.js';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody } from '../helpers/people.js';

const TOKENS = {
  none: undefined,
  coordinator: 'dev:coordinator:510822',
  employer: 'dev:employer:emp-matrix',
  admin: 'dev:admin:all',
} as const;
type Who = keyof typeof TOKENS;

const local = useTestSystem();
const { api } = local;
const ids = { labourer: '', job: '', post: '', phone: '', trip: '', traveller: '', nationalRun: '', run: '', offer: '' };

beforeAll(async () => {
  const body = registrationBody();
  ids.phone = body.phone;
  ids.labourer = (await api('POST', '/labourers', { json: body, token: 'dev:admin:all' })).body.id;
  ids.job = (await api('POST', '/vacancies', { token: TOKENS.employer, json: {
    title: '普工', skills: ['普工'], county: '510822', openings: 5, monthlyWage: 3000, startDate: '2027-03-01' } })).body.id;
  ids.post = (await api('POST', '/posts', { token: TOKENS.coordinator, json: {
    title: '卡口值守', county: '510822', openings: 5, monthlyWage: 1800, months: 3 } })).body.id;
  // A bus with one booked passenger: a labourer who accepted a job in Huzhou.
  const traveller = registrationBody({ skills: ['焊工'], destinations: ['3305'] });
  ids.traveller = (await api('POST', '/labourers', { json: traveller, token: 'dev:admin:all' })).body.id;
  await api('POST', '/vacancies', { token: TOKENS.employer, json: {
    title: '焊工', skills: ['焊工'], county: '330502', openings: 1, monthlyWage: 9000, startDate: '2099-03-01' } });
  // An open offer: a 普工 who takes the county's own 普工 job.
  const holder = (await api('POST', '/labourers', { json: registrationBody({ skills: ['普工'], expectedWage: 2500 }), token: 'dev:admin:all' })).body.id;
  ids.run = (await api('POST', '/matching/runs', { token: TOKENS.coordinator, json: { county: '510822' } })).body.runId;
  ids.offer = (await api('GET', '/offers?status=offered', { token: TOKENS.coordinator })).body.find((o: { labourerId: string }) => o.labourerId === holder).id;
  await api('POST', '/sim/sms', { json: { from: traveller.phone, text: '1' } });
  ids.trip = (await api('POST', '/trips/plan', { token: TOKENS.coordinator, json: { county: '510822' } })).body.trips[0].id;
  await api('POST', `/trips/${ids.trip}/book`, { token: TOKENS.coordinator });
  // A bus leaves on its own day only: this one is moved to today (the matrix departs it).
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  expect((await api('PATCH', `/trips/${ids.trip}`, { token: TOKENS.coordinator, json: { date: today } })).status).toBe(200);
  // A national run over a county nobody here lives in.
  ids.nationalRun = (await api('POST', '/matching/national-runs', { token: TOKENS.admin, json: { counties: ['510823'] } })).body.runId;
});

/** A well-formed id nothing has. */
const UNKNOWN_ID = '01J0000000000000000000000Z';

type Call = {
  method: string;
  path: () => string;
  json?: () => unknown;
  csv?: string;
  /** The response is not JSON. */
  text?: boolean;
  allowed: Who[];
  /** Let in, but the thing is gone by then (404). */
  notFoundFor?: Who[];
  /** Let in, but the thing has moved on by then (409). */
  conflictFor?: Who[];
  /** Public, but only with a verified phone: without a code, 400 VERIFICATION_REQUIRED. */
  needsCode?: Who[];
  route: string;
};
const MATRIX: Call[] = [
  { route: 'GET /health', method: 'GET', path: () => '/health', allowed: ['none', 'coordinator', 'employer', 'admin'] },
  { route: 'GET /auth/config', method: 'GET', path: () => '/auth/config', allowed: ['none', 'coordinator', 'employer', 'admin'] },
  { route: 'POST /labourers', method: 'POST', path: () => '/labourers', json: () => registrationBody(), allowed: ['coordinator', 'admin'], needsCode: ['none', 'employer'] },
  { route: 'POST /labourers/verify', method: 'POST', path: () => '/labourers/verify', json: () => ({ phone: mobilePhone() }), allowed: ['none', 'coordinator', 'employer', 'admin'] },
  { route: 'GET /phone-changes', method: 'GET', path: () => '/phone-changes?county=510822', allowed: ['coordinator', 'admin'] },
  // Nobody asked to change phone: let in, and told there is nothing pending.
  { route: 'POST /phone-changes/{labourerId}/approve', method: 'POST', path: () => `/phone-changes/${ids.labourer}/approve`, allowed: ['coordinator', 'admin'], notFoundFor: ['coordinator', 'admin'] },
  { route: 'POST /phone-changes/{labourerId}/refuse', method: 'POST', path: () => `/phone-changes/${ids.labourer}/refuse`, allowed: ['coordinator', 'admin'], notFoundFor: ['coordinator', 'admin'] },
  { route: 'GET /labourers', method: 'GET', path: () => '/labourers?county=510822', allowed: ['coordinator', 'admin'] },
  { route: 'GET /labourers.xlsx', method: 'GET', path: () => '/labourers.xlsx?county=510822', allowed: ['coordinator', 'admin'], text: true },
  { route: 'POST /labourers/poverty-import', method: 'POST', path: () => '/labourers/poverty-import?county=510822', csv: 'idNumber\n510822198503150018\n', allowed: ['coordinator', 'admin'] },
  { route: 'GET /labourers/{id}', method: 'GET', path: () => `/labourers/${ids.labourer}`, allowed: ['coordinator', 'admin'] },
  { route: 'PATCH /labourers/{id}', method: 'PATCH', path: () => `/labourers/${ids.labourer}`, json: () => ({ expectedWage: 5200 }), allowed: ['coordinator', 'admin'] },
  { route: 'GET /labourers/{id}/history', method: 'GET', path: () => `/labourers/${ids.labourer}/history`, allowed: ['coordinator', 'admin'] },
  { route: 'GET /audit', method: 'GET', path: () => '/audit?county=510822', allowed: ['coordinator', 'admin'] },
  { route: 'POST /vacancies', method: 'POST', path: () => '/vacancies', allowed: ['employer'], json: () => ({
    title: '普工', skills: ['普工'], county: '510822', openings: 1, monthlyWage: 3000, startDate: '2027-03-01' }) },
  { route: 'GET /vacancies', method: 'GET', path: () => '/vacancies?county=510822', allowed: ['coordinator', 'employer', 'admin'] },
  { route: 'GET /vacancies/{id}', method: 'GET', path: () => `/vacancies/${ids.post}`, allowed: ['coordinator', 'admin'] },
  { route: 'PATCH /vacancies/{id}', method: 'PATCH', path: () => `/vacancies/${ids.job}`, json: () => ({ openings: 6 }), allowed: ['employer', 'admin'] },
  { route: 'POST /posts', method: 'POST', path: () => '/posts', allowed: ['coordinator', 'admin'], json: () => ({
    title: '卡口值守', county: '510822', openings: 2, monthlyWage: 1800, months: 3 }) },
  { route: 'POST /matching/runs', method: 'POST', path: () => '/matching/runs', json: () => ({ county: '510822' }), allowed: ['coordinator', 'admin'] },
  // No background job here (one needs a list of over 5,000 rows): let in, and told there is none.
  { route: 'GET /jobs/{id}', method: 'GET', path: () => '/jobs/01JZZZZZZZZZZZZZZZZZZZZZZZ', allowed: ['coordinator', 'admin'], notFoundFor: ['coordinator', 'admin'] },
  { route: 'GET /matching/runs/{id}', method: 'GET', path: () => `/matching/runs/${ids.run}`, allowed: ['coordinator', 'admin'] },
  { route: 'GET /matching/runs/{id}/unmatched', method: 'GET', path: () => `/matching/runs/${ids.run}/unmatched`, allowed: ['coordinator', 'admin'] },
  { route: 'POST /matching/national-runs', method: 'POST', path: () => '/matching/national-runs', json: () => ({ counties: ['510823'] }), allowed: ['admin'] },
  { route: 'GET /matching/national-runs/{id}', method: 'GET', path: () => `/matching/national-runs/${ids.nationalRun}`, allowed: ['admin'] },
  { route: 'GET /stats', method: 'GET', path: () => '/stats?county=510822', allowed: ['coordinator', 'admin'] },
  { route: 'GET /offers', method: 'GET', path: () => '/offers?county=510822', allowed: ['coordinator', 'admin'] },
  { route: 'GET /offers.xlsx', method: 'GET', path: () => '/offers.xlsx?county=510822', allowed: ['coordinator', 'admin'], text: true },
  { route: 'POST /offers/{id}/resend', method: 'POST', path: () => `/offers/${ids.offer}/resend`, allowed: ['coordinator', 'admin'] },
  { route: 'POST /offers/{id}/extend', method: 'POST', path: () => `/offers/${ids.offer}/extend`, json: () => ({ hours: 1 }), allowed: ['coordinator', 'admin'] },
  // The coordinator withdraws it; the admin then finds it withdrawn already.
  { route: 'POST /offers/{id}/withdraw', method: 'POST', path: () => `/offers/${ids.offer}/withdraw`, allowed: ['coordinator', 'admin'], conflictFor: ['admin'] },
  { route: 'POST /trips/plan', method: 'POST', path: () => '/trips/plan', json: () => ({ county: '510822' }), allowed: ['coordinator', 'admin'] },
  { route: 'GET /trips', method: 'GET', path: () => '/trips?county=510822', allowed: ['coordinator', 'admin'] },
  { route: 'PATCH /trips/{id}', method: 'PATCH', path: () => `/trips/${ids.trip}`, json: () => ({ escort: '李医生' }), allowed: ['coordinator', 'admin'] },
  // Let in, then refused on the data: the traveller is on this bus already; nobody has that id.
  { route: 'POST /trips/{id}/passengers', method: 'POST', path: () => `/trips/${ids.trip}/passengers`, json: () => ({ labourerId: ids.traveller }), allowed: ['coordinator', 'admin'], conflictFor: ['coordinator', 'admin'] },
  { route: 'POST /trips/{id}/merge', method: 'POST', path: () => `/trips/${ids.trip}/merge`, json: () => ({ intoTripId: UNKNOWN_ID }), allowed: ['coordinator', 'admin'], notFoundFor: ['coordinator', 'admin'] },
  { route: 'POST /trips/{id}/split', method: 'POST', path: () => `/trips/${ids.trip}/split`, json: () => ({ labourerIds: [UNKNOWN_ID] }), allowed: ['coordinator', 'admin'], notFoundFor: ['coordinator', 'admin'] },
  { route: 'GET /counties/{code}/pickup-points', method: 'GET', path: () => '/counties/510822/pickup-points', allowed: ['coordinator', 'admin'] },
  { route: 'PUT /counties/{code}/pickup-points', method: 'PUT', path: () => '/counties/510822/pickup-points', json: () => ({ points: [{ name: '青川县汽车客运站' }] }), allowed: ['coordinator', 'admin'] },
  { route: 'POST /trips/{id}/book', method: 'POST', path: () => `/trips/${ids.trip}/book`, allowed: ['coordinator', 'admin'] },
  { route: 'POST /trips/book', method: 'POST', path: () => '/trips/book', json: () => ({ county: '510822', tripIds: [ids.trip] }), allowed: ['coordinator', 'admin'] },
  { route: 'GET /trips/{id}/manifest.csv', method: 'GET', path: () => `/trips/${ids.trip}/manifest.csv`, allowed: ['coordinator', 'admin'], text: true },
  // Runs last for each role: a freed seat is gone; the admin's call finds it already freed by the coordinator.
  { route: 'DELETE /trips/{id}/seats/{labourerId}', method: 'DELETE', path: () => `/trips/${ids.trip}/seats/${ids.traveller}`, allowed: ['coordinator'], notFoundFor: ['admin'] },
  { route: 'GET /messages', method: 'GET', path: () => `/messages?phone=${ids.phone}`, allowed: ['coordinator', 'admin'] },
  { route: 'POST /messages/resend', method: 'POST', path: () => '/messages/resend', json: () => ({ county: '510822', status: 'failed' }), allowed: ['coordinator', 'admin'] },
  { route: 'POST /broadcasts/preview', method: 'POST', path: () => '/broadcasts/preview', json: () => ({ county: '510822', segment: { poverty: true }, text: '招聘会通知' }), allowed: ['coordinator', 'admin'] },
  { route: 'POST /broadcasts', method: 'POST', path: () => '/broadcasts', json: () => ({ county: '510822', segment: { watch: true }, text: '招聘会通知' }), allowed: ['coordinator', 'admin'] },
  { route: 'GET /broadcasts', method: 'GET', path: () => '/broadcasts?county=510822', allowed: ['coordinator', 'admin'] },
  // After the bus (issue #18). The seat freed above: the roll call is empty, so the bus may leave and arrive;
  // the admin then finds it gone already.
  { route: 'GET /trips/{id}/boarding', method: 'GET', path: () => `/trips/${ids.trip}/boarding`, allowed: ['coordinator', 'admin'] },
  { route: 'POST /trips/{id}/boarding', method: 'POST', path: () => `/trips/${ids.trip}/boarding`, json: () => ({ labourerId: ids.traveller, present: true }), allowed: ['coordinator', 'admin'], notFoundFor: ['coordinator', 'admin'] },
  { route: 'POST /trips/{id}/escort-token', method: 'POST', path: () => `/trips/${ids.trip}/escort-token`, json: () => ({}), allowed: ['coordinator', 'admin'] },
  { route: 'POST /trips/{id}/depart', method: 'POST', path: () => `/trips/${ids.trip}/depart`, allowed: ['coordinator', 'admin'], conflictFor: ['admin'] },
  { route: 'POST /trips/{id}/arrive', method: 'POST', path: () => `/trips/${ids.trip}/arrive`, allowed: ['coordinator', 'admin'], conflictFor: ['admin'] },
  { route: 'GET /vacancies/{id}/workers', method: 'GET', path: () => `/vacancies/${ids.job}/workers`, allowed: ['coordinator', 'employer', 'admin'] },
  // Let in, then refused on the data: the offer was withdrawn above.
  { route: 'POST /offers/{id}/placed', method: 'POST', path: () => `/offers/${ids.offer}/placed`, allowed: ['coordinator', 'employer', 'admin'], conflictFor: ['coordinator', 'employer', 'admin'] },
  { route: 'POST /offers/{id}/not-arrived', method: 'POST', path: () => `/offers/${ids.offer}/not-arrived`, allowed: ['coordinator', 'employer', 'admin'], conflictFor: ['coordinator', 'employer', 'admin'] },
  { route: 'GET /reports/placements.xlsx', method: 'GET', path: () => '/reports/placements.xlsx?county=510822', allowed: ['coordinator', 'admin'], text: true },
];

describe('route × role matrix', () => {
  it('covers every route of the router', () => {
    const routes = routeTable({} as never).map((r) => `${r.method} ${r.path}`);
    expect(MATRIX.map((c) => c.route).sort()).toEqual([...new Set(routes)].sort());
  });

  for (const call of MATRIX) {
    for (const who of Object.keys(TOKENS) as Who[]) {
      const allowed = call.allowed.includes(who);
      it(`${call.route} as ${who}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const body = call.csv ? { body: call.csv, contentType: 'text/csv' } : { json: call.json?.() };
        const res = call.text
          ? await fetch(new URL(call.path(), local.system.url), { headers: TOKENS[who] ? { authorization: `Bearer ${TOKENS[who]}` } : {} })
          : await api(call.method, call.path(), { token: TOKENS[who], ...body });
        if (call.notFoundFor?.includes(who)) {
          expect(res.status).toBe(404);
        } else if (call.conflictFor?.includes(who)) {
          expect(res.status).toBe(409);
        } else if (call.needsCode?.includes(who)) {
          expect(res.status).toBe(400);
          expect(res.body.error.code).toBe('VERIFICATION_REQUIRED');
        } else if (allowed) {
          expect([401, 403]).not.toContain(res.status);
          expect(res.status).toBeLessThan(300);
        } else {
          expect(res.status).toBe(who === 'none' ? 401 : 403);
        }
      });
    }
  }
});

// The scopes of the after-the-bus routes (issue #18): an escort only on their own trip, an employer only on
// their own vacancy's workers, a coordinator only on their own county's.
describe('after-the-bus scopes', () => {
  const other = { trip: '', otherTrip: '' };
  beforeAll(async () => {
    // A second bus of the county: an escort of it opens nothing of the first.
    const traveller = registrationBody({ skills: ['电工'], destinations: ['3305'] });
    await api('POST', '/labourers', { json: traveller, token: 'dev:admin:all' });
    await api('POST', '/vacancies', { token: 'dev:employer:emp-scope', json: {
      title: '电工', skills: ['电工'], county: '330502', openings: 1, monthlyWage: 9000, startDate: '2099-04-01' } });
    await api('POST', '/matching/runs', { token: TOKENS.coordinator, json: { county: '510822' } });
    await api('POST', '/sim/sms', { json: { from: traveller.phone, text: '1' } });
    other.trip = (await api('POST', '/trips/plan', { token: TOKENS.coordinator, json: { county: '510822' } })).body.trips[0].id;
    await api('POST', `/trips/${other.trip}/book`, { token: TOKENS.coordinator });
  });

  it('keeps an escort to their own trip, and away from every other route', async () => {
    const escort = `dev:escort:${ids.trip}`;
    const stored = (await api('POST', `/trips/${ids.trip}/escort-token`, { token: TOKENS.coordinator, json: {} })).body.token as string;
    for (const token of [escort, stored]) {
      expect((await api('GET', `/trips/${ids.trip}/boarding`, { token })).status).toBe(200);
      expect((await api('GET', `/trips/${other.trip}/boarding`, { token })).status).toBe(403);
      expect((await api('POST', `/trips/${other.trip}/boarding`, { token, json: { labourerId: ids.traveller, present: false } })).status).toBe(403);
      expect((await api('POST', `/trips/${other.trip}/depart`, { token })).status).toBe(403);
      expect((await api('POST', `/trips/${other.trip}/arrive`, { token })).status).toBe(403);
      const manifest = await fetch(new URL(`/trips/${other.trip}/manifest.csv`, local.system.url), { headers: { authorization: `Bearer ${token}` } });
      expect(manifest.status).toBe(403);
    }
    // A dev escort token is a principal of its own: no other route lets it in.
    expect((await api('GET', '/trips?county=510822', { token: escort })).status).toBe(403);
    expect((await api('GET', `/labourers/${ids.labourer}`, { token: escort })).status).toBe(403);
    expect((await api('POST', `/trips/${ids.trip}/escort-token`, { token: escort, json: {} })).status).toBe(403);
    // A stored token is no staff token anywhere else.
    expect((await api('GET', '/trips?county=510822', { token: stored })).status).toBe(401);
  });

  it('keeps an employer to their own vacancy, and a coordinator to their own county', async () => {
    expect((await api('GET', `/vacancies/${ids.job}/workers`, { token: 'dev:employer:emp-other' })).status).toBe(403);
    expect((await api('POST', `/offers/${ids.offer}/placed`, { token: 'dev:employer:emp-other' })).status).toBe(403);
    expect((await api('POST', `/offers/${ids.offer}/not-arrived`, { token: 'dev:employer:emp-other' })).status).toBe(403);
    const elsewhere = 'dev:coordinator:330502';
    expect((await api('GET', `/vacancies/${ids.job}/workers`, { token: elsewhere })).status).toBe(403);
    expect((await api('POST', `/offers/${ids.offer}/placed`, { token: elsewhere })).status).toBe(403);
    expect((await api('GET', `/trips/${other.trip}/boarding`, { token: elsewhere })).status).toBe(403);
    expect((await api('POST', `/trips/${other.trip}/depart`, { token: elsewhere })).status).toBe(403);
    expect((await api('POST', `/trips/${other.trip}/escort-token`, { token: elsewhere, json: {} })).status).toBe(403);
    expect((await api('GET', '/reports/placements.xlsx?county=510822', { token: elsewhere })).status).toBe(403);
  });
});
