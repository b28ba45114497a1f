// The route table of the `api` Lambda: each route says who may call it, and the roles are checked here,
// once; data scope (which county, which employer) is checked where the data is known, with principal.ts.
import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import type { Deps } from '#services/deps.js';
import { jsonResponse } from './error-response.js';
import { errorEnvelope, jsonRoute, plainRoute, type HttpEvent, type HttpResult } from './middleware.js';
import { principalFromClaims, requireRole, type Principal, type Role } from './principal.js';
import { lazyRoutes } from './lazy-routes.js';
// Route modules are loaded on their first request (lazy-routes.ts): a cold start builds none of them.
const { getAuthConfig } = lazyRoutes(() => import('./routes/auth-config.js'));
const { labourersXlsxRoute, offersXlsxRoute } = lazyRoutes(() => import('./routes/exports.js'));
const { listAuditRoute } = lazyRoutes(() => import('./routes/audit.js'));
const { getPickupPointsRoute, putPickupPointsRoute } = lazyRoutes(() => import('./routes/counties.js'));
const { mergeTripRoute, movePassengerRoute, splitTripRoute } = lazyRoutes(() => import('./routes/trip-edits.js'));
const { bulkBookingRoute } = lazyRoutes(() => import('./routes/bulk-booking.js'));
const { getJobRoute } = lazyRoutes(() => import('./routes/jobs.js'));
const { notArrivedRoute, placedRoute, vacancyWorkersRoute } = lazyRoutes(() => import('./routes/placements.js'));
const { placementsReportRoute } = lazyRoutes(() => import('./routes/reports.js'));
const { arriveRoute, boardingListRoute, boardingRoute, crewManifestRoute, departRoute, escortTokenRoute } = lazyRoutes(() => import('./routes/trip-day.js'));
const {
  getLabourerById,
  importPovertyRoute,
  labourerHistoryRoute,
  listLabourers,
  patchLabourerRoute,
  postLabourer,
  postVerification,
} = lazyRoutes(() => import('./routes/labourers.js'));
const { getMatchingRun, getNationalRun, getStats, listOffers, listRunUnmatched, postMatchingRun, postNationalRun } = lazyRoutes(() => import('./routes/matching.js'));
const { listMessages, resendMessagesRoute } = lazyRoutes(() => import('./routes/messages.js'));
const { extendOfferRoute, resendOfferRoute, withdrawOfferRoute } = lazyRoutes(() => import('./routes/offers.js'));
const { listBroadcastsRoute, postBroadcastRoute, previewBroadcastRoute } = lazyRoutes(() => import('./routes/broadcasts.js'));
const { approvePhoneChangeRoute, listPhoneChangesRoute, refusePhoneChangeRoute } = lazyRoutes(() => import('./routes/phone-changes.js'));
const { bookTripRoute, cancelSeatRoute, listTripsRoute, patchTripRoute, planTripsRoute } = lazyRoutes(() => import('./routes/trips.js'));
const {
  createPostRoute,
  getVacancyRoute,
  listVacanciesRoute,
  patchVacancyRoute,
  postVacancyRoute,
} = lazyRoutes(() => import('./routes/vacancies.js'));

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Wrap = (fn: (event: HttpEvent) => Promise<HttpResult>) => unknown;
export type RouteFn<P = Principal> = (deps: Deps, event: HttpEvent, principal: P) => Promise<HttpResult>;

