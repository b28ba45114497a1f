// 删除 → 确认删除: a labourer erases their personal data (PIPL). Name, phone and ID number (its hash and
// masked form) go, with the uniqueness guards, the registration code, and their conversation (SMS both
// ways, services/erase-conversation.ts); the anonymous record stays for the county's aggregates.
import type { TxPart } from '#store/transact.js';
import { eraseConversation } from '../erase-conversation.js';
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
          .remove(['forgetRequestedAt', 'watchSince', 'availableFrom', 'registrationCode', 'pickup'])
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
    afterCommit: () => eraseConversation(ctx.deps, { labourerId, lastPhone: phone, registeredAt: item.createdAt }, ctx.inboundMessageId),
    onRefused: () => replyOnly(ctx, 'confirmForget', 'notRegistered', {}),
  };
}
