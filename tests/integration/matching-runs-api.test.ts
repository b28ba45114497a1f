// A matching run's record and whom it left out, why: GET /matching/runs/{id} and …/unmatched, on DynamoDB Local.
import { beforeAll, describe, expect, it } from 'vitest';
import { finishRunRecord, readRunRecord, startRunRecord, unmatchedPage } from '../../functions/services/matching-run-record.js';
import type { UnmatchedReason } from '../../functions/domain/matching/index.js';
import { useTestSystem } from '../helpers/local-api.js';
import { depsForTable } from '../helpers/local-table.js';
import { registrationBody } from '../helpers/people.js';

const local = useTestSystem();
const { api } = local;
const token = 'dev:coordinator:510822';
const ids: Record<string, string> = {};
let runId = '';
let runAnswer: Record<string, unknown> = {};

async function register(key: string, overrides: Record<string, unknown> = {}) {
  const body = registrationBody(overrides);
  const res = await api('POST', '/labourers', { json: body, token });
  expect(res.status).toBe(201);
  ids[key] = res.body.id;
  return body;
}

beforeAll(async () => {
  // One place for a 泥瓦工 in Huzhou; the first comer gets it, each of the others is left out for one reason.
  await register('offered');
  await register('full');
  await register('trade', { skills: ['木工'] });
  await register('wage', { expectedWage: 8000 });
  await register('dates', { availableFrom: '2099-04-01' });
  await register('stayHome', { canTravel: false, destinations: [] });
  const quitter = await register('optedOut');
  await api('POST', '/sim/sms', { json: { from: quitter.phone, text: 'TD' } });
  const job = await api('POST', '/vacancies', {
    token: 'dev:employer:huzhou-build',
    json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 1, monthlyWage: 6000, startDate: '2099-03-01' },
  });
  expect(job.status).toBe(201);
  const run = await api('POST', '/matching/runs', { token, json: { county: '510822' } });
  expect(run.status).toBe(200);
  runId = run.body.runId;
  runAnswer = run.body;
});

describe('GET /matching/runs/{id}', () => {
  it('answers the finished run with its counts per reason', async () => {
    const res = await api('GET', `/matching/runs/${runId}`, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      runId,
      county: '510822',
      state: 'done',
      offers: 1,
      unmatched: 6,
      done: 1,
      total: 1,
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
      byReason: {
        opted_out: 1,
        cannot_travel_no_local_job: 1,
        no_trade_in_destinations: 1,
        wage_above_vacancies: 1,
        available_after_start: 1,
        vacancies_full: 1,
      },
    });
    expect(runAnswer).toMatchObject({ offers: 1, unmatched: 6, byReason: res.body.byReason });
  });

  it('is the county coordinator’s and the admin’s only; an unknown run is 404', async () => {
    expect((await api('GET', `/matching/runs/${runId}`, { token: 'dev:coordinator:510823' })).status).toBe(403);
    expect((await api('GET', `/matching/runs/${runId}`, { token: 'dev:admin:all' })).status).toBe(200);
    expect((await api('GET', '/matching/runs/01ARZ3NDEKTSV4RRFFQ69G5FAV', { token })).status).toBe(404);
  });
});

describe('GET /matching/runs/{id}/unmatched', () => {
  it('lists each labourer left out with the first reason that held', async () => {
    const res = await api('GET', `/matching/runs/${runId}/unmatched`, { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-next-cursor')).toBeNull();
    const byLabourer = Object.fromEntries(res.body.map((u: { labourerId: string; reason: string }) => [u.labourerId, u.reason]));
    expect(byLabourer).toEqual({
      [ids.optedOut!]: 'opted_out',
      [ids.stayHome!]: 'cannot_travel_no_local_job',
      [ids.trade!]: 'no_trade_in_destinations',
      [ids.wage!]: 'wage_above_vacancies',
      [ids.dates!]: 'available_after_start',
      [ids.full!]: 'vacancies_full',
    });
  });

  it('filters by reason, and refuses a reason or cursor it does not know', async () => {
    const res = await api('GET', `/matching/runs/${runId}/unmatched?reason=vacancies_full`, { token });
    expect(res.body).toEqual([{ labourerId: ids.full, reason: 'vacancies_full' }]);
    expect((await api('GET', `/matching/runs/${runId}/unmatched?reason=bored`, { token })).status).toBe(400);
    expect((await api('GET', `/matching/runs/${runId}/unmatched?cursor=x`, { token })).status).toBe(400);
    expect((await api('GET', `/matching/runs/${runId}/unmatched`, { token: 'dev:coordinator:510823' })).status).toBe(403);
  });

  it('pages a long list in stored parts, reason after reason', async () => {
    const deps = depsForTable(local.system.tableName);
    const big = deps.newId();
    await startRunRecord(deps, big, '510822');
    const reasons = new Map<string, UnmatchedReason>();
    for (let i = 0; i < 2500; i++) reasons.set(`L${String(i).padStart(5, '0')}`, i < 2100 ? 'vacancies_full' : 'wage_above_vacancies');
    await finishRunRecord(deps, big, { planned: 0, offers: 0, objective: 0, poorPlaced: 0, reasons });
    const run = (await readRunRecord(deps, big))!;
    const seen: string[] = [];
    let cursor: string | undefined;
    const pages: string[] = [];
    do {
      const res = await api('GET', `/matching/runs/${big}/unmatched${cursor ? `?cursor=${cursor}` : ''}`, { token });
      expect(res.status).toBe(200);
      pages.push(`${res.body[0].reason}:${res.body.length}`);
      seen.push(...res.body.map((u: { labourerId: string }) => u.labourerId));
      cursor = res.headers.get('x-next-cursor') ?? undefined;
    } while (cursor);
    expect(pages).toEqual(['wage_above_vacancies:400', 'vacancies_full:1000', 'vacancies_full:1000', 'vacancies_full:100']);
    expect(new Set(seen).size).toBe(2500);
    const one = await unmatchedPage(deps, run, { reason: 'vacancies_full', cursor: { reason: 'vacancies_full', part: 2 } });
    expect(one.items).toHaveLength(100);
    expect(one.cursor).toBeUndefined();
  });
});
