// Employers' vacancies and coordinators' public-welfare posts through the HTTP contract, on DynamoDB Local.
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../helpers/local-api.js';
import { depsForTable } from '../helpers/local-table.js';
import { registrationBody, validIdNumber } from '../helpers/people.js';

const EMPLOYER_A = 'dev:employer:huzhou-bricks';
const EMPLOYER_B = 'dev:employer:dongguan-garments';
const COORDINATOR = 'dev:coordinator:510822';
const HUZHOU_COORDINATOR = 'dev:coordinator:330502';
const ADMIN = 'dev:admin:all';

const local = useTestSystem();
const { api } = local;

function vacancy(overrides: Record<string, unknown> = {}) {
  return { title: '瓦工（湖州建筑工地）', skills: ['泥瓦工'], county: '330502', openings: 30, monthlyWage: 6000, startDate: '2027-03-01', ...overrides };
}

function post(overrides: Record<string, unknown> = {}) {
  return { title: '疫情防控卡口值守', county: '510822', openings: 10, monthlyWage: 1800, months: 3, ...overrides };
}

const paths = (res: { body: { error: { details: { path: string }[] } } }) => res.body.error.details.map((d) => d.path);

describe('POST /vacancies', () => {
  it('lets an employer post a vacancy that the county coordinator then sees with openings and filled', async () => {
    const created = await api('POST', '/vacancies', { token: EMPLOYER_A, json: vacancy() });
    const list = await api('GET', '/vacancies?county=330502&kind=job', { token: HUZHOU_COORDINATOR });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String) });
    expect(list.body).toContainEqual(
      expect.objectContaining({
        id: created.body.id, kind: 'job', title: '瓦工（湖州建筑工地）', skills: ['泥瓦工'], county: '330502',
        openings: 30, filled: 0, monthlyWage: 6000, startDate: '2027-03-01', status: 'open',
      }),
    );
  });

  it.each([
    ['a skill outside the vocabulary', { skills: ['宇航员'] }, 'skills.0'],
    ['no skills', { skills: [] }, 'skills'],
    ['a county code that does not exist', { county: '999999' }, 'county'],
    ['a county code of the wrong shape', { county: '3305' }, 'county'],
    ['zero openings', { openings: 0 }, 'openings'],
    ['more than 10,000 openings', { openings: 10_001 }, 'openings'],
    ['a fractional opening', { openings: 2.5 }, 'openings'],
    ['a zero wage', { monthlyWage: 0 }, 'monthlyWage'],
    ['a wage over 100,000', { monthlyWage: 100_001 }, 'monthlyWage'],
    ['a date that is not in the calendar', { startDate: '2027-02-30' }, 'startDate'],
    ['a date in another format', { startDate: '2027/03/01' }, 'startDate'],
    ['a one-character title', { title: '工' }, 'title'],
    ['a title too long', { title: '工'.repeat(61) }, 'title'],
    ['an unknown employer kind', { employerKind: 'bank' }, 'employerKind'],
  ])('refuses %s with 400 naming the field', async (_what, override, path) => {
    const res = await api('POST', '/vacancies', { token: EMPLOYER_A, json: vacancy(override) });
    expect(res.status).toBe(400);
    expect(paths(res)).toContain(path);
  });

  it('names every bad field at once', async () => {
    const res = await api('POST', '/vacancies', { token: EMPLOYER_A, json: { title: '', skills: ['x'], openings: -1 } });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['title', 'skills.0', 'county', 'openings', 'monthlyWage', 'startDate']));
  });

  it('accepts a poverty-alleviation workshop', async () => {
    const created = await api('POST', '/vacancies', { token: EMPLOYER_A, json: vacancy({ employerKind: 'workshop', county: '510822' }) });
    const read = await api('GET', `/vacancies/${created.body.id}`, { token: EMPLOYER_A });
    expect(read.body.employerKind).toBe('workshop');
  });
});

