// The national run end to end on DynamoDB Local, through the local runner (the state machine's steps
// with a Promise pool): a few counties competing for the same jobs, posts that stay home, a county that
// fails without failing the run, and a retried county step that stays within its quota.
import { describe, expect, it } from 'vitest';
import { runNationalLocally } from '../../bin/local/national-run.js';
import { matchCounty, type MatchLabourer } from '../../functions/domain/matching/index.js';
import type { Skill } from '../../functions/domain/skills.js';
import type { Deps } from '../../functions/services/deps.js';
import { createPost, listOpenVacancies, postVacancy } from '../../functions/services/manage-vacancies.js';
import { toMatchLabourer, toMatchVacancy } from '../../functions/services/matching-input.js';
import { allocateNational, nationalRunStatus, nationalRunStore, runCountyWithinAllocation } from '../../functions/services/national-run.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { freshDeps } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

const QINGCHUAN = '510822';
const WANGCANG = '510821';
const CHAOTIAN = '510812';
const NOW = new Date('2027-02-01T02:00:00Z');
const TODAY = '2027-02-01';

interface Person {
  skills?: Skill[];
  destinations?: string[];
  wage?: number;
  poor?: boolean;
  canTravel?: boolean;
}

async function register(deps: Deps, county: string, count: number, person: Person = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await registerLabourer(deps, {
      name: '王立学',
      idNumber: validIdNumber(county),
      phone: mobilePhone(),
      skills: person.skills ?? ['泥瓦工'],
      destinations: person.destinations ?? ['3305'],
      expectedWage: person.wage ?? 4500,
      canTravel: person.canTravel ?? true,
      channel: 'web',
      povertySelfDeclared: person.poor ?? false,
    });
    ids.push(id);
  }
  return ids;
}

async function job(deps: Deps, county: string, openings: number, skills: Skill[] = ['泥瓦工'], monthlyWage = 6000): Promise<string> {
  const v = await postVacancy(deps, {
    employerId: 'huzhou-build', employerKind: 'enterprise', title: '湖州工地', skills, county, openings, monthlyWage, startDate: '2027-03-01',
  });
  return v.id;
}

async function allOffers(deps: Deps, counties: string[]) {
  const lists = await Promise.all(
    counties.map((county) => deps.db.entities.offer.query.offersByCounty({ county, status: 'offered' }).go({ pages: 'all' })),
  );
  return lists.flatMap((l) => l.data);
}

/** The single global optimum over everyone, from the same store (before the run). */
async function globalOptimum(deps: Deps, counties: string[]) {
  const labourers: MatchLabourer[] = [];
  for (const homeCounty of counties) {
    const { data } = await deps.db.entities.labourer.query.labourersByCounty({ homeCounty, status: 'registered' }).go({ pages: 'all' });
    labourers.push(...data.map((l) => toMatchLabourer(l)));
  }
  const vacancies = (await listOpenVacancies(deps)).map(toMatchVacancy);
  return matchCounty(labourers, vacancies, { today: TODAY });
}