/** Every route and the roles that may call it; `public` routes need no token. */
export function routeTable(deps: Deps) {
  const open = (method: Method, path: string, fn: (deps: Deps, event: HttpEvent) => Promise<HttpResult>, wrap: Wrap = jsonRoute) => ({
    method,
    path,
    roles: 'public' as const,
    handler: wrap((event) => fn(deps, event)),
  });
  const authed = <R extends Role>(method: Method, path: string, roles: R[], fn: RouteFn<Extract<Principal, { role: R }>>, wrap: Wrap = plainRoute) => ({
    method,
    path,
    roles,
    handler: wrap((event) => {
      const principal = principalFromClaims(event.requestContext.authorizer?.jwt?.claims);
      return fn(deps, event, requireRole(principal, ...roles));
    }),
  });

  // The trip's day-of routes: staff, or the trip's escort with a one-day token (no gateway authorizer deployed).
  const crew = <R extends 'coordinator' | 'admin' | 'escort'>(method: Method, path: string, fn: RouteFn<Extract<Principal, { role: R }>>, wrap: Wrap = plainRoute) => ({
    method,
    path,
    roles: ['coordinator', 'admin', 'escort'] as R[],
    handler: wrap(async (event) => {
      // Loaded on first use: it brings the ID-token verifier, which a cold start should not build.
      const { escortOrStaffPrincipal } = await import('./escort-principal.js');
      return fn(deps, event, requireRole(await escortOrStaffPrincipal(deps, event), 'coordinator', 'admin', 'escort') as never);
    }),
  });

  return [
    open('GET', '/health', async () => jsonResponse(200, { ok: true }), plainRoute),
    open('GET', '/auth/config', getAuthConfig, plainRoute),
    open('POST', '/labourers', postLabourer),
    open('POST', '/labourers/verify', postVerification),
    authed('GET', '/labourers', ['coordinator', 'admin'], listLabourers),
    authed('GET', '/labourers.xlsx', ['coordinator', 'admin'], labourersXlsxRoute),
    authed('GET', '/labourers/{id}', ['coordinator', 'admin'], getLabourerById),
    authed('PATCH', '/labourers/{id}', ['coordinator', 'admin'], patchLabourerRoute, jsonRoute),
    authed('GET', '/labourers/{id}/history', ['coordinator', 'admin'], labourerHistoryRoute),
    authed('GET', '/audit', ['coordinator', 'admin'], listAuditRoute),
    authed('POST', '/labourers/poverty-import', ['coordinator', 'admin'], importPovertyRoute),
    authed('GET', '/jobs/{id}', ['coordinator', 'admin'], getJobRoute),
    authed('POST', '/vacancies', ['employer'], postVacancyRoute, jsonRoute),
    authed('GET', '/vacancies', ['coordinator', 'employer', 'admin'], listVacanciesRoute),
    authed('GET', '/vacancies/{id}', ['coordinator', 'employer', 'admin'], getVacancyRoute),
    authed('PATCH', '/vacancies/{id}', ['coordinator', 'employer', 'admin'], patchVacancyRoute, jsonRoute),
    authed('POST', '/posts', ['coordinator', 'admin'], createPostRoute, jsonRoute),
    authed('POST', '/matching/runs', ['coordinator', 'admin'], postMatchingRun, jsonRoute),
    authed('GET', '/matching/runs/{id}', ['coordinator', 'admin'], getMatchingRun),
    authed('GET', '/matching/runs/{id}/unmatched', ['coordinator', 'admin'], listRunUnmatched),
    authed('POST', '/matching/national-runs', ['admin'], postNationalRun, jsonRoute),
    authed('GET', '/matching/national-runs/{id}', ['admin'], getNationalRun),
    authed('GET', '/offers', ['coordinator', 'admin'], listOffers),
    authed('GET', '/offers.xlsx', ['coordinator', 'admin'], offersXlsxRoute),
    authed('POST', '/offers/{id}/withdraw', ['coordinator', 'admin'], withdrawOfferRoute),
    authed('POST', '/offers/{id}/resend', ['coordinator', 'admin'], resendOfferRoute),
    authed('POST', '/offers/{id}/extend', ['coordinator', 'admin'], extendOfferRoute, jsonRoute),
    authed('GET', '/stats', ['coordinator', 'admin'], getStats),
    authed('POST', '/trips/plan', ['coordinator', 'admin'], planTripsRoute, jsonRoute),
    authed('POST', '/trips/book', ['coordinator', 'admin'], bulkBookingRoute, jsonRoute),
    authed('GET', '/trips', ['coordinator', 'admin'], listTripsRoute),
    authed('PATCH', '/trips/{id}', ['coordinator', 'admin'], patchTripRoute, jsonRoute),
    authed('POST', '/trips/{id}/book', ['coordinator', 'admin'], bookTripRoute),
    authed('POST', '/trips/{id}/passengers', ['coordinator', 'admin'], movePassengerRoute, jsonRoute),
    authed('POST', '/trips/{id}/merge', ['coordinator', 'admin'], mergeTripRoute, jsonRoute),
    authed('POST', '/trips/{id}/split', ['coordinator', 'admin'], splitTripRoute, jsonRoute),
    authed('GET', '/counties/{code}/pickup-points', ['coordinator', 'admin'], getPickupPointsRoute),
    authed('PUT', '/counties/{code}/pickup-points', ['coordinator', 'admin'], putPickupPointsRoute, jsonRoute),
    authed('DELETE', '/trips/{id}/seats/{labourerId}', ['coordinator', 'admin'], cancelSeatRoute),
    crew('GET', '/trips/{id}/manifest.csv', crewManifestRoute),
    crew('GET', '/trips/{id}/boarding', boardingListRoute),
    crew('POST', '/trips/{id}/boarding', boardingRoute, jsonRoute),
    crew('POST', '/trips/{id}/depart', departRoute),
    crew('POST', '/trips/{id}/arrive', arriveRoute),
    authed('POST', '/trips/{id}/escort-token', ['coordinator', 'admin'], escortTokenRoute, jsonRoute),
    authed('GET', '/vacancies/{id}/workers', ['coordinator', 'employer', 'admin'], vacancyWorkersRoute),
    authed('POST', '/offers/{id}/placed', ['coordinator', 'employer', 'admin'], placedRoute),
    authed('POST', '/offers/{id}/not-arrived', ['coordinator', 'employer', 'admin'], notArrivedRoute),
    authed('GET', '/reports/placements.xlsx', ['coordinator', 'admin'], placementsReportRoute),
    authed('GET', '/messages', ['coordinator', 'admin'], listMessages),
    authed('POST', '/messages/resend', ['coordinator', 'admin'], resendMessagesRoute, jsonRoute),
    authed('POST', '/broadcasts', ['coordinator', 'admin'], postBroadcastRoute, jsonRoute),
    authed('POST', '/broadcasts/preview', ['coordinator', 'admin'], previewBroadcastRoute, jsonRoute),
    authed('GET', '/broadcasts', ['coordinator', 'admin'], listBroadcastsRoute),
    authed('GET', '/phone-changes', ['coordinator', 'admin'], listPhoneChangesRoute),
    authed('POST', '/phone-changes/{labourerId}/approve', ['coordinator', 'admin'], approvePhoneChangeRoute),
    authed('POST', '/phone-changes/{labourerId}/refuse', ['coordinator', 'admin'], refusePhoneChangeRoute),
  ];
}

export function createRouter(deps: Deps) {
  // Unknown paths still answer in the contract's error shape.
  return middy<HttpEvent, HttpResult>({ timeoutEarlyInMillis: 0 })
    .use(errorEnvelope())
    .handler(httpRouterHandler(routeTable(deps) as never) as never);
}