describe('employer isolation', () => {
  it("keeps employer B away from A's vacancies", async () => {
    const created = await api('POST', '/vacancies', { token: EMPLOYER_A, json: vacancy() });
    const listB = await api('GET', '/vacancies', { token: EMPLOYER_B });
    const readB = await api('GET', `/vacancies/${created.body.id}`, { token: EMPLOYER_B });
    const patchB = await api('PATCH', `/vacancies/${created.body.id}`, { token: EMPLOYER_B, json: { status: 'closed' } });
    const listA = await api('GET', '/vacancies', { token: EMPLOYER_A });
    expect(listB.body.map((v: { id: string }) => v.id)).not.toContain(created.body.id);
    expect(readB.status).toBe(403);
    expect(patchB.status).toBe(403);
    expect(listA.body.map((v: { id: string }) => v.id)).toContain(created.body.id);
  });

  it('tells employer ids apart by case: EMPA is not empA', async () => {
    const created = await api('POST', '/vacancies', { token: 'dev:employer:empA', json: vacancy() });
    const listUpper = await api('GET', '/vacancies', { token: 'dev:employer:EMPA' });
    const readUpper = await api('GET', `/vacancies/${created.body.id}`, { token: 'dev:employer:EMPA' });
    const patchUpper = await api('PATCH', `/vacancies/${created.body.id}`, { token: 'dev:employer:EMPA', json: { status: 'closed' } });
    const listOwn = await api('GET', '/vacancies', { token: 'dev:employer:empA' });
    expect(listUpper.status).toBe(200);
    expect(listUpper.body.map((v: { id: string }) => v.id)).not.toContain(created.body.id);
    expect([readUpper.status, patchUpper.status]).toEqual([403, 403]);
    expect(listOwn.body.map((v: { id: string; status: string }) => [v.id, v.status])).toContainEqual([created.body.id, 'open']);
  });

  it('refuses an employer id that is not a short code, before it reaches the store', async () => {
    const long = await api('POST', '/vacancies', { token: `dev:employer:${'e'.repeat(5_000)}`, json: vacancy() });
    const odd = await api('GET', '/vacancies', { token: 'dev:employer:a#b/c' });
    expect([long.status, odd.status]).toEqual([403, 403]);
    expect(long.body.error.code).toBe('FORBIDDEN');
  });
});

describe('PATCH /vacancies/{id}', () => {
  it('never reduces openings below the places filled or offered', async () => {
    const created = await api('POST', '/vacancies', { token: EMPLOYER_A, json: vacancy({ openings: 10 }) });
    await depsForTable(local.system.tableName).db.entities.vacancy.patch({ vacancyId: created.body.id }).set({ filled: 3, offered: 2, remaining: 5 }).go();
    const tooFew = await api('PATCH', `/vacancies/${created.body.id}`, { token: EMPLOYER_A, json: { openings: 4 } });
    const justEnough = await api('PATCH', `/vacancies/${created.body.id}`, { token: EMPLOYER_A, json: { openings: 5 } });
    expect(tooFew.status).toBe(409);
    expect(paths(tooFew)).toEqual(['openings']);
    expect(justEnough.status).toBe(200);
    expect(justEnough.body).toMatchObject({ openings: 5, filled: 3 });
  });

  it('closes a vacancy', async () => {
    const created = await api('POST', '/vacancies', { token: EMPLOYER_A, json: vacancy() });
    const closed = await api('PATCH', `/vacancies/${created.body.id}`, { token: EMPLOYER_A, json: { status: 'closed' } });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
  });

  it('refuses an empty change and an unknown vacancy', async () => {
    const created = await api('POST', '/vacancies', { token: EMPLOYER_A, json: vacancy() });
    const empty = await api('PATCH', `/vacancies/${created.body.id}`, { token: EMPLOYER_A, json: {} });
    const unknown = await api('PATCH', '/vacancies/nope', { token: EMPLOYER_A, json: { status: 'closed' } });
    expect(empty.status).toBe(400);
    expect(unknown.status).toBe(404);
  });

  it('answers 404 in Chinese for an id no vacancy could have, however long', async () => {
    for (const id of ['x'.repeat(5_000), '01jaaaaaaaaaaaaaaaaaaaaaaa', '%00', '..%2F..']) {
      const read = await api('GET', `/vacancies/${id}`, { token: EMPLOYER_A });
      const change = await api('PATCH', `/vacancies/${id}`, { token: EMPLOYER_A, json: { status: 'closed' } });
      expect([read.status, change.status]).toEqual([404, 404]);
      expect(read.body.error).toMatchObject({ code: 'NOT_FOUND', message: '没有这条记录（编号不对）' });
    }
  });

  it("lets a coordinator change their county's post but not an employer's job", async () => {
    const job = await api('POST', '/vacancies', { token: EMPLOYER_A, json: vacancy({ county: '510822' }) });
    const created = await api('POST', '/posts', { token: COORDINATOR, json: post() });
    const onJob = await api('PATCH', `/vacancies/${job.body.id}`, { token: COORDINATOR, json: { openings: 1 } });
    const onPost = await api('PATCH', `/vacancies/${created.body.id}`, { token: COORDINATOR, json: { openings: 12 } });
    expect(onJob.status).toBe(403);
    expect(onPost.status).toBe(200);
    expect(onPost.body.openings).toBe(12);
  });
});

