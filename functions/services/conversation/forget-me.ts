// 删除 → 确认删除: a labourer erases their personal data (PIPL). Name, phone and ID number (its hash and
// masked form) go, with the uniqueness guards and the SMS log of that phone; the anonymous record stays
// for the county's aggregates (registered, placed, by destination).
import type { TxPart } from '#store/transact.js';
import type { LabourerView } from '../labourer-view.js';
import { reply, replyOnly, type InboundContext, type Plan } from './plan.js';

const CONFIRM_WITHIN_MS = 24 * 3600_000;
export const ERASED_NAME = '（已删除）';

export function askToForget(ctx: InboundContext, labourer: LabourerView | undefined): Plan {
  if (!labourer) return replyOnly(ctx, 'forget', 'notRegistered', {});
  return {
    intent: 'forget',
    parts: [
      {
        name: 'forgetRequest',
        item: ({ labourer: entity }) => entity.patch({ labourerId: labourer.id }).set({ forgetRequestedAt: ctx.now.toISOString() }).commit(),
      },
      reply(ctx, 'forgetAsk', {}, labourer.homeCounty),
    ],
  };
}

export async function confirmForget(ctx: InboundContext, labourer: LabourerView | undefined): Promise<Plan> {
  if (!labourer) return replyOnly(ctx, 'confirmForget', 'notRegistered', {});
  const { data: item } = await ctx.deps.db.entities.labourer.get({ labourerId: labourer.id }).go({ consistent: true });
  const requestedAt = item?.forgetRequestedAt ? Date.parse(item.forgetRequestedAt) : NaN;
  if (!item || !(ctx.now.getTime() - requestedAt <= CONFIRM_WITHIN_MS)) return askToForget(ctx, labourer);

  const { labourerId, idHash, phone, homeCounty } = item;
  const parts: TxPart[] = [
    {
      name: 'erase',
      item: ({ labourer: entity }) =>
        entity
          .patch({ labourerId })
          .set({
            name: ERASED_NAME,
            phone: '',
            idHash: `erased:${labourerId}`,
            idNumberMasked: '*'.repeat(18),
            optedOut: true,
            status: 'inactive',
            erasedAt: ctx.now.toISOString(),
          })
          .remove(['forgetRequestedAt', 'watchSince', 'availableFrom'])
          .composite({ homeCounty })
          .where((a, { exists }) => exists(a.forgetRequestedAt))
          .commit(),
    },
    { name: 'phoneGuard', item: ({ uniqueGuard }) => uniqueGuard.delete({ kind: 'phone', value: phone }).commit() },
    { name: 'idGuard', item: ({ uniqueGuard }) => uniqueGuard.delete({ kind: 'idNumber', value: idHash }).commit() },
    // The guard is gone when this is delivered, so it is not suppressed as an opted-out number.
    reply(ctx, 'forgotten', {}),
  ];
  return {
    intent: 'confirmForget',
    parts,
    afterCommit: () => eraseMessageLog(ctx),
    onRefused: () => replyOnly(ctx, 'confirmForget', 'notRegistered', {}),
  };
}

/** The SMS log of an erased phone goes too, but for the confirmation that was just written. */
async function eraseMessageLog(ctx: InboundContext): Promise<number> {
  const { outboxMessage } = ctx.deps.db.entities;
  const { data } = await outboxMessage.query.messagesByPhone({ to: ctx.phone }).go({ pages: 'all', attributes: ['messageId', 'causedBy'] });
  const old = data.filter((m) => m.causedBy !== ctx.inboundMessageId).map((m) => ({ messageId: m.messageId! }));
  if (old.length > 0) await outboxMessage.delete(old).go();
  return old.length;
}
