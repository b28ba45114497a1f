// POST /matching/national-runs and GET /matching/national-runs/{id} through the HTTP contract: the
// local system runs the national steps in process, as the state machine does deployed.
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const ADMIN = 'dev:admin:all';
const QINGCHUAN = '510822';
const WANGCANG = '510821';

const local = useTestSystem();
const { api } = local;

async function register(county: string, overrides: Record<string, unknown> = {}) {
  const res = await api('POST', '/labourers', { json: registrationBody({ idNumber: validIdNumber(county), phone: mobilePhone(), ...overrides }), token: 'dev:admin:all' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** Polls the run (bounded) until it is no longer running. */
async function finished(runId: string) {
  for (let i = 0; i < 200; i++) {
    const res = await api('GET', `/matching/national-runs/${runId}`, { token: ADMIN });
    expect(res.status).toBe(200);
    if (res.body.state !== 'running') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`national run ${runId} still running`);
}

describe('national runs over HTTP', () => {
  it('starts a run over the named counties, reports its progress and its outcome', async () => {
    // prepare: two counties compete for three Huzhou places
    for (const county of [QINGCHUAN, QINGCHUAN, WANGCANG, WANGCANG]) await register(county, { skills: ['泥瓦工'], destinations: ['3305'], expectedWage: 4500 });
    const job = await api('POST', '/vacancies', {
      token: 'dev:employer:huzhou-build',
      json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 3, monthlyWage: 6000, startDate: '2099-03-01' },
    });
    expect(job.status).toBe(201);

    // act
    const started = await api('POST', '/matching/national-runs', { token: ADMIN, json: { counties: [WANGCANG, QINGCHUAN, QINGCHUAN] } });
    const status = await finished(started.body.runId);

    // assess
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ runId: expect.stringMatching(/^[0-9A-Z]{26}$/), state: 'running', counties: 2 });
    expect(status).toMatchObject({ runId: started.body.runId, state: 'succeeded', counties: 2, summarised: 2, matched: 2 });
    expect(status.summary).toMatchObject({ counties: 2, succeeded: 2, failed: [], offers: 3, unmatched: 1 });
    const offered = await Promise.all(
      [QINGCHUAN, WANGCANG].map((county) => api('GET', '/offers?status=offered', { token: `dev:coordinator:${county}` })),
    );
    expect(offered.flatMap((r) => r.body)).toHaveLength(3);
    const vacancy = await api('GET', `/vacancies/${job.body.id}`, { token: ADMIN });
    expect(vacancy.body).toMatchObject({ openings: 3, filled: 0 });
  });

  it('covers the counties the deployment serves when none are named', async () => {
    process.env.COUNTIES = `${WANGCANG},${QINGCHUAN}`;
    try {
      const started = await api('POST', '/matching/national-runs', { token: ADMIN, json: {} });
      expect(started.body).toMatchObject({ state: 'running', counties: 2 });
      expect(await finished(started.body.runId)).toMatchObject({ state: 'succeeded', counties: 2 });
    } finally {
      delete process.env.COUNTIES;
    }
  });

  it('is for admins only', async () => {
    const asCoordinator = await api('POST', '/matching/national-runs', { token: `dev:coordinator:${QINGCHUAN}`, json: {} });
    const asEmployer = await api('GET', '/matching/national-runs/01JAAAAAAAAAAAAAAAAAAAAAAA', { token: 'dev:employer:huzhou-build' });
    const anonymous = await api('POST', '/matching/national-runs', { json: {} });
    expect([asCoordinator.status, asEmployer.status, anonymous.status]).toEqual([403, 403, 401]);
  });

  it('rejects codes that are not counties, and answers 404 for an unknown run', async () => {
    const notACounty = await api('POST', '/matching/national-runs', { token: ADMIN, json: { counties: ['510800'] } });
    const malformed = await api('POST', '/matching/national-runs', { token: ADMIN, json: { counties: ['青川'] } });
    const notAList = await api('POST', '/matching/national-runs', { token: ADMIN, json: { counties: '510822' } });
    const unknown = await api('GET', '/matching/national-runs/01JAAAAAAAAAAAAAAAAAAAAAAA', { token: ADMIN });
    const garbage = await api('GET', '/matching/national-runs/..%2F..', { token: ADMIN });

    const noBody = await api('POST', '/matching/national-runs', { token: ADMIN });

    expect([notACounty.status, malformed.status, notAList.status]).toEqual([400, 400, 400]);
    expect(notACounty.body.error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'counties.0', message: '不是县级行政区划代码' }] });
    expect(malformed.body.error.details).toEqual([{ path: 'counties.0', message: '应为 6 位县级行政区划代码' }]);
    expect(noBody.status).toBe(415);
    expect(noBody.body.error.message).toContain('application/json');
    expect([unknown.status, garbage.status]).toEqual([404, 404]);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });
});
