// Delivery receipts (状态报告): a sent message becomes `delivered`, or `failed` with the carrier's
// reason. Only a `sent` message moves (a conditional update), so a receipt pushed twice, or for a
// message we do not know, changes nothing. A receipt can overtake the notifier's own record of the
// send (the message still `pending`): it is counted as early, so the provider is asked to push again.
// Both providers' receipts come here: Alibaba Cloud's callback (provider-callback.ts) and SNS's delivery
// status logs (handlers/sms-receipts.ts). A failed message is indexed under its county for the bulk
// re-send, and the phone's reachability follows the receipts (phone-reachability.ts).
import { isConditionFailure } from '#store/condition-failure.js';
import type { Deps } from './deps.js';
import { noteReceipt } from './phone-reachability.js';

export interface SmsReceipt {
  /** Our outbox message id (the OutId we sent). */
  messageId: string;
  /** The provider's id of the send, as we recorded it. */
  providerMessageId?: string;
  delivered: boolean;
  reason?: string;
  /** When the carrier reported it (ISO); now if absent. */
  at?: string;
}

export async function recordSmsReceipts(deps: Pick<Deps, 'db'> & Partial<Pick<Deps, 'clock'>>, receipts: readonly SmsReceipt[]): Promise<{ recorded: number; early: number }> {
  let recorded = 0;
  let early = 0;
  const { outboxMessage } = deps.db.entities;
  for (const receipt of receipts) {
    const { data: message } = await outboxMessage.get({ messageId: receipt.messageId }).go({ consistent: true });
    if (!message) continue;
    const failedAt = receipt.at ?? (deps.clock?.now() ?? new Date()).toISOString();
    const update = outboxMessage
      .patch({ messageId: receipt.messageId })
      .set(
        receipt.delivered
          ? { status: 'delivered' }
          : {
              status: 'failed',
              failureReason: `receipt: ${receipt.reason ?? 'undelivered'}`,
              ...(message.county ? { failedCounty: message.county, failedAt } : {}),
            },
      )
      .where(({ status, providerMessageId }, { eq }) =>
        receipt.providerMessageId ? `${eq(status, 'sent')} AND ${eq(providerMessageId, receipt.providerMessageId)}` : eq(status, 'sent'),
      );
    try {
      await update.go();
      recorded++;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const { data } = await outboxMessage.get({ messageId: receipt.messageId }).go({ consistent: true });
      if (data?.status === 'pending') early++;
      continue;
    }
    await noteReceipt(deps, message.to, receipt.delivered);
  }
  return { recorded, early };
}
