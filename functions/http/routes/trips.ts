// /trips: plan the county's buses, book them, edit them, free a seat (the manifest is trip-day.ts's).
import { bookTrip, cancelSeat, getTrip } from '#services/book-trip.js';
import type { Deps } from '#services/deps.js';
import { editTrip } from '#services/edit-trip.js';
import { planCountyTrips } from '#services/plan-county-trips.js';
import { toTripView } from '#services/trip-view.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { actorOf, assertCountyAccess, resolveCounty, type Principal } from '../principal.js';
import { TripEditBody } from '../schemas/trip-edits.js';
import { ListTripsQuery, PlanTripsBody } from '../schemas/trips.js';
import { validate } from '../validate.js';

type CountyStaff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

async function tripInScope(deps: Deps, event: HttpEvent, who: CountyStaff) {
  const trip = await getTrip(deps, event.pathParameters?.id ?? '');
  assertCountyAccess(who, trip.county);
  return trip;
}

export async function planTripsRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const body = validate(PlanTripsBody, event.body, '排车请求');
  assertCountyAccess(who, body.county);
  return jsonResponse(200, await planCountyTrips(deps, body));
}

export async function listTripsRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const query = validate(ListTripsQuery, event.queryStringParameters ?? {}, '查询条件');
  const county = resolveCounty(who, query.county);
  const { data } = await deps.db.entities.trip.query.tripsByCounty({ county }).go({ pages: 'all' });
  return jsonResponse(200, data.map(toTripView));
}

export async function bookTripRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  return jsonResponse(200, await bookTrip(deps, await tripInScope(deps, event, who), actorOf(who)));
}

export async function patchTripRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const change = validate(TripEditBody, event.body, '修改内容');
  const trip = await tripInScope(deps, event, who);
  return jsonResponse(200, await editTrip(deps, trip.id, change, actorOf(who)));
}

export async function cancelSeatRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const trip = await tripInScope(deps, event, who);
  await cancelSeat(deps, trip, event.pathParameters?.labourerId ?? '', actorOf(who));
  return { statusCode: 204, body: '' };
}
