// /counties/{code}/pickup-points: the county's ordered pickup points (the first is the default station).
import { countyByCode } from '#domain/divisions.js';
import { NotFoundError } from '#domain/errors.js';
import type { Deps } from '#services/deps.js';
import { countyPickupPoints, savePickupPoints } from '#services/pickup-points.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { actorOf, assertCountyAccess, type Principal } from '../principal.js';
import { PickupPointsBody } from '../schemas/counties.js';
import { validate } from '../validate.js';

type CountyStaff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

function countyInScope(event: HttpEvent, who: CountyStaff): string {
  const county = event.pathParameters?.code ?? '';
  assertCountyAccess(who, county);
  if (!countyByCode(county)) throw new NotFoundError('没有这个县（区划代码不对）');
  return county;
}

export async function getPickupPointsRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  return jsonResponse(200, { points: await countyPickupPoints(deps, countyInScope(event, who)) });
}

export async function putPickupPointsRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const county = countyInScope(event, who);
  const body = validate(PickupPointsBody, event.body, '乘车点');
  return jsonResponse(200, { points: await savePickupPoints(deps, county, body.points, actorOf(who)) });
}
