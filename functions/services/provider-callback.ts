// A provider's callback batch, translated: delivery receipts are recorded, replies queued for the
// conversation service under the provider's own message id (idempotency is that service's marker).
import type { InboundSmsQueue } from '#adapters/inbound-sms-queue.js';
import type { AliyunSmsReport, AliyunSmsUp } from '#http/schemas/aliyun-callbacks.js';
import type { Deps } from './deps.js';
import { recordSmsReceipts } from './record-sms-receipts.js';

/** Prefix of the inbound message ids of Alibaba Cloud replies: never equal to another source's ids. */
export const ALIYUN_INBOUND_PREFIX = 'aliyun-up:';

export function aliyunReceipts(deps: Pick<Deps, 'db'>, reports: readonly AliyunSmsReport[]) {
  return recordSmsReceipts(
    deps,
    reports.flatMap((r) =>
      r.out_id ? [{ messageId: r.out_id, providerMessageId: r.biz_id, delivered: r.success, reason: [r.err_code, r.err_msg].filter(Boolean).join(' ') }] : [],
    ),
  );
}

export async function aliyunReplies(queue: InboundSmsQueue, ups: readonly AliyunSmsUp[]): Promise<{ queued: number }> {
  await queue.enqueue(
    ups.map((up) => ({ originationNumber: up.phone_number, messageBody: up.content, inboundMessageId: `${ALIYUN_INBOUND_PREFIX}${up.sequence_id}` })),
  );
  return { queued: ups.length };
}
