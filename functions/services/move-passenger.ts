// Adding a passenger to a bus, or moving one from another bus, with their rider entry (where they board
// and leave). One transaction, conditional on both buses as read (status, passengers, seats): two moves
// into the last seat cannot both succeed, and the loser reads again and is refused when the bus is full.
// A seated passenger keeps a seat: theirs moves to the new bus (the lowest free number) with one SMS
// saying the new bus's day, time, their pickup stop and seat. A passenger added to a booked bus is seated
// and told as a booking tells them. Passengers of a bus only proposed are not told anything yet.
import { chineseMonthDay } from '#domain/calendar.js';
import { ConflictError, NotFoundError } from '#domain/errors.js';
import { renderSms } from '#domain/sms/templates.js';
import { placeByCode } from '#domain/divisions.js';
import { MINUTES_PER_PICKUP } from '#domain/transport/index.js';
import { dropArrivals, dropServes, firstFreeSeat, MAX_PICKUPS, stopsInUse, withPickup, type EditStop } from '#domain/trip-edits.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import { auditPart, labourerTarget } from './audit.js';
import { newBoardingCode } from './boarding-code.js';
import type { Deps } from './deps.js';
import { isEditable, readTrip } from './edit-trip.js';
import type { LabourerItem } from './labourer-view.js';
import { moveLabourer } from './labourer-status.js';
import { outboxPart } from './outbox.js';
import { riderPickup, stopKey } from './rider-pickup.js';
import { toTripView, type TripItem, type TripRider, type TripView } from './trip-view.js';

export interface MoveRequest {
  /** The bus the passenger goes to. */
  tripId: string;
  labourerId: string;
  /** The bus they leave; found among the county's buses when not given. */
  fromTripId?: string;
  actor: string;
}

export interface MoveResult {
  trip: TripView;
  from?: TripView;
  /** Their seat on the new bus, when they have one. */
  seatNo?: number;
  /** Where they board the new bus; `added` when their pickup became a new stop, `asked` when the bus could not stop there. */
  boarding: { name: string; time: string; added?: boolean; asked?: string };
  /** What the coordinator should know about it (Chinese), when something differs from what they asked for. */
  note?: string;
}

const ATTEMPTS = 5;

export async function movePassenger(deps: Deps, request: MoveRequest): Promise<MoveResult> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const move = await prepareMove(deps, request);
    const outcome = await writeTransaction(deps.db, move.parts);
    if (outcome.ok) {
      const trip = toTripView(await readTrip(deps, request.tripId));
      const from = move.fromTripId ? toTripView(await readTrip(deps, move.fromTripId)) : undefined;
      return {
        trip,
        ...(from ? { from } : {}),
        ...(move.seatNo !== undefined ? { seatNo: move.seatNo } : {}),
        boarding: move.boarding,
        ...(move.note ? { note: move.note } : {}),
      };
    }
    // Either bus (or the seat, or the person) changed since it was read: read again and decide anew.
  }
  throw new ConflictError('这趟车正在被别人调整，请稍后重试');
}

interface PreparedMove {
  parts: TxPart[];
  fromTripId?: string;
  seatNo?: number;
  boarding: MoveResult['boarding'];
  note?: string;
}

