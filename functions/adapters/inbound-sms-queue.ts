// Hands inbound SMS to the queue `sms-inbound` reads, in the shape it already reads (End User
// Messaging's notification), so a reply that came through a provider callback is handled by the same
// service, with the same retries, dead-letter queue and once-only marker.
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { InboundSmsNotification } from '#http/schemas/inbound-sms.js';

export interface InboundSmsQueue {
  enqueue(messages: readonly InboundSmsNotification[]): Promise<void>;
}

/** SQS takes at most 10 messages a batch. */
const BATCH = 10;

export function inboundSmsQueue(queueUrl: string, sqs = new SQSClient({})): InboundSmsQueue {
  return {
    async enqueue(messages) {
      for (let start = 0; start < messages.length; start += BATCH) {
        const entries = messages.slice(start, start + BATCH).map((message, i) => ({ Id: String(i), MessageBody: JSON.stringify(message) }));
        const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
        // A partial failure fails the callback: the provider pushes the batch again, and the messages
        // already queued are recognised by their id and handled once.
        if (out.Failed?.length) throw new Error(`inbound SMS queue refused ${out.Failed.length} of ${entries.length}`);
      }
    },
  };
}
