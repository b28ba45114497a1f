// Editing a plan: moving or adding a passenger, merging two buses, splitting one.
import { getTrip } from '#services/book-trip.js';
import type { Deps } from '#services/deps.js';
import { mergeTrips, splitTrip } from '#services/merge-split-trips.js';
import { movePassenger } from '#services/move-passenger.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { actorOf, assertCountyAccess, type Principal } from '../principal.js';
import { MergeTripBody, MovePassengerBody, SplitTripBody } from '../schemas/trip-edits.js';
import { validate } from '../validate.js';

type CountyStaff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

async function tripIdInScope(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<string> {
  const trip = await getTrip(deps, event.pathParameters?.id ?? '');
  assertCountyAccess(who, trip.county);
  return trip.id;
}

export async function movePassengerRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const body = validate(MovePassengerBody, event.body, '调整乘客');
  const tripId = await tripIdInScope(deps, event, who);
  return jsonResponse(200, await movePassenger(deps, { tripId, ...body, actor: actorOf(who) }));
}

export async function mergeTripRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const body = validate(MergeTripBody, event.body, '合并车次');
  const tripId = await tripIdInScope(deps, event, who);
  return jsonResponse(200, await mergeTrips(deps, tripId, body.intoTripId, actorOf(who)));
}

export async function splitTripRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const body = validate(SplitTripBody, event.body, '拆分车次');
  const tripId = await tripIdInScope(deps, event, who);
  return jsonResponse(201, await splitTrip(deps, tripId, body.labourerIds, body.vehicleSeats, actorOf(who)));
}