async function prepareMove(deps: Deps, request: MoveRequest): Promise<PreparedMove> {
  const { labourerId } = request;
  const target = await readTrip(deps, request.tripId);
  // At the roll call a no-show's seat may go to someone still waiting for a bus (issue #18): only that.
  const rollCall = target.status === 'boarding';
  if (!isEditable(target.status) && !rollCall) throw new ConflictError('这趟车已发车或已取消，不能再调整乘客');
  const { data: person } = await deps.db.entities.labourer.get({ labourerId }).go({ consistent: true });
  if (!person || person.homeCounty !== target.county) throw new NotFoundError('本县没有这位劳动者');
  if (person.status !== 'accepted' && person.status !== 'travelling') {
    throw new ConflictError(`${person.name}还没有接受岗位或已经出发，不能安排乘车`);
  }
  if (target.passengers.includes(labourerId)) throw new ConflictError(`${person.name}已在这趟车上`);
  const source = await sourceTrip(deps, request, target);
  if (rollCall && (person.status !== 'accepted' || (source && source.status !== 'proposed'))) {
    throw new ConflictError('正在点名的车只能补上还在等车的人（把未到乘客的座位让给候补）');
  }
  // Seats counted at the roll call: a passenger marked absent has given theirs up.
  if (rollCall ? target.seatsTaken >= target.seats : target.passengers.length >= target.seats) {
    throw new ConflictError(`这趟车已满（${target.seats}个座位），请换大一点的车或先移走其他乘客`);
  }
  const { data: oldSeat } = source ? await deps.db.entities.seat.get({ tripId: source.tripId, labourerId }).go({ consistent: true }) : { data: null };
  if (person.status === 'travelling' && !oldSeat) throw new ConflictError(`${person.name}的座位不在可调整的车上（可能已开始上车）`);
  const { data: accepted } = await deps.db.entities.offer.query.offersByLabourer({ labourerId, status: 'accepted' }).go();
  const job = accepted[0];
  const seated = oldSeat !== null || target.status === 'booked' || rollCall;
  if (seated && !oldSeat && !job) throw new ConflictError(`${person.name}没有已接受的岗位，不能订座`);

  const baseView = toTripView(target);
  // A bus to another city is never the way to this job (issue #17): refuse rather than drop them elsewhere.
  if (job) {
    const drops = baseView.stops.filter((s) => s.kind === 'drop');
    if (!drops.some((d) => dropServes(d, job.vacancyCounty))) {
      const city = placeByCode(job.vacancyCounty.slice(0, 4))?.name ?? job.vacancyCounty;
      throw new ConflictError(`${person.name}的岗位在${city}，这趟车开往${drops.map((d) => d.name).join('、')}，不去${city}，请选开往${city}的车`);
    }
  }
  const sourceView = source ? toTripView(source) : undefined;
  const boardingPlan = pickupFor(baseView, sourceView, person, !rollCall);
  const targetView: TripView = { ...baseView, stops: boardingPlan.stops };
  const rider = riderFor(targetView, sourceView, person, job?.vacancyCounty);
  const parts: TxPart[] = [];
  let seatNo: number | undefined;
  let boardingCode: string | undefined;
  if (seated) {
    const { data: taken } = await deps.db.entities.seat.query.byTrip({ tripId: target.tripId }).go({ pages: 'all', consistent: true });
    // A no-show's seat number goes to whoever takes their place only when no other seat is free (then the
    // bus is full again and the no-show cannot check back in onto it).
    const free = firstFreeSeat(taken.map((s) => s.seatNo));
    seatNo = free <= target.seats ? free : firstFreeSeat(taken.filter((s) => s.boarding !== 'absent').map((s) => s.seatNo));
    const vacancyTitle = oldSeat?.vacancyTitle ?? job!.vacancyTitle;
    // A moved seat keeps the boarding code the passenger already has; a new one gets its own (in its notice).
    boardingCode = oldSeat?.boardingCode ?? newBoardingCode();
    const row = { tripId: target.tripId, labourerId, seatNo, vacancyTitle, boardingCode, createdAt: deps.clock.now().toISOString() };
    parts.push({ name: 'seat', item: ({ seat }) => seat.create(row).commit() });
  }
  const targetStops = boardingPlan.added ? { stops: targetView.stops } : {};
  parts.push(tripPart('target', target, [...target.passengers, labourerId], [...targetView.riders, rider], seated ? 1 : 0, targetStops));
  if (source && sourceView) {
    const riders = sourceView.riders.filter((r) => r.labourerId !== labourerId);
    // A stop nobody boards or leaves at any more is dropped (issue #17: buses stopping for nobody).
    const keep = stopFields(source, stopsInUse(sourceView.stops, riders));
    parts.push(tripPart('source', source, source.passengers.filter((id) => id !== labourerId), riders, oldSeat ? -1 : 0, keep));
  }
  if (oldSeat) {
    parts.push({
      name: 'oldSeat',
      item: ({ seat }) => seat.delete({ tripId: source!.tripId, labourerId }).where((a, { exists }) => exists(a.seatNo)).commit(),
    });
  } else if (seated) {
    parts.push(moveLabourer(person, 'accepted', 'travelling'));
  } else {
    // Planned only: still waiting for a bus (nobody seated them meanwhile).
    parts.push({ name: 'labourerStatus', item: ({ labourer }) => labourer.check({ labourerId }).where((a, { eq }) => eq(a.status, 'accepted')).commit() });
  }
  // The earlier of the two buses' days decides whether the notice may wait out the night.
  const noticeDay = source && source.date < target.date ? source.date : target.date;
  if (seated) parts.push(noticePart(deps, targetView, person, rider, seatNo!, oldSeat !== null ? undefined : boardingCode, noticeDay));
  parts.push(
    auditPart(deps, {
      actor: request.actor,
      action: source ? 'trip.passenger.move' : 'trip.passenger.add',
      target: labourerTarget(labourerId),
      county: target.county,
      ...(source ? { before: { tripId: source.tripId, date: source.date, ...(oldSeat ? { seatNo: oldSeat.seatNo } : {}) } } : {}),
      after: { tripId: target.tripId, date: target.date, ...(seatNo !== undefined ? { seatNo } : {}) },
    }),
  );
  const boards = riderPickup({ ...targetView, riders: [rider] }, labourerId);
  const boarding = { ...boards, ...(boardingPlan.added ? { added: true } : {}), ...(boardingPlan.asked ? { asked: boardingPlan.asked } : {}) };
  const note = boardingPlan.added
    ? `这趟车新增上车点${boards.name}（${boards.time}），${person.name}在那里上车`
    : boardingPlan.asked
      ? `这趟车已有${MAX_PICKUPS}个上车点，不再加停${boardingPlan.asked}，${person.name}改在${boards.name}（${boards.time}）上车`
      : undefined;
  return { parts, ...(source ? { fromTripId: source.tripId } : {}), ...(seatNo !== undefined ? { seatNo } : {}), boarding, ...(note ? { note } : {}) };
}

