// POST /matching/runs, GET /offers and GET /stats: a coordinator runs their county's matching and
// watches the offers and the county's figures.
import type { Deps } from '#services/deps.js';
import { countyStats } from '#services/county-stats.js';
import { toOfferView } from '#services/offer-view.js';
import { runCountyMatching } from '#services/run-matching.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { assertCountyAccess, resolveCounty, type Principal } from '../principal.js';
import { CountyQuery, ListOffersQuery, MatchingRunBody } from '../schemas/matching.js';
import { validate } from '../validate.js';

type CountyStaff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

export async function postMatchingRun(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const { county } = validate(MatchingRunBody, event.body, '匹配请求');
  assertCountyAccess(who, county);
  const run = await runCountyMatching(deps, county);
  return jsonResponse(200, run);
}

export async function listOffers(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const query = validate(ListOffersQuery, event.queryStringParameters ?? {}, '查询条件');
  const county = resolveCounty(who, query.county);
  const { data } = await deps.db.entities.offer.query
    .offersByCounty({ county, ...(query.status ? { status: query.status } : {}) })
    .go({ pages: 'all' });
  return jsonResponse(200, data.map(toOfferView));
}

export async function getStats(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const query = validate(CountyQuery, event.queryStringParameters ?? {}, '查询条件');
  const county = resolveCounty(who, query.county);
  return jsonResponse(200, await countyStats(deps, county));
}