describe('POST /posts', () => {
  it('creates a public-welfare post for the coordinator’s own county, 60 % for poor households by default', async () => {
    const created = await api('POST', '/posts', { token: COORDINATOR, json: post({ startDate: '2027-01-31', months: 3 }) });
    const list = await api('GET', '/vacancies?kind=post', { token: COORDINATOR });
    expect(created.status).toBe(201);
    const stored = list.body.find((v: { id: string }) => v.id === created.body.id);
    expect(stored).toMatchObject({ kind: 'post', county: '510822', months: 3, poorShareMin: 0.6, endDate: '2027-04-30', skills: ['普工'] });
    expect(list.body.every((v: { kind: string }) => v.kind === 'post')).toBe(true);
  });

  it("refuses another county's post", async () => {
    const res = await api('POST', '/posts', { token: HUZHOU_COORDINATOR, json: post() });
    expect(res.status).toBe(403);
  });

  it.each([
    ['a term under 3 months', { months: 2 }, 'months'],
    ['a term over 6 months', { months: 7 }, 'months'],
    ['a poor share above 1', { poorShareMin: 1.5 }, 'poorShareMin'],
    ['a negative poor share', { poorShareMin: -0.1 }, 'poorShareMin'],
  ])('refuses %s', async (_what, override, path) => {
    const res = await api('POST', '/posts', { token: COORDINATOR, json: post(override) });
    expect(res.status).toBe(400);
    expect(paths(res)).toContain(path);
  });

  it('lets admin create a post anywhere', async () => {
    const res = await api('POST', '/posts', { token: ADMIN, json: post({ county: '330502' }) });
    expect(res.status).toBe(201);
  });
});

describe('GET /vacancies scope', () => {
  it("refuses another county's list and asks admin for a county", async () => {
    const other = await api('GET', '/vacancies?county=330502', { token: COORDINATOR });
    const admin = await api('GET', '/vacancies', { token: ADMIN });
    expect(other.status).toBe(403);
    expect(admin.status).toBe(400);
  });
});

describe('GET /vacancies?reach=labourers', () => {
  it('lists the open jobs the county’s labourers can reach in other counties, besides the county’s own', async () => {
    // A labourer of 剑阁县 (510823) bound for 湖州 (3305); a job in 湖州吴兴区, one in 深圳 nobody is bound for.
    const county = '510823';
    await api('POST', '/labourers', { token: `dev:coordinator:${county}`, json: registrationBody({ idNumber: validIdNumber(county), destinations: ['3305'] }) });
    const huzhou = (await api('POST', '/vacancies', { token: EMPLOYER_A, json: vacancy({ title: '湖州可去的岗位' }) })).body.id;
    const shenzhen = (await api('POST', '/vacancies', { token: EMPLOYER_B, json: vacancy({ title: '深圳没人去的岗位', county: '440304' }) })).body.id;

    const reach = await api('GET', `/vacancies?county=${county}&reach=labourers`, { token: `dev:coordinator:${county}` });
    const own = await api('GET', `/vacancies?county=${county}`, { token: `dev:coordinator:${county}` });

    expect(reach.status).toBe(200);
    const ids = reach.body.map((v: { id: string }) => v.id);
    expect(ids).toContain(huzhou);
    expect(ids).not.toContain(shenzhen);
    expect(own.body.map((v: { id: string }) => v.id)).not.toContain(huzhou);
  });
});
