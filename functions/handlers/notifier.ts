// Table stream (outbox inserts only, filtered by the event source mapping) → SMS sender.
// Failed records are reported one by one, so the rest of the batch is not sent again.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { DynamoDBRecord, DynamoDBStreamEvent, DynamoDBBatchResponse, Context } from 'aws-lambda';
import { idempotentSmsSender } from '#adapters/idempotent-sms-sender.js';
import { localSmsSink } from '#adapters/local-sms-sink.js';
import { logger } from '#adapters/logger.js';
import type { SmsSender } from '#adapters/sms-sender.js';
import { snsSmsSender } from '#adapters/sns-sms-sender.js';
import { systemClock } from '#adapters/clock.js';
import { ENV, optionalEnv, requireEnv } from '#config/env.js';
import { deliverSms } from '#services/deliver-sms.js';
import { createDb, dynamoDbClientFromEnv } from '#store/db.js';
import { OUTBOX_ENTITY } from '#store/entities/outbox-message.js';

const client = dynamoDbClientFromEnv();
const tableName = requireEnv(ENV.tableName);
const deps = { db: createDb(client, tableName), clock: systemClock };
const provider: SmsSender =
  optionalEnv(ENV.smsSink) === 'local'
    ? localSmsSink
    : snsSmsSender({ senderId: optionalEnv(ENV.smsSenderId), originationNumber: optionalEnv(ENV.smsOriginationNumber) });
const sender = idempotentSmsSender(provider, { client, tableName });
const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function handleRecord(record: DynamoDBRecord): Promise<void> {
  const image = record.dynamodb?.NewImage;
  // The deployed filter already drops everything else; the local poller sees the whole stream.
  if (record.eventName !== 'INSERT' || image?.__edb_e__?.S !== OUTBOX_ENTITY) return;
  const messageId = image.messageId?.S;
  if (!messageId) return;
  const outcome = await deliverSms(deps, sender, messageId);
  logger.info('sms delivery', { messageId, outcome });
}

export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
  processPartialResponse(event, handleRecord, processor, { context });
