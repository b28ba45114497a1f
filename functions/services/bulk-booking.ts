// POST /trips/book: many buses booked in one go — the trips named, or every proposed trip of the county.
// Each is booked by bookTrip (book-trip.ts), which is idempotent (a seat exists once per trip and
// passenger), so a booking that stopped half-way is finished by booking again, never doubled. Up to
// SYNC_TRIPS trips answer at once; more run as a background job (202 {jobId}, GET /jobs/{id}) whose
// worker hands on to the next one before its 15 minutes are up (a bus of 45 takes ~1.5 s deployed).
import { logger } from '#adapters/logger.js';
import { AppError, UnavailableError } from '#domain/errors.js';
import { createJob, failJob, finishJob, readJobInput, recordJobProgress, type JobRecord } from './background-job.js';
import { bookTrip, getTrip } from './book-trip.js';
import type { Deps } from './deps.js';

/** Trips up to which a bulk booking answers at once (a full bus: 45 passengers, ~2 s locally). */
export const SYNC_TRIPS = 3;

export interface BulkBookingResult {
  /** Trips booked (now or before: booking again changes nothing). */
  booked: number;
  /** Seats taken on those trips. */
  seats: number;
  /** Trips not booked, with the reason in Chinese. */
  failed: { tripId: string; reason: string }[];
}

export type BulkBookingStart = { ran: 'now'; result: BulkBookingResult } | { ran: 'background'; job: JobRecord };

const NOTHING: BulkBookingResult = { booked: 0, seats: 0, failed: [] };

async function proposedTrips(deps: Pick<Deps, 'db'>, county: string): Promise<string[]> {
  const { data } = await deps.db.entities.trip.query.tripsByCounty({ county, status: 'proposed' }).go({ pages: 'all', attributes: ['tripId'] });
  return data.map((t) => t.tripId!);
}

/** Books one trip into `into`; our own refusals (gone, cancelled, another county's) are the trip's reason. */
async function bookOne(deps: Deps, county: string, tripId: string, actor: string, into: BulkBookingResult): Promise<void> {
  try {
    const trip = await getTrip(deps, tripId);
    if (trip.county !== county) {
      into.failed.push({ tripId, reason: '不是本县的车' });
      return;
    }
    const booking = await bookTrip(deps, trip, actor);
    into.booked++;
    into.seats += booking.booked;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    into.failed.push({ tripId, reason: error.message });
  }
}

export async function startBulkBooking(deps: Deps, county: string, tripIds: string[] | undefined, actor: string): Promise<BulkBookingStart> {
  const ids = [...new Set(tripIds ?? (await proposedTrips(deps, county)))];
  if (ids.length <= SYNC_TRIPS) {
    const result: BulkBookingResult = { ...NOTHING, failed: [] };
    for (const id of ids) await bookOne(deps, county, id, actor, result);
    return { ran: 'now', result };
  }
  if (!deps.jobs) throw new UnavailableError('后台任务没有配置，暂时不能一次预订多趟车');
  const job = await createJob(deps, { kind: 'bulkBooking', county, startedBy: actor, total: ids.length }, new TextEncoder().encode(JSON.stringify({ tripIds: ids })));
  try {
    await deps.jobs.start(job.jobId);
  } catch (error) {
    await failJob(deps, job.jobId, error);
    throw error;
  }
  return { ran: 'background', job };
}

/**
 * The worker's turn: trips from `done` on (what an earlier worker booked is in the job's result so far),
 * `handOn` when asked to stop before its time is up. An error it cannot name ends the job failed with
 * the trips booked so far; booking them again is harmless.
 */
export async function runBulkBookingJob(deps: Deps, job: JobRecord, shouldPause?: () => boolean): Promise<'handOn' | 'ended'> {
  const { tripIds } = JSON.parse(new TextDecoder().decode(await readJobInput(deps, job.jobId))) as { tripIds: string[] };
  const result = (job.result as BulkBookingResult | undefined) ?? { ...NOTHING, failed: [] };
  for (let i = job.done; i < tripIds.length; i++) {
    if (i > job.done && shouldPause?.()) return 'handOn';
    try {
      await bookOne(deps, job.county, tripIds[i]!, job.startedBy, result);
    } catch (error) {
      logger.error('bulk booking failed', { jobId: job.jobId, tripId: tripIds[i], error: error instanceof Error ? error.message : String(error) });
      await failJob(deps, job.jobId, new UnavailableError(`预订中断：已订好 ${result.booked} 趟车（有效），再预订一次会接着订其余的车`), result);
      return 'ended';
    }
    await recordJobProgress(deps, job.jobId, i + 1, undefined, result);
  }
  await finishJob(deps, job.jobId, tripIds.length, result);
  return 'ended';
}
