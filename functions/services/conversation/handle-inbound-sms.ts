// One inbound SMS, handled once: parse it, decide the answer, and write the answer's effects, its replies
// and the message's marker in one transaction — a redelivered message finds its marker and does nothing.
// The marker also keeps the message (text, sender, labourer, intent) for the person page, for the season.
import { setTimeout as sleep } from 'node:timers/promises';
import { maskIdNumbersIn } from '#domain/id-number.js';
import { normalizeMainlandMobile } from '#domain/phone.js';
import { asksForHelp, offerAnswerIn } from '#domain/sms/conversation-cues.js';
import { parseSms, type SmsIntent } from '#domain/sms/parse-sms.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import type { Deps } from '../deps.js';
import { findLabourerByPhone } from '../find-labourers.js';
import type { LabourerView } from '../labourer-view.js';
import { answerOffer, setOptOut, statusReply } from './account-replies.js';
import { afterBusPlan } from './after-bus-replies.js';
import { findOpenOffer } from '../offer-life-cycle.js';
import { pendingPhoneChange } from '../phone-change.js';
import { answerPhoneChange, changePhone } from './change-phone.js';
import { askToForget, confirmForget } from './forget-me.js';
import { loopGuard } from './loop-guard.js';
import { replyOnly, type InboundContext, type Plan } from './plan.js';
import { registerBySms } from './register-by-sms.js';
import { DRAFT_PARTS } from './sms-draft.js';

export interface InboundSms {
  from: string;
  text: string;
  inboundMessageId: string;
}

export type InboundOutcome =
  | { handled: true; intent: string }
  | { handled: false; reason: 'duplicate' | 'not-a-mainland-mobile' };

/** A marker alone only has to outlive redelivery. */
const MARKER_TTL_SECONDS = 14 * 24 * 3600;
/** A kept message lasts the season (春风行动 runs about three months; a season's follow-ups, six). */
export const INBOUND_KEEP_DAYS = 180;

export async function handleInboundSms(deps: Deps, sms: InboundSms): Promise<InboundOutcome> {
  const phone = normalizeMainlandMobile(sms.from);
  // Two-way SMS here is mainland-only; there is nobody we could answer.
  if (!phone.ok) return { handled: false, reason: 'not-a-mainland-mobile' };

  const { data: seen } = await deps.db.entities.inboundMessage.get({ inboundMessageId: sms.inboundMessageId }).go();
  if (seen) return { handled: false, reason: 'duplicate' };

  const ctx: InboundContext = { deps, phone: phone.e164, inboundMessageId: sms.inboundMessageId, now: deps.clock.now() };
  const intent = parseSms(sms.text, ctx.now);
  let labourer = await findLabourerByPhone(ctx.deps, ctx.phone);
  let plan = (await loopGuard(ctx, sms.text)) ?? (await decide(ctx, intent, labourer, sms.text));
  for (let attempt = 0, redecided = 0; ; attempt++) {
    const outcome = await writeTransaction(deps.db, [markerPart(ctx, plan.intent, sms.text, labourer), ...plan.parts]);
    if (outcome.ok) {
      await plan.afterCommit?.();
      return { handled: true, intent: plan.intent };
    }
    if (outcome.failed.has('inbound')) return { handled: false, reason: 'duplicate' };
    // Another message from this phone changed its draft (or registered it) since we read it: decide again on
    // what is there now, so both messages' fields count. Each round means another message won, so it ends.
    if (DRAFT_PARTS.some((part) => outcome.failed.has(part)) && redecided < MAX_REDECISIONS) {
      redecided++;
      await sleep(Math.random() * 10 * redecided);
      labourer = await findLabourerByPhone(ctx.deps, ctx.phone);
      plan = await decide(ctx, intent, labourer, sms.text);
      attempt = -1;
      continue;
    }
    if (!plan.onRefused || attempt > 0) throw new Error(`Inbound SMS refused: ${[...outcome.failed].join(',')}`);
    plan = await plan.onRefused(outcome.failed);
  }
}

