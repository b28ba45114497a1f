// Inbound loop guard: a phone that sends the same text more than 5 times in 10 minutes, or more than 30
// messages an hour, gets no replies for an hour. An auto-responder must not ping-pong with us, and our
// replies must not be a way to run up SMS. The pause is recorded in the phone's SMS log.
import { createHash } from 'node:crypto';
import { foldWidth } from '#domain/sms/fold-width.js';
import { renderSms } from '#domain/sms/templates.js';
import { outboxPart } from '../outbox.js';
import { takeFromLimit, type RateLimit } from '../rate-limit.js';
import type { InboundContext, Plan } from './plan.js';

const PAUSE_SECONDS = 3600;
export const LOOP_LIMITS = {
  sameText: { name: 'inbound-same-text', max: 5, windowSeconds: 600 },
  tooMany: { name: 'inbound-per-hour', max: 30, windowSeconds: 3600 },
} satisfies Record<string, RateLimit>;

/** A plan that answers nothing when the phone is paused or has just earned a pause; undefined otherwise. */
export async function loopGuard(ctx: InboundContext, text: string): Promise<Plan | undefined> {
  const { inboundMute } = ctx.deps.db.entities;
  const { data: mute } = await inboundMute.get({ phone: ctx.phone }).go();
  if (mute && Date.parse(mute.until) > ctx.now.getTime()) return { intent: 'muted', parts: [] };

  const sameText = createHash('sha256').update(foldWidth(text).trim().toUpperCase()).digest('base64url').slice(0, 16);
  const checks: [keyof typeof LOOP_LIMITS, string][] = [
    ['sameText', `${ctx.phone}:${sameText}`],
    ['tooMany', ctx.phone],
  ];
  for (const [reason, subject] of checks) {
    if ((await takeFromLimit(ctx.deps, LOOP_LIMITS[reason], subject)).ok) continue;
    const untilMs = ctx.now.getTime() + PAUSE_SECONDS * 1000;
    return {
      intent: 'muted',
      parts: [
        {
          name: 'mute',
          item: (entities) =>
            entities.inboundMute
              .put({ phone: ctx.phone, until: new Date(untilMs).toISOString(), reason, expiresAt: Math.floor(untilMs / 1000) + 3600 })
              .commit(),
        },
        outboxPart(ctx.deps, { to: ctx.phone, sms: renderSms('repliesPaused', {}), causedBy: ctx.inboundMessageId, suppressed: `loop-guard:${reason}` }),
      ],
    };
  }
  return undefined;
}
