// One inbound SMS, handled once: parse it, decide the answer, and write the answer's effects, its replies
// and the message's marker in one transaction — a redelivered message finds its marker and does nothing.
import { normalizeMainlandMobile } from '#domain/phone.js';
import { parseSms, type SmsIntent } from '#domain/sms/parse-sms.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import type { Deps } from '../deps.js';
import { findLabourerByPhone } from '../find-labourers.js';
import { answerOffer, setOptOut, statusReply } from './account-replies.js';
import { pendingPhoneChange } from '../phone-change.js';
import { answerPhoneChange, changePhone } from './change-phone.js';
import { askToForget, confirmForget } from './forget-me.js';
import { loopGuard } from './loop-guard.js';
import { replyOnly, type InboundContext, type Plan } from './plan.js';
import { registerBySms } from './register-by-sms.js';

export interface InboundSms {
  from: string;
  text: string;
  inboundMessageId: string;
}

export type InboundOutcome =
  | { handled: true; intent: string }
  | { handled: false; reason: 'duplicate' | 'not-a-mainland-mobile' };

const MARKER_TTL_SECONDS = 14 * 24 * 3600;

export async function handleInboundSms(deps: Deps, sms: InboundSms): Promise<InboundOutcome> {
  const phone = normalizeMainlandMobile(sms.from);
  // Two-way SMS here is mainland-only; there is nobody we could answer.
  if (!phone.ok) return { handled: false, reason: 'not-a-mainland-mobile' };

  const { data: seen } = await deps.db.entities.inboundMessage.get({ inboundMessageId: sms.inboundMessageId }).go();
  if (seen) return { handled: false, reason: 'duplicate' };

  const ctx: InboundContext = { deps, phone: phone.e164, inboundMessageId: sms.inboundMessageId, now: deps.clock.now() };
  let plan = (await loopGuard(ctx, sms.text)) ?? (await decide(ctx, parseSms(sms.text, ctx.now)));
  for (let attempt = 0; ; attempt++) {
    const outcome = await writeTransaction(deps.db, [markerPart(ctx, plan.intent), ...plan.parts]);
    if (outcome.ok) {
      await plan.afterCommit?.();
      return { handled: true, intent: plan.intent };
    }
    if (outcome.failed.has('inbound')) return { handled: false, reason: 'duplicate' };
    if (!plan.onRefused || attempt > 0) throw new Error(`Inbound SMS refused: ${[...outcome.failed].join(',')}`);
    plan = plan.onRefused(outcome.failed);
  }
}

async function decide(ctx: InboundContext, intent: SmsIntent): Promise<Plan> {
  const labourer = await findLabourerByPhone(ctx.deps, ctx.phone);
  switch (intent.kind) {
    case 'register':
    case 'fields':
      return registerBySms(ctx, intent.fields, { explicit: intent.kind === 'register', registered: labourer });
    case 'accept':
    case 'decline': {
      // The old phone's 1 / 0 on a pending 换号 comes before any offer: it is the question asked last.
      const change = labourer && (await pendingPhoneChange(ctx.deps, labourer.id));
      if (change) return answerPhoneChange(ctx, change, intent.kind === 'accept');
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
      return replyOnly(ctx, 'help', 'help', {}, labourer?.homeCounty);
  }
}

function markerPart(ctx: InboundContext, intent: string): TxPart {
  return {
    name: 'inbound',
    item: ({ inboundMessage }) =>
      inboundMessage
        .create({
          inboundMessageId: ctx.inboundMessageId,
          intent,
          receivedAt: ctx.now.toISOString(),
          expiresAt: Math.floor(ctx.now.getTime() / 1000) + MARKER_TTL_SECONDS,
        })
        .commit(),
  };
}