/** Rounds of deciding again after a concurrent message changed the draft; more would need > 8 messages at once. */
const MAX_REDECISIONS = 8;

async function decide(ctx: InboundContext, intent: SmsIntent, labourer: LabourerView | undefined, text: string): Promise<Plan> {
  // After the bus: 上车 <code>, and a bare digit answering the 上岗 question or a check-in (issue #18).
  const afterBus = await afterBusPlan(ctx, labourer, text);
  if (afterBus) return afterBus;
  // With an offer pending, an answer inside a sentence counts (好的 1, 我接受, 可以去, 去不了) — as a 1 or 2 would.
  const answer = labourer?.status === 'offered' && (intent.kind === 'help' || intent.kind === 'fields') ? offerAnswerIn(text) : undefined;
  return decideIntent(ctx, answer ? { kind: answer } : intent, labourer, text);
}

async function decideIntent(ctx: InboundContext, intent: SmsIntent, labourer: LabourerView | undefined, text: string): Promise<Plan> {
  switch (intent.kind) {
    case 'register':
    case 'fields':
      return registerBySms(ctx, intent.fields, { explicit: intent.kind === 'register', registered: labourer });
    case 'accept':
    case 'decline': {
      // A bare 1 / 0 answers the question asked last: a pending 换号's, unless an offer was sent (or
      // re-sent) after it — an old phone's "1" to a job must never move the registration away.
      const change = labourer && (await pendingPhoneChange(ctx.deps, labourer.id));
      if (change) {
        const offer = await findOpenOffer(ctx.deps, labourer.id);
        const offerAskedLater = offer !== undefined && (offer.resentAt ?? offer.createdAt) > change.requestedAt;
        if (!offerAskedLater) return answerPhoneChange(ctx, change, intent.kind === 'accept');
      }
      return answerOffer(ctx, intent.kind, labourer);
    }
    case 'status':
      return statusReply(ctx, labourer);
    case 'optOut':
    case 'optIn':
      return setOptOut(ctx, labourer, intent.kind === 'optOut');
    case 'changePhone':
      return changePhone(ctx, intent.idNumber);
    case 'forget':
    case 'confirmForget':
      // Erasure while the registration may be moving is refused: the old phone says 0 first.
      if (labourer && (await pendingPhoneChange(ctx.deps, labourer.id))) return replyOnly(ctx, intent.kind, 'forgetBlocked', {}, labourer.homeCounty);
      return intent.kind === 'forget' ? askToForget(ctx, labourer) : confirmForget(ctx, labourer);
    case 'help':
      // A registered person's question (什么时候有工作) is about where they stand, unless they asked for help.
      if (labourer && !asksForHelp(text)) return statusReply(ctx, labourer);
      return replyOnly(ctx, 'help', 'help', {}, labourer?.homeCounty);
  }
}

function markerPart(ctx: InboundContext, intent: string, text: string, labourer: LabourerView | undefined): TxPart {
  const nowSeconds = Math.floor(ctx.now.getTime() / 1000);
  // The message that erased a labourer is not kept as part of their conversation: only its marker, under
  // a phone key of its own (the index needs one; the number itself is what was erased).
  const kept =
    intent === 'confirmForget'
      ? { phone: `erased:${ctx.inboundMessageId}`, expiresAt: nowSeconds + MARKER_TTL_SECONDS }
      : { phone: ctx.phone, text: maskIdNumbersIn(text), labourerId: labourer?.id, expiresAt: nowSeconds + INBOUND_KEEP_DAYS * 24 * 3600 };
  return {
    name: 'inbound',
    item: ({ inboundMessage }) =>
      inboundMessage.create({ inboundMessageId: ctx.inboundMessageId, intent, receivedAt: ctx.now.toISOString(), ...kept }).commit(),
  };
}
