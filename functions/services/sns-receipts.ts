// SNS delivery statuses → receipts on our outbox messages. SNS names the send by the message id its
// Publish answered, which the notifier stored as `providerMessageId`; the phone's recent SMS log is where
// that id is found (no index is spent on it: a receipt comes minutes after the send).
import type { Deps } from './deps.js';
import { recordSmsReceipts, type SmsReceipt } from './record-sms-receipts.js';

const RECENT = 100;

export interface SnsStatus {
  providerMessageId: string;
  phone: string;
  delivered: boolean;
  reason?: string;
  at?: string;
}

export async function recordSnsStatuses(deps: Pick<Deps, 'db' | 'clock'>, statuses: readonly SnsStatus[]): Promise<{ recorded: number; unknown: number; early: number }> {
  const receipts: SmsReceipt[] = [];
  let unknown = 0;
  for (const status of statuses) {
    const { data: recent } = await deps.db.entities.outboxMessage.query
      .messagesByPhone({ to: status.phone })
      .go({ order: 'desc', limit: RECENT, attributes: ['messageId', 'providerMessageId'] });
    const message = recent.find((m) => m.providerMessageId === status.providerMessageId);
    if (!message) {
      unknown++;
      continue;
    }
    receipts.push({
      messageId: message.messageId!,
      providerMessageId: status.providerMessageId,
      delivered: status.delivered,
      ...(status.reason ? { reason: status.reason } : {}),
      ...(status.at ? { at: status.at } : {}),
    });
  }
  const { recorded, early } = await recordSmsReceipts(deps, receipts);
  return { recorded, unknown, early };
}
