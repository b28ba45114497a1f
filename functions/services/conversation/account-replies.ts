// The short exchanges about a labourer's own registration: status, opt-out and opt-in, offer answers.
import { countyByCode } from '#domain/divisions.js';
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
};

export function statusReply(ctx: InboundContext, labourer: LabourerView | undefined): Plan {
  if (!labourer) return replyOnly(ctx, 'status', 'notRegistered', {});
  const county = countyByCode(labourer.homeCounty)?.name ?? labourer.homeCounty;
  return replyOnly(ctx, 'status', 'status', { name: labourer.name, county, state: STATE_TEXT[labourer.status] }, labourer.homeCounty);
}

/** Opting out still gets its confirmation (templates.REACHES_OPTED_OUT); nothing else is sent after it. */
export function setOptOut(ctx: InboundContext, labourer: LabourerView | undefined, optedOut: boolean): Plan {
  const intent = optedOut ? 'optOut' : 'optIn';
  const confirmation = reply(ctx, optedOut ? 'optedOut' : 'optedIn', {}, labourer?.homeCounty);
  if (!labourer) return { intent, parts: [confirmation] };
  return {
    intent,
    parts: [
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
    // The offer expired or was answered a moment ago.
    onRefused: () => replyOnly(ctx, answer, 'noOpenOffer', {}, labourer.homeCounty),
  };
}
