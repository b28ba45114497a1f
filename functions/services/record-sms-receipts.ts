// Delivery receipts (状态报告): a sent message becomes `delivered`, or `failed` with the carrier's
// reason. Only a `sent` message moves (a conditional update), so a receipt pushed twice, or for a
// message we do not know, changes nothing. A receipt can overtake the notifier's own record of the
// send (the message still `pending`): it is counted as early, so the provider is asked to push again.
import { isConditionFailure } from '#store/condition-failure.js';
import type { Deps } from './deps.js';

export interface SmsReceipt {
  /** Our outbox message id (the OutId we sent). */
  messageId: string;
  /** The provider's id of the send, as we recorded it. */
  providerMessageId?: string;
  delivered: boolean;
  reason?: string;
}

export async function recordSmsReceipts(deps: Pick<Deps, 'db'>, receipts: readonly SmsReceipt[]): Promise<{ recorded: number; early: number }> {
  let recorded = 0;
  let early = 0;
  for (const receipt of receipts) {
    const update = deps.db.entities.outboxMessage
      .patch({ messageId: receipt.messageId })
      .set(receipt.delivered ? { status: 'delivered' } : { status: 'failed', failureReason: `receipt: ${receipt.reason ?? 'undelivered'}` })
      .where(({ status, providerMessageId }, { eq }) =>
        receipt.providerMessageId ? `${eq(status, 'sent')} AND ${eq(providerMessageId, receipt.providerMessageId)}` : eq(status, 'sent'),
      );
    try {
      await update.go();
      recorded++;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const { data } = await deps.db.entities.outboxMessage.get({ messageId: receipt.messageId }).go({ consistent: true });
      if (data?.status === 'pending') early++;
    }
  }
  return { recorded, early };
}
