// POST /sim/sms (local only): an inbound SMS goes the deployed way — an SQS record carrying the End User
// Messaging notification, into the same sms-inbound handler — and the answer waits until the outbox
// has been flushed, so the replies it caused come back in the response.
import { randomUUID } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { DeliveredSms } from '../../functions/adapters/local-sms-sink.js';

export interface SimulatedSms {
  from: string;
  text: string;
  messageId?: string;
}

export type SimulationResult =
  | { status: 200; body: { messageId: string; replies: { to: string; body: string }[] } }
  | { status: 400; body: { error: { code: 'VALIDATION'; message: string; details: { path: string; message: string }[] } } };

export function sqsEventFor(sms: { from: string; text: string; messageId: string }): SQSEvent {
  const body = JSON.stringify({
    originationNumber: sms.from,
    destinationNumber: '+8610690000',
    messageKeyword: 'KEYWORD_LOCAL',
    messageBody: sms.text,
    inboundMessageId: sms.messageId,
  });
  return {
    Records: [
      {
        messageId: randomUUID(),
        receiptHandle: 'local',
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:inbound-sms',
        awsRegion: 'local',
      },
    ],
  };
}

export async function simulateSms(
  input: unknown,
  deps: {
    smsInbound: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
    context: Context;
    flushOutbox: () => Promise<void>;
    delivered: readonly DeliveredSms[];
  },
): Promise<SimulationResult> {
  const details: { path: string; message: string }[] = [];
  const sms = (typeof input === 'object' && input !== null ? input : {}) as Partial<Record<keyof SimulatedSms, unknown>>;
  if (typeof sms.from !== 'string' || sms.from.trim() === '') details.push({ path: 'from', message: '请填写发信手机号' });
  if (typeof sms.text !== 'string' || sms.text.length > 2000) details.push({ path: 'text', message: '短信内容应为不超过 2000 字的文本' });
  if (sms.messageId !== undefined && (typeof sms.messageId !== 'string' || sms.messageId.length > 200)) {
    details.push({ path: 'messageId', message: 'messageId 应为不超过 200 字的文本' });
  }
  if (details.length > 0) return { status: 400, body: { error: { code: 'VALIDATION', message: '模拟短信有误', details } } };

  const messageId = (sms.messageId as string | undefined) ?? randomUUID();
  const result = await deps.smsInbound(sqsEventFor({ from: sms.from as string, text: sms.text as string, messageId }), deps.context);
  if (result.batchItemFailures.length > 0) throw new Error('sms-inbound failed to handle the simulated message');
  await deps.flushOutbox();
  const replies = deps.delivered.filter((m) => m.causedBy === messageId).map(({ to, body }) => ({ to, body }));
  return { status: 200, body: { messageId, replies } };
}
