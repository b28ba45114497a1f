// A bus on its day (issue #18): the roll call (GET/POST /trips/{id}/boarding), departure, arrival, the
// manifest — for the county's coordinator or the trip's escort — and the escort's one-day token.
import { ForbiddenError } from '#domain/errors.js';
import { normalizeMainlandMobile } from '#domain/phone.js';
import { getTrip } from '#services/book-trip.js';
import type { Deps } from '#services/deps.js';
import { createEscortToken } from '#services/escort-token.js';
import { arriveTrip, boardingList, departTrip, recordBoarding } from '#services/trip-boarding.js';
import { tripManifestCsv } from '#services/trip-manifest.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { actorOf, assertCountyAccess, type Principal } from '../principal.js';
import { BoardingBody, EscortTokenBody } from '../schemas/after-bus.js';
import { validate } from '../validate.js';

type TripCrew = Extract<Principal, { role: 'coordinator' | 'admin' | 'escort' }>;

async function tripFor(deps: Deps, event: HttpEvent, who: Principal) {
  const trip = await getTrip(deps, event.pathParameters?.id ?? '');
  if (who.role === 'escort') {
    if (who.tripId !== trip.id) throw new ForbiddenError('带队令牌只能用于它所属的那趟车');
  } else {
    assertCountyAccess(who, trip.county);
  }
  return trip;
}

export async function boardingListRoute(deps: Deps, event: HttpEvent, who: TripCrew): Promise<HttpResult> {
  return jsonResponse(200, await boardingList(deps, await tripFor(deps, event, who)));
}

export async function boardingRoute(deps: Deps, event: HttpEvent, who: TripCrew): Promise<HttpResult> {
  const body = validate(BoardingBody, event.body, '签到');
  const trip = await tripFor(deps, event, who);
  return jsonResponse(200, await recordBoarding(deps, trip, body.labourerId, body.present, actorOf(who)));
}

export async function departRoute(deps: Deps, event: HttpEvent, who: TripCrew): Promise<HttpResult> {
  return jsonResponse(200, await departTrip(deps, await tripFor(deps, event, who), actorOf(who)));
}

export async function arriveRoute(deps: Deps, event: HttpEvent, who: TripCrew): Promise<HttpResult> {
  return jsonResponse(200, await arriveTrip(deps, await tripFor(deps, event, who), actorOf(who)));
}

export async function crewManifestRoute(deps: Deps, event: HttpEvent, who: TripCrew): Promise<HttpResult> {
  const trip = await tripFor(deps, event, who);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="manifest-${trip.date}-${trip.destination}.csv"`,
    },
    body: await tripManifestCsv(deps, trip),
  };
}

/** The coordinator gives the day's escort a token for this trip (and may name them and their phone). */
export async function escortTokenRoute(deps: Deps, event: HttpEvent, who: Extract<Principal, { role: 'coordinator' | 'admin' }>): Promise<HttpResult> {
  const body = validate(EscortTokenBody, event.body ?? {}, '带队人员');
  const trip = await tripFor(deps, event, who);
  const phone = body.phone ? normalizeMainlandMobile(body.phone) : undefined;
  const escort = { ...(body.name ? { name: body.name } : {}), ...(phone?.ok ? { phone: phone.e164 } : {}) };
  return jsonResponse(201, await createEscortToken(deps, trip, actorOf(who), escort));
}
