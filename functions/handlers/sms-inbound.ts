// SQS (fed by the inbound two-way SMS topic) → conversation service, one message at a time.
// A malformed notification is logged and dropped (retrying cannot fix it); anything else that fails
// is reported back so SQS redelivers it, and the DLQ catches what keeps failing.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '#adapters/logger.js';
import { InboundSmsNotification } from '#http/schemas/inbound-sms.js';
import { handleInboundSms } from '#services/conversation/handle-inbound-sms.js';
import { depsFromEnv } from '#services/deps.js';

const deps = depsFromEnv();
const processor = new BatchProcessor(EventType.SQS);

async function handleRecord(record: SQSRecord): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(record.body);
  } catch {
    json = undefined;
  }
  const notification = InboundSmsNotification.safeParse(json);
  if (!notification.success) {
    logger.warn('dropped malformed inbound SMS notification', { sqsMessageId: record.messageId });
    return;
  }
  const { originationNumber, messageBody, inboundMessageId } = notification.data;
  const outcome = await handleInboundSms(deps, { from: originationNumber, text: messageBody, inboundMessageId });
  logger.info('inbound sms', { inboundMessageId, ...outcome });
}

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processPartialResponse(event, handleRecord, processor, { context });