describe('national run, locally on DynamoDB Local', () => {
  it('matches several counties within the allocation and reaches the global optimum', async () => {
    // prepare: Qingchuan and Wangcang both want Huzhou; Wangcang's labourers are poor; Chaotian goes to Guangdong
    const deps = await freshDeps({ clock: { now: () => NOW } });
    await register(deps, QINGCHUAN, 5, { destinations: ['330502'], wage: 3000 });
    const poor = await register(deps, WANGCANG, 3, { destinations: ['33'], poor: true });
    await register(deps, WANGCANG, 2, { skills: ['电工'], destinations: ['44'], wage: 5000 });
    await register(deps, CHAOTIAN, 3, { skills: ['普工'], destinations: [], canTravel: false, wage: 1800 });
    const huzhou = await job(deps, '330502', 4);
    await job(deps, '440305', 1, ['电工'], 7000);
    const post = await createPost(deps, {
      title: '疫情防控卡口值守', county: CHAOTIAN, openings: 2, monthlyWage: 2000, months: 3, poorShareMin: 0, startDate: '2027-03-01', skills: ['普工'],
    });
    const counties = [QINGCHUAN, WANGCANG, CHAOTIAN];
    const global = await globalOptimum(deps, counties);

    // act
    const run = await runNationalLocally(deps, counties, { parallelism: 2 });

    // assess
    expect(run).toMatchObject({ counties: 3, succeeded: 3, failed: [], errors: [], skipped: 0 });
    const offers = await allOffers(deps, counties);
    expect(offers).toHaveLength(run.offers);
    expect(offers.filter((o) => o.poverty).length).toBe(global.poorPlaced);
    expect(offers.reduce((sum, o) => sum + o.fit, 0)).toBe(global.totalFit);
    expect(run.allocation).toMatchObject({ poorPlaced: global.poorPlaced, totalFit: global.totalFit });
    // Poor first across counties: all three poor Wangcang labourers got a Huzhou place, Qingchuan the last one.
    const huzhouOffers = offers.filter((o) => o.vacancyId === huzhou);
    expect(huzhouOffers).toHaveLength(4);
    expect(huzhouOffers.filter((o) => poor.includes(o.labourerId))).toHaveLength(3);
    expect(huzhouOffers.filter((o) => o.county === QINGCHUAN)).toHaveLength(1);
    // The post stays at home.
    expect(offers.filter((o) => o.vacancyId === post.id).every((o) => o.county === CHAOTIAN)).toBe(true);
    expect(offers.filter((o) => o.vacancyId === post.id)).toHaveLength(2);
    const vacancies = await listOpenVacancies(deps);
    expect(vacancies.every((v) => v.remaining >= 0 && v.offered <= v.openings)).toBe(true);
  });

  it('collects a failing county and finishes the run for the others', async () => {
    const deps = await freshDeps({ clock: { now: () => NOW } });
    await register(deps, QINGCHUAN, 2);
    await register(deps, WANGCANG, 2);
    await job(deps, '330502', 3);
    // Wangcang's labourers cannot be read (a county whose step keeps failing).
    const labourer = deps.db.entities.labourer;
    const failing = new Proxy(labourer.query, {
      get: (target, key, receiver) =>
        key === 'labourersByCounty'
          ? (facets: { homeCounty: string; status?: string }) => {
              if (facets.homeCounty === WANGCANG) throw new Error('simulated failure');
              return target.labourersByCounty(facets as never);
            }
          : Reflect.get(target, key, receiver),
    });
    const entities = new Proxy(deps.db.entities, {
      get: (target, key, receiver) =>
        key === 'labourer' ? new Proxy(labourer, { get: (t, k, r) => (k === 'query' ? failing : Reflect.get(t, k, r)) }) : Reflect.get(target, key, receiver),
    });
    const flaky: Deps = { ...deps, db: new Proxy(deps.db, { get: (t, k, r) => (k === 'entities' ? entities : Reflect.get(t, k, r)) }) };

    const run = await runNationalLocally(flaky, [QINGCHUAN, WANGCANG], { parallelism: 2, attempts: 2 });

    expect(run).toMatchObject({ counties: 2, succeeded: 1, failed: [WANGCANG], offers: 2 });
    expect(run.errors.map((e) => [e.step, e.county])).toEqual([
      ['summarise', WANGCANG],
      ['match', WANGCANG],
    ]);
  });

  it('a retried county step stays within the county’s quota', async () => {
    const deps = await freshDeps({ clock: { now: () => NOW } });
    await register(deps, QINGCHUAN, 2);
    const vacancy = await job(deps, '330502', 5);
    const allocatedAt = NOW.toISOString();
    const allocation = await allocateNational(deps, { counties: [QINGCHUAN] });
    const quotas = { [vacancy]: 2 };
    expect(allocation.quotas[QINGCHUAN]).toEqual({ [vacancy]: 2 });
    expect(allocation.quotas['330502']).toEqual({ [vacancy]: 3 });

    const first = await runCountyWithinAllocation(deps, QINGCHUAN, quotas, { allocatedAt });
    await register(deps, QINGCHUAN, 1);
    const retried = await runCountyWithinAllocation(deps, QINGCHUAN, quotas, { allocatedAt });

    expect(first).toMatchObject({ county: QINGCHUAN, offers: 2, quotaPlaces: 2 });
    expect(retried).toMatchObject({ offers: 0, quotaPlaces: 0, unmatched: 1 });
    const [stored] = await listOpenVacancies(deps);
    expect(stored).toMatchObject({ offered: 2, remaining: 3 });
  });

  it('records a run whose allocation fails as failed, and says so to whoever asks', async () => {
    const deps = await freshDeps({ clock: { now: () => NOW } });
    await register(deps, QINGCHUAN, 1);
    await job(deps, '330502', 1);
    // The second read of the open vacancies (the allocation's; the plan made the first) fails.
    let reads = 0;
    const vacancy = deps.db.entities.vacancy;
    const query = new Proxy(vacancy.query, {
      get: (target, key, receiver) =>
        key === 'openVacancies'
          ? (facets: never) => {
              if (++reads === 2) throw new Error('simulated outage');
              return target.openVacancies(facets);
            }
          : Reflect.get(target, key, receiver),
    });
    const entities = new Proxy(deps.db.entities, {
      get: (target, key, receiver) =>
        key === 'vacancy' ? new Proxy(vacancy, { get: (t, k, r) => (k === 'query' ? query : Reflect.get(t, k, r)) }) : Reflect.get(target, key, receiver),
    });
    const failing: Deps = { ...deps, db: new Proxy(deps.db, { get: (t, k, r) => (k === 'entities' ? entities : Reflect.get(t, k, r)) }) };

    await expect(runNationalLocally(failing, [QINGCHUAN], { runId: '01JQ0000000000000000000001' })).rejects.toThrow('simulated outage');

    const status = await nationalRunStatus(deps, nationalRunStore(deps), '01JQ0000000000000000000001');
    expect(status).toMatchObject({ state: 'failed', counties: 1, summarised: 1, matched: 0 });
    expect(status?.summary).toBeUndefined();
  });
});
