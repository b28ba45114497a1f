// /vacancies and /posts: employers manage their own vacancies; coordinators create their county's
// public-welfare posts and see the county's whole supply.
import { chinaToday } from '#domain/calendar.js';
import { ForbiddenError } from '#domain/errors.js';
import type { Deps } from '#services/deps.js';
import { reachableVacancies } from '#services/reachable-vacancies.js';
import {
  createPost,
  getVacancy,
  listCountyVacancies,
  listEmployerVacancies,
  postVacancy,
  updateVacancy,
} from '#services/manage-vacancies.js';
import type { VacancyView } from '#services/vacancy-view.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { assertCountyAccess, resolveCounty, type Principal } from '../principal.js';
import { CreatePostBody, ListVacanciesQuery, PatchVacancyBody, PostVacancyBody } from '../schemas/vacancies.js';
import { validate } from '../validate.js';

export async function postVacancyRoute(
  deps: Deps,
  event: HttpEvent,
  principal: Extract<Principal, { role: 'employer' }>,
): Promise<HttpResult> {
  const body = validate(PostVacancyBody, event.body, '岗位信息');
  const vacancy = await postVacancy(deps, { ...body, employerId: principal.employerId });
  return jsonResponse(201, { id: vacancy.id }, { location: `/vacancies/${vacancy.id}` });
}

export async function createPostRoute(deps: Deps, event: HttpEvent, principal: Principal): Promise<HttpResult> {
  const body = validate(CreatePostBody, event.body, '公益岗位信息');
  assertCountyAccess(principal, body.county);
  const post = await createPost(deps, { ...body, startDate: body.startDate ?? chinaToday(deps.clock.now()) });
  return jsonResponse(201, { id: post.id }, { location: `/vacancies/${post.id}` });
}

export async function listVacanciesRoute(deps: Deps, event: HttpEvent, principal: Principal): Promise<HttpResult> {
  const query = validate(ListVacanciesQuery, event.queryStringParameters ?? {}, '查询条件');
  if (principal.role === 'employer') {
    const own = await listEmployerVacancies(deps, principal.employerId);
    return jsonResponse(200, own.filter((v) => (!query.county || v.county === query.county) && (!query.kind || v.kind === query.kind)));
  }
  const county = resolveCounty(principal, query.county);
  const vacancies = query.reach === 'labourers' ? await reachableVacancies(deps, county) : await listCountyVacancies(deps, county, query.kind);
  return jsonResponse(200, query.kind ? vacancies.filter((v) => v.kind === query.kind) : vacancies);
}

/** Who may see and change one vacancy: its employer; for posts, the county's coordinator; admin. */
function assertVacancyAccess(principal: Principal, vacancy: VacancyView, action: 'read' | 'change'): void {
  if (principal.role === 'employer') {
    if (vacancy.employerId === principal.employerId) return;
    throw new ForbiddenError('无权访问其他单位的岗位');
  }
  if (action === 'change' && vacancy.kind === 'job' && principal.role === 'coordinator') {
    throw new ForbiddenError('企业岗位由用人单位自己修改');
  }
  assertCountyAccess(principal, vacancy.county);
}

export async function getVacancyRoute(deps: Deps, event: HttpEvent, principal: Principal): Promise<HttpResult> {
  const vacancy = await getVacancy(deps, event.pathParameters?.id ?? '');
  assertVacancyAccess(principal, vacancy, 'read');
  return jsonResponse(200, vacancy);
}

export async function patchVacancyRoute(deps: Deps, event: HttpEvent, principal: Principal): Promise<HttpResult> {
  const change = validate(PatchVacancyBody, event.body, '修改内容');
  const vacancy = await getVacancy(deps, event.pathParameters?.id ?? '');
  assertVacancyAccess(principal, vacancy, 'change');
  return jsonResponse(200, await updateVacancy(deps, vacancy, change));
}
