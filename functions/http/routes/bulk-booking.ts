// POST /trips/book: book the trips named, or every proposed trip of the county — a few at once (200),
// more in the background (202 {jobId}; GET /jobs/{id} gives the same result when done).
import type { Deps } from '#services/deps.js';
import { startBulkBooking } from '#services/bulk-booking.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { actorOf, assertCountyAccess, type Principal } from '../principal.js';
import { BulkBookingBody } from '../schemas/trips.js';
import { validate } from '../validate.js';

type CountyStaff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

export async function bulkBookingRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const { county, tripIds } = validate(BulkBookingBody, event.body, '预订请求');
  assertCountyAccess(who, county);
  const started = await startBulkBooking(deps, county, tripIds, actorOf(who));
  if (started.ran === 'now') return jsonResponse(200, started.result);
  const { jobId, state, total } = started.job;
  return jsonResponse(202, { jobId, state, done: 0, total });
}
