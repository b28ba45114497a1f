// Merging two buses (every passenger of one moves to the other, then the empty one is cancelled) and
// splitting one (some passengers move to a new bus on the same day and stops). Both are moves
// (move-passenger.ts), one passenger at a time, each with its own conditions and notice.
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.js';
import { stopsInUse, tripLoadFactor, usableSeats } from '#domain/trip-edits.js';
import { writeTransaction } from '#store/transact.js';
import { auditPart } from './audit.js';
import type { Deps } from './deps.js';
import { isEditable, readTrip } from './edit-trip.js';
import { movePassenger, stopFields } from './move-passenger.js';
import { toTripView, type TripItem, type TripView } from './trip-view.js';

export interface MergeResult {
  trip: TripView;
  moved: number;
  /** Passengers who could not move (no longer waiting for a bus), with why; they stay on the old bus. */
  skipped: { labourerId: string; reason: string }[];
  /** The emptied bus was cancelled. */
  cancelled: boolean;
}

export async function mergeTrips(deps: Deps, fromTripId: string, intoTripId: string, actor: string): Promise<MergeResult> {
  if (fromTripId === intoTripId) throw new ValidationError('合并请求有误', [{ path: 'intoTripId', message: '不能把一趟车并到它自己' }]);
  const from = await readTrip(deps, fromTripId);
  const into = await readTrip(deps, intoTripId);
  if (into.county !== from.county) throw new NotFoundError('本县没有要并入的这趟车');
  if (!isEditable(from.status) || !isEditable(into.status)) throw new ConflictError('已开始上车、已发车或已取消的车不能合并');
  const total = from.passengers.length + into.passengers.length;
  if (total > into.seats) throw new ConflictError(`合并后共${total}人，超过这趟车的${into.seats}个座位，请先换大一点的车`);
  const { moved, skipped } = await moveAll(deps, from.passengers, fromTripId, intoTripId, actor);
  const cancelled = skipped.length === 0 && (await cancelIfEmpty(deps, fromTripId, actor, intoTripId));
  return { trip: toTripView(await readTrip(deps, intoTripId)), moved, skipped, cancelled };
}

export interface SplitResult {
  trip: TripView;
  moved: number;
  skipped: { labourerId: string; reason: string }[];
}

/** A new bus on the same day and stops for `labourerIds`; proposed, or booked when the old bus is (its seated passengers keep seats). */
export async function splitTrip(deps: Deps, fromTripId: string, labourerIds: string[], vehicleSeats: number | undefined, actor: string): Promise<SplitResult> {
  const from = await readTrip(deps, fromTripId);
  if (!isEditable(from.status)) throw new ConflictError('这趟车已开始上车、已发车或已取消，不能再拆分');
  const missing = labourerIds.find((id) => !from.passengers.includes(id));
  if (missing) throw new NotFoundError('这趟车上没有要拆出的乘客');
  const loadFactor = tripLoadFactor(from);
  const vehicle = vehicleSeats ?? from.vehicleSeats ?? from.seats;
  const seats = usableSeats(vehicle, loadFactor);
  if (labourerIds.length > seats) throw new ConflictError(`拆出${labourerIds.length}人，超过新车的${seats}个座位`);
  const tripId = deps.newId();
  const created: TripItem = {
    ...from,
    tripId,
    passengers: [],
    riders: [],
    seatsTaken: 0,
    seats,
    vehicleSeats: vehicle,
    loadFactor,
    status: from.status === 'booked' ? 'booked' : 'proposed',
    createdAt: deps.clock.now().toISOString(),
    vehicleCost: vehicle === from.vehicleSeats ? from.vehicleCost : undefined,
  };
  // Another vehicle: its own plate, escort and day-of-departure records.
  const NOT_COPIED = new Set(['vehiclePlate', 'escort', 'escortPhone', 'reminderSent', 'departedAt', 'arrivedAt']);
  const item = Object.fromEntries(Object.entries(created).filter(([k, v]) => v !== undefined && !NOT_COPIED.has(k))) as TripItem;
  await writeTransaction(deps.db, [
    { name: 'trip', item: ({ trip }) => trip.create(item).commit() },
    auditPart(deps, { actor, action: 'trip.split', target: `trip:${fromTripId}`, county: from.county, after: { tripId, passengers: labourerIds.length, vehicleSeats: vehicle } }),
  ]);
  const { moved, skipped } = await moveAll(deps, labourerIds, fromTripId, tripId, actor);
  await tidyStops(deps, tripId);
  return { trip: toTripView(await readTrip(deps, tripId)), moved, skipped };
}

/**
 * The new bus of a split starts with all the old bus's stops: once its passengers are on it, it keeps only
 * the stops they use (conditional on its riders as read; a bus changed meanwhile keeps its stops).
 */
async function tidyStops(deps: Deps, tripId: string): Promise<void> {
  const trip = await readTrip(deps, tripId);
  const view = toTripView(trip);
  const stops = stopsInUse(view.stops, view.riders);
  if (stops.length === view.stops.length) return;
  await writeTransaction(deps.db, [
    {
      name: 'trip',
      item: ({ trip: entity }) =>
        entity
          .patch({ tripId })
          .set(stopFields(trip, stops))
          .where((a, { eq }) => `${eq(a.status, trip.status)} AND ${eq(a.passengers, trip.passengers)}`)
          .commit(),
    },
  ]);
}

async function moveAll(deps: Deps, labourerIds: string[], fromTripId: string, tripId: string, actor: string) {
  let moved = 0;
  const skipped: { labourerId: string; reason: string }[] = [];
  for (const labourerId of labourerIds) {
    try {
      await movePassenger(deps, { tripId, labourerId, fromTripId, actor });
      moved++;
    } catch (error) {
      if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
      skipped.push({ labourerId, reason: error.message });
    }
  }
  return { moved, skipped };
}

/** Cancels a bus nobody is planned on any more (conditional on that): a merge leaves no empty bus behind. */
async function cancelIfEmpty(deps: Deps, tripId: string, actor: string, intoTripId: string): Promise<boolean> {
  const trip = await readTrip(deps, tripId);
  if (trip.passengers.length > 0 || !isEditable(trip.status)) return false;
  const outcome = await writeTransaction(deps.db, [
    {
      name: 'trip',
      item: ({ trip: entity }) =>
        entity
          .patch({ tripId })
          .set({ status: 'cancelled' })
          .composite({ county: trip.county, date: trip.date })
          .where((a, { eq, size, escape }) => `${eq(a.status, trip.status)} AND ${eq(a.seatsTaken, 0)} AND ${size(a.passengers)} = ${escape(0)}`)
          .commit(),
    },
    auditPart(deps, { actor, action: 'trip.merge', target: `trip:${tripId}`, county: trip.county, before: { status: trip.status }, after: { status: 'cancelled', intoTripId } }),
  ]);
  return outcome.ok;
}
