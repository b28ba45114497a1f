// The short exchanges about a labourer's own registration: status, opt-out and opt-in, offer answers.
import { chineseMonthDay } from '#domain/calendar.js';
import { countyByCode } from '#domain/divisions.js';
import type { TxPart } from '#store/transact.js';
import { findBookedSeat } from '../booked-seat.js';
import { renderSms } from '#domain/sms/templates.js';
import { endOfferParts, findOpenOffer } from '../offer-life-cycle.js';
import type { LabourerView } from '../labourer-view.js';
import { reply, replyOnly, type InboundContext, type Plan } from './plan.js';

const STATE_TEXT: Record<LabourerView['status'], string> = {
  registered: '正在为您匹配岗位',
  offered: '已给您发岗位通知，回1接受、2拒绝',
  accepted: '您已接受岗位，等待安排出行',
  placed: '您已上岗',
  travelling: '已为您安排车辆，请按通知时间乘车',
  inactive: '报名已停用',
  arrived: '您已到达务工地，请按用工单位安排报到上岗',
};

export async function statusReply(ctx: InboundContext, labourer: LabourerView | undefined): Promise<Plan> {
  if (!labourer) return replyOnly(ctx, 'status', 'notRegistered', {});
  // With a seat booked, what they need is when and where to board: CX repeats it.
  const seat = labourer.status === 'travelling' || labourer.status === 'accepted' ? await findBookedSeat(ctx.deps, labourer) : undefined;
  if (seat) {
    const params = { name: labourer.name, date: chineseMonthDay(seat.date), time: seat.departureTime, pickup: seat.pickupPoint, seat: seat.seatNo };
    return replyOnly(ctx, 'status', 'statusTrip', params, labourer.homeCounty);
  }
  const county = countyByCode(labourer.homeCounty)?.name ?? labourer.homeCounty;
  return replyOnly(ctx, 'status', 'status', { name: labourer.name, county, state: STATE_TEXT[labourer.status] }, labourer.homeCounty);
}

/**
 * Opt-out belongs to the number that asked (phoneOptOut), and to its registration if it holds one.
 * Opting out still gets its confirmation (templates.REACHES_OPTED_OUT); nothing else is sent after it.
 * 订阅 also lifts the number from the SMS provider's own list (SNS, once in 30 days): the reply says when it cannot.
 */
export async function setOptOut(ctx: InboundContext, labourer: LabourerView | undefined, optedOut: boolean): Promise<Plan> {
  const intent = optedOut ? 'optOut' : 'optIn';
  // A failure other than SNS's 30-day limit (throttling, a missing permission) leaves our own opt-in standing.
  const carrier = optedOut ? undefined : await ctx.deps.carrierOptOut?.optIn(ctx.phone).catch(() => undefined);
  const confirmation = reply(ctx, optedOut ? 'optedOut' : carrier === 'limited' ? 'optInLimited' : 'optedIn', {}, labourer?.homeCounty);
  const phone: TxPart = {
    name: 'phoneOptOut',
    item: ({ phoneOptOut }) =>
      optedOut
        ? phoneOptOut.put({ phone: ctx.phone, optedOutAt: ctx.now.toISOString() }).commit()
        : phoneOptOut.delete({ phone: ctx.phone }).commit(),
  };
  if (!labourer) return { intent, parts: [phone, confirmation] };
  return {
    intent,
    parts: [
      phone,
      { name: 'optOut', item: ({ labourer: entity }) => entity.patch({ labourerId: labourer.id }).set({ optedOut }).commit() },
      confirmation,
    ],
  };
}

/** 1 / 2 on the labourer's open offer; the places and statuses move in the reply's transaction. */
export async function answerOffer(ctx: InboundContext, answer: 'accept' | 'decline', labourer: LabourerView | undefined): Promise<Plan> {
  const offer = labourer && (await findOpenOffer(ctx.deps, labourer.id));
  if (!labourer || !offer) return replyOnly(ctx, answer, 'noOpenOffer', {}, labourer?.homeCounty);
  const sms =
    answer === 'accept'
      ? renderSms('offerAccepted', { title: offer.vacancyTitle })
      : renderSms('offerDeclined', {});
  const ending = answer === 'accept' ? 'accepted' : 'declined';
  return {
    intent: answer,
    parts: endOfferParts(ctx.deps, offer, ending, { to: ctx.phone, sms, county: labourer.homeCounty, causedBy: ctx.inboundMessageId }),
    // The offer changed a moment ago (answered, expired, or its deadline extended): read it again.
    onRefused: () => answerOffer(ctx, answer, labourer),
  };
}
