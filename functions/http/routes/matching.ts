// POST /matching/runs, GET /offers and GET /stats: a coordinator runs their county's matching (a small
// county at once, a big one in the background: matching-run-job.ts) and watches the offers and the
// county's figures; GET /matching/runs/{id} and …/unmatched: how a run went
// and whom it left out, why. POST /matching/national-runs and GET …/{id}: an admin
// starts a national run (every county, or those named) and follows it.
import type { Deps } from '#services/deps.js';
import { countyStats } from '#services/county-stats.js';
import { toOfferView } from '#services/offer-view.js';
import { readRunRecord, unmatchedPage } from '#services/matching-run-record.js';
import { startMatchingRun } from '#services/matching-run-job.js';
import { nationalRunStatus, nationalRunStore, startNationalRun } from '#services/national-run.js';
import { NotFoundError } from '#domain/errors.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { actorOf, assertCountyAccess, resolveCounty, type Principal } from '../principal.js';
import { CountyQuery, ListOffersQuery, MatchingRunBody, NationalRunBody, UnmatchedQuery } from '../schemas/matching.js';
import { validate } from '../validate.js';

type CountyStaff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

export async function postMatchingRun(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const { county } = validate(MatchingRunBody, event.body, '匹配请求');
  assertCountyAccess(who, county);
  const run = await startMatchingRun(deps, county, actorOf(who));
  if (run.ran === 'now') return jsonResponse(200, run.result);
  return jsonResponse(202, { runId: run.runId, jobId: run.job.jobId, state: run.job.state, done: 0, total: 0 });
}

export async function listOffers(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const query = validate(ListOffersQuery, event.queryStringParameters ?? {}, '查询条件');
  const county = resolveCounty(who, query.county);
  const { vacancyId } = query;
  const offers = deps.db.entities.offer.query.offersByCounty({ county, ...(query.status ? { status: query.status } : {}) });
  const { data } = await (vacancyId ? offers.where((a, { eq }) => eq(a.vacancyId, vacancyId)) : offers).go({ pages: 'all' });
  return jsonResponse(200, data.map(toOfferView));
}

async function runInScope(deps: Deps, event: HttpEvent, who: CountyStaff) {
  const run = await readRunRecord(deps, event.pathParameters?.id ?? '');
  if (run === undefined) throw new NotFoundError('没有这次匹配（记录保留 60 天）');
  assertCountyAccess(who, run.county);
  return run;
}

export async function getMatchingRun(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  return jsonResponse(200, await runInScope(deps, event, who));
}

/** `[{labourerId, reason}]`, a page at a time; the next page's cursor in the `x-next-cursor` header. */
export async function listRunUnmatched(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const query = validate(UnmatchedQuery, event.queryStringParameters ?? {}, '查询条件');
  const run = await runInScope(deps, event, who);
  const page = await unmatchedPage(deps, run, query);
  return jsonResponse(200, page.items, page.cursor ? { 'x-next-cursor': page.cursor } : {});
}

export async function getStats(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const query = validate(CountyQuery, event.queryStringParameters ?? {}, '查询条件');
  const county = resolveCounty(who, query.county);
  return jsonResponse(200, await countyStats(deps, county));
}

export async function postNationalRun(deps: Deps, event: HttpEvent): Promise<HttpResult> {
  const { counties } = validate(NationalRunBody, event.body ?? {}, '全国匹配请求');
  return jsonResponse(202, await startNationalRun(deps, counties === undefined ? {} : { counties }));
}

export async function getNationalRun(deps: Deps, event: HttpEvent): Promise<HttpResult> {
  const status = await nationalRunStatus(deps, nationalRunStore(deps), event.pathParameters?.id ?? '');
  if (status === undefined) throw new NotFoundError('没有这次全国匹配');
  return jsonResponse(200, status);
}
