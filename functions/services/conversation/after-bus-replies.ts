// The labourer's SMS after the bus (issue #18): `上车 <code>` checks them in on their bus; a bare 1 / 2
// answers "已到X厂上岗了吗" while they are `arrived`, and 1 / 2 / 3 the check-in "还在X厂工作吗" while
// they are `placed` — unless a 换号 was asked after the question (a bare digit answers the question asked last).
import { boardingCodeIn, checkInAnswerIn, placedAnswerIn } from '#domain/after-bus/sms-answers.js';
import { chinaToday } from '#domain/calendar.js';
import { AppError } from '#domain/errors.js';
import type { Deps } from '../deps.js';
import type { LabourerView } from '../labourer-view.js';
import { pendingPhoneChange } from '../phone-change.js';
import { placeParts, releaseParts, stayParts, withAnswer, workerOf } from '../placement.js';
import { boardingParts } from '../trip-boarding.js';
import { toTripView } from '../trip-view.js';
import { reply, replyOnly, type InboundContext, type Plan } from './plan.js';

/** The plan for an after-the-bus message, or undefined when the message is about something else. */
export async function afterBusPlan(ctx: InboundContext, labourer: LabourerView | undefined, text: string): Promise<Plan | undefined> {
  const boarding = boardingCodeIn(text);
  if (boarding) return boardBySms(ctx, labourer, boarding);
  if (labourer?.status === 'arrived') {
    const answer = placedAnswerIn(text);
    return answer && answerPlaced(ctx, labourer, answer);
  }
  if (labourer?.status === 'placed') {
    const answer = checkInAnswerIn(text);
    return answer && answerCheckIn(ctx, labourer, answer);
  }
  return undefined;
}

/** The question was asked before any pending 换号 (else the digit is the 换号's answer). */
async function askedLast(ctx: InboundContext, labourerId: string, askedAt: string): Promise<boolean> {
  const change = await pendingPhoneChange(ctx.deps, labourerId);
  return !change || change.requestedAt < askedAt;
}

async function boardBySms(ctx: InboundContext, labourer: LabourerView | undefined, said: { code: string } | { wrong: true }): Promise<Plan> {
  const county = labourer?.homeCounty;
  const seat = labourer?.status === 'travelling' ? await seatToBoard(ctx.deps, labourer) : undefined;
  if (!labourer || !seat) return replyOnly(ctx, 'board', 'boardingNoSeat', {}, county);
  if ('wrong' in said || said.code !== seat.seat.boardingCode) return replyOnly(ctx, 'board', 'boardingWrongCode', {}, county);
  if (seat.seat.boarding === 'present') return replyOnly(ctx, 'board', 'boardedAlready', {}, county);
  try {
    const parts = boardingParts(ctx.deps, seat.trip, seat.seat, true, 'sms');
    return {
      intent: 'board',
      parts: [...parts, reply(ctx, 'boarded', { seat: seat.seat.seatNo }, county)],
      // The escort checked them in a moment ago (or the bus left): say where they stand.
      onRefused: () => replyOnly(ctx, 'board', 'boardedAlready', {}, county),
    };
  } catch (error) {
    if (error instanceof AppError) return replyOnly(ctx, 'board', 'boardingNoSeat', {}, county);
    throw error;
  }
}

/** The labourer's seat on a bus of their county whose roll call is open (today's, or yesterday's late one). */
async function seatToBoard(deps: Deps, labourer: LabourerView) {
  const { trip, seat } = deps.db.entities;
  const today = chinaToday(deps.clock.now());
  const yesterday = chinaToday(new Date(deps.clock.now().getTime() - 86_400_000));
  const open = await Promise.all(
    (['booked', 'boarding'] as const).map((status) => trip.query.tripsByCounty({ county: labourer.homeCounty, status }).between({ date: yesterday }, { date: `${today}~` }).go({ pages: 'all' })),
  );
  const trips = open.flatMap((r) => r.data);
  if (trips.length === 0) return undefined;
  const { data: seats } = await seat.get(trips.map((t) => ({ tripId: t.tripId, labourerId: labourer.id }))).go();
  const found = seats[0];
  const bus = found && trips.find((t) => t.tripId === found.tripId);
  return found && bus ? { seat: found, trip: toTripView(bus) } : undefined;
}

async function answerPlaced(ctx: InboundContext, labourer: LabourerView, answer: 'yes' | 'no'): Promise<Plan | undefined> {
  const { data: offers } = await ctx.deps.db.entities.offer.query.offersByLabourer({ labourerId: labourer.id, status: 'accepted' }).go();
  const offer = offers.find((o) => o.placeAskedAt);
  if (!offer || !(await askedLast(ctx, labourer.id, offer.placeAskedAt!))) return undefined;
  const who = await workerOf(ctx.deps, offer);
  const county = labourer.homeCounty;
  try {
    const parts =
      answer === 'yes'
        ? placeParts(ctx.deps, offer, who, 'labourer', reply(ctx, 'placedByLabourer', {}, county))
        : releaseParts(ctx.deps, offer, who, 'not_arrived', 'labourer', reply(ctx, 'notPlaced', {}, county));
    return { intent: answer === 'yes' ? 'placed' : 'notPlaced', parts };
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}

async function answerCheckIn(ctx: InboundContext, labourer: LabourerView, answer: 'stay' | 'left' | 'change'): Promise<Plan | undefined> {
  const { data: offers } = await ctx.deps.db.entities.offer.query.offersByLabourer({ labourerId: labourer.id, status: 'placed' }).go();
  const offer = offers.find((o) => o.checkInAskedAt);
  if (!offer || !(await askedLast(ctx, labourer.id, offer.checkInAskedAt!))) return undefined;
  const county = labourer.homeCounty;
  if (answer === 'stay') return { intent: 'checkIn', parts: stayParts(offer, reply(ctx, 'checkInStay', {}, county)) };
  const who = await workerOf(ctx.deps, offer);
  const parts = releaseParts(ctx.deps, offer, who, answer === 'change' ? 'change' : 'left', 'labourer', reply(ctx, 'checkInLeft', {}, county), withAnswer(offer, answer));
  return { intent: 'checkIn', parts };
}