/**
 * Where the passenger would board: their stop on the old bus, else their own pickup place. When the new
 * bus does not stop there it gets that stop (after its last pickup, the planner's 30 minutes later) while
 * it has fewer than MAX_PICKUPS; else they board at its first pickup and the coordinator is told.
 */
function pickupFor(target: TripView, source: TripView | undefined, person: LabourerItem, mayAddStop: boolean): { stops: EditStop[]; added?: boolean; asked?: string } {
  const pickups = target.stops.filter((s) => s.kind === 'pickup');
  const before = source?.riders.find((r) => r.labourerId === person.labourerId);
  const oldStop = before && source?.stops.find((s) => s.kind === 'pickup' && (stopKey(s) === before.pickup || s.name === before.pickup));
  const own = person.pickup?.name ? { ...(person.pickup.code ? { code: person.pickup.code } : {}), name: person.pickup.name } : undefined;
  const wanted = oldStop ? { ...(oldStop.code ? { code: oldStop.code } : {}), name: oldStop.name } : own;
  if (!wanted) return { stops: target.stops };
  const served = pickups.some((s) => (wanted.code !== undefined && s.code === wanted.code) || s.name === wanted.name || (own && (s.name === own.name || (own.code !== undefined && s.code === own.code))));
  if (served) return { stops: target.stops };
  const stops = mayAddStop ? withPickup(target.stops, wanted, MINUTES_PER_PICKUP) : undefined;
  return stops ? { stops, added: true } : { stops: target.stops, asked: wanted.name };
}

/** The stops to write, with the bus's head fields that follow from them (first pickup and its time, arrival; its destination is fixed). */
export function stopFields(trip: TripItem, stops: EditStop[]): Partial<TripItem> {
  const firstPickup = stops.find((s) => s.kind === 'pickup');
  const drops = stops.filter((s) => s.kind === 'drop');
  const arrivals = dropArrivals(trip.county, trip.date, drops.map((d) => d.code ?? d.name));
  const lastDrop = drops[drops.length - 1];
  return {
    stops,
    ...(firstPickup ? { pickupPoint: firstPickup.name, ...(firstPickup.time ? { departureTime: firstPickup.time } : {}) } : {}),
    ...(lastDrop && trip.arrivalDate ? { arrivalDate: arrivals.get(lastDrop.code ?? lastDrop.name)! } : {}),
  };
}

