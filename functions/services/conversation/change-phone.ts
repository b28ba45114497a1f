// 换号 <ID number> from a new phone asks the old phone (services/phone-change.ts); the old phone's 1 or 0
// answers. Whatever the ID number, the requesting phone gets the same reply: nothing of the registration,
// not even whether there is one, is told to a phone that does not hold it.
import { parseIdNumber } from '#domain/id-number.js';
import { cannotComplete, completionParts, coolingHours, refusalParts, requestParts, type PhoneChange } from '../phone-change.js';
import { replyOnly, type InboundContext, type Plan } from './plan.js';

export async function changePhone(ctx: InboundContext, idNumber: string | undefined): Promise<Plan> {
  const intent = 'changePhone';
  const parsed = idNumber ? parseIdNumber(idNumber, ctx.now) : undefined;
  if (!parsed?.ok) return replyOnly(ctx, intent, 'changePhoneNeedsId', {});
  const requested = replyOnly(ctx, intent, 'changePhoneRequested', { hours: coolingHours() });

  const { db } = ctx.deps;
  const [{ data: senderGuard }, { data: idGuard }] = await Promise.all([
    db.entities.uniqueGuard.get({ kind: 'phone', value: ctx.phone }).go(),
    db.entities.uniqueGuard.get({ kind: 'idNumber', value: await ctx.deps.hasher.hash(parsed.value.normalized) }).go(),
  ]);
  if (senderGuard && senderGuard.labourerId === idGuard?.labourerId) return replyOnly(ctx, intent, 'changePhoneSame', {});
  // This phone holds a registration of its own (what it learns is about itself).
  if (senderGuard) return replyOnly(ctx, intent, 'newPhoneTaken', {});
  const { data: labourer } = idGuard ? await db.entities.labourer.get({ labourerId: idGuard.labourerId }).go() : { data: null };
  if (!labourer) return requested;

  const { labourerId, phone: oldPhone, homeCounty } = labourer;
  return {
    intent,
    parts: [...requestParts(ctx.deps, { labourerId, homeCounty, oldPhone, newPhone: ctx.phone }, ctx.inboundMessageId), ...requested.parts],
    // A request is already pending: it stands as it is, and this phone gets the same answer.
    onRefused: () => requested,
  };
}

/** The old phone's 1 (move it) or 0 (keep it) on a pending request. */
export function answerPhoneChange(ctx: InboundContext, change: PhoneChange, agree: boolean): Plan {
  const intent = agree ? 'approvePhoneChange' : 'refusePhoneChange';
  const parts = agree
    ? completionParts(ctx.deps, change, 'old-phone', ctx.inboundMessageId)
    : refusalParts(ctx.deps, change, 'old-phone', ctx.inboundMessageId);
  return {
    intent,
    parts,
    onRefused: (failed) => {
      const ending = cannotComplete(failed);
      return ending
        ? { intent, parts: refusalParts(ctx.deps, change, 'old-phone', ctx.inboundMessageId, ending === 'newPhoneTaken') }
        : replyOnly(ctx, intent, 'noPendingPhoneChange', {});
    },
  };
}
