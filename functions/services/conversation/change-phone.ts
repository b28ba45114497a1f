// 换号 <ID number>: moves a registration to the phone the message came from; the old phone is told.
import { parseIdNumber } from '#domain/id-number.js';
import { renderSms } from '#domain/sms/templates.js';
import type { TxPart } from '#store/transact.js';
import { outboxPart } from '../outbox.js';
import { reply, replyOnly, type InboundContext, type Plan } from './plan.js';

export async function changePhone(ctx: InboundContext, idNumber: string | undefined): Promise<Plan> {
  const intent = 'changePhone';
  const parsed = idNumber ? parseIdNumber(idNumber, ctx.now) : undefined;
  if (!parsed?.ok) return replyOnly(ctx, intent, 'changePhoneNeedsId', {});

  const { db } = ctx.deps;
  const idHash = await ctx.deps.hasher.hash(parsed.value.normalized);
  const { data: idGuard } = await db.entities.uniqueGuard.get({ kind: 'idNumber', value: idHash }).go();
  const { data: labourer } = idGuard ? await db.entities.labourer.get({ labourerId: idGuard.labourerId }).go() : { data: null };
  if (!labourer) return replyOnly(ctx, intent, 'changePhoneNotFound', {});
  if (labourer.phone === ctx.phone) return replyOnly(ctx, intent, 'changePhoneSame', { name: labourer.name }, labourer.homeCounty);

  const { labourerId, phone: oldPhone, homeCounty } = labourer;
  const parts: TxPart[] = [
    {
      name: 'newPhoneGuard',
      item: ({ uniqueGuard }) => uniqueGuard.create({ kind: 'phone', value: ctx.phone, labourerId }).commit(),
    },
    {
      name: 'oldPhoneGuard',
      item: ({ uniqueGuard }) =>
        uniqueGuard
          .delete({ kind: 'phone', value: oldPhone })
          .where((attr, { eq }) => eq(attr.labourerId, labourerId))
          .commit(),
    },
    {
      name: 'labourerPhone',
      item: ({ labourer: entity }) =>
        entity
          .patch({ labourerId })
          .set({ phone: ctx.phone })
          .where((attr, { eq }) => eq(attr.phone, oldPhone))
          .commit(),
    },
    reply(ctx, 'phoneChanged', { name: labourer.name }, homeCounty),
    outboxPart(
      ctx.deps,
      { to: oldPhone, sms: renderSms('phoneMovedAway', { last4: ctx.phone.slice(-4) }), county: homeCounty, causedBy: ctx.inboundMessageId },
      'oldPhoneNotice',
    ),
  ];
  return {
    intent,
    parts,
    // This phone already belongs to a registration, or the registration moved meanwhile.
    onRefused: (failed) =>
      failed.has('newPhoneGuard') ? replyOnly(ctx, intent, 'newPhoneTaken', {}) : replyOnly(ctx, intent, 'changePhoneNotFound', {}),
  };
}