/** The bus the passenger leaves: the one named (404 unless they are on it), else the county's bus that has them. */
async function sourceTrip(deps: Deps, request: MoveRequest, target: TripItem): Promise<TripItem | undefined> {
  const { labourerId } = request;
  if (request.fromTripId !== undefined) {
    if (request.fromTripId === target.tripId) throw new ConflictError('原来的车和要去的车是同一趟');
    const { data } = await deps.db.entities.trip.get({ tripId: request.fromTripId }).go({ consistent: true });
    if (!data || data.county !== target.county || !data.passengers.includes(labourerId)) throw new NotFoundError('原来的车上没有这位乘客');
    if (!isEditable(data.status)) throw new ConflictError('原来的车已开始上车、已发车或已取消，不能再调整乘客');
    return data as TripItem;
  }
  for (const status of ['booked', 'proposed'] as const) {
    const { data } = await deps.db.entities.trip.query
      .tripsByCounty({ county: target.county, status })
      .where((a, { contains }) => contains(a.passengers, labourerId))
      .go({ pages: 'all', attributes: ['tripId'] });
    const other = data.find((t) => t.tripId !== target.tripId);
    if (other) return (await readTrip(deps, other.tripId!)) as TripItem;
  }
  return undefined;
}

/** The bus's passengers and riders as they will be, conditional on them (and its status and seats) as read. */
function tripPart(name: string, trip: TripItem, passengers: string[], riders: TripRider[], seats: number, more: Partial<TripItem> = {}): TxPart {
  return {
    name,
    item: ({ trip: entity }) => {
      const set = entity.patch({ tripId: trip.tripId }).set({ ...more, passengers, riders });
      return (seats !== 0 ? set.add({ seatsTaken: seats }) : set)
        .where(
          (a, { eq }) =>
            `${eq(a.status, trip.status)} AND ${eq(a.seats, trip.seats)} AND ${eq(a.seatsTaken, trip.seatsTaken)} AND ${eq(a.passengers, trip.passengers)}`,
        )
        .commit();
    },
  };
}

/**
 * Where the passenger boards the new bus: their stop on the old bus or their own pickup place when the new
 * bus stops there, else its first pickup; they leave at the stop of their job's city, else the first drop.
 */
function riderFor(target: TripView, source: TripView | undefined, person: LabourerItem, jobCounty: string | undefined): TripRider {
  const pickups = target.stops.filter((s) => s.kind === 'pickup');
  const drops = target.stops.filter((s) => s.kind === 'drop');
  const before = source?.riders.find((r) => r.labourerId === person.labourerId);
  const wanted = [before?.pickup, person.pickup?.code, person.pickup?.name].filter((k): k is string => Boolean(k));
  const pickup = pickups.find((s) => wanted.includes(stopKey(s)) || wanted.includes(s.name)) ?? pickups[0];
  const city = jobCounty?.slice(0, 4);
  const drop = drops.find((s) => s.code !== undefined && (s.code === jobCounty || s.code === city)) ?? drops.find((s) => stopKey(s) === before?.drop) ?? drops[0];
  return {
    labourerId: person.labourerId,
    pickup: pickup ? stopKey(pickup) : target.pickupPoint,
    drop: drop ? stopKey(drop) : target.destination,
  };
}

/** `newCode`: a passenger seated for the first time gets the booking notice with their boarding code; a moved one the move notice. */
function noticePart(deps: Deps, trip: TripView, person: LabourerItem, rider: TripRider, seatNo: number, newCode: string | undefined, departureDate: string): TxPart {
  const boarding = riderPickup({ ...trip, riders: [rider] }, person.labourerId);
  const common = { name: person.name, date: chineseMonthDay(trip.date), time: boarding.time, pickup: boarding.name, seat: seatNo, plate: trip.vehiclePlate };
  const sms = newCode === undefined ? renderSms('seatMoved', common) : renderSms('tripBooked', { ...common, destination: trip.destinationName, code: newCode });
  return outboxPart(deps, { to: person.phone, sms, county: person.homeCounty, departureDate });
}
