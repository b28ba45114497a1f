// The notifier Lambda, for a given SMS provider: table stream (outbox inserts only, filtered by the
// event source mapping) → the provider. Each profile's notifier handler passes its own provider, so a
// bundle carries one provider's SDK only (Alibaba Cloud's is over a megabyte).
// Records go one at a time, in stream order, so a phone gets its messages in the order they were written.
// After a failure the rest of the batch is failed too: the stream resumes from the first failed record
// anyway, and letting later ones through would send them ahead of it.
// Two kinds of record send a message: its INSERT, and the MODIFY that releases it from hold (quiet hours,
// a scheduled broadcast; services/release-held-sms.ts). Sends go at SMS_SEND_RATE a second through a
// token bucket; deployed, the notifier's reserved concurrency of 1 makes that the whole deployment's rate.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { DEFAULT_SMS_DAILY_BUDGET_PER_COUNTY, DEFAULT_SMS_SEND_RATE, ENV, positiveIntegerEnv, requireEnv } from '#config/env.js';
import { deliverSms } from '#services/deliver-sms.js';
import { createDb, dynamoDbClientFromEnv } from '#store/db.js';
import { OUTBOX_ENTITY } from '#store/entities/outbox-message.js';
import { systemClock } from './clock.js';
import { idempotentSmsSender } from './idempotent-sms-sender.js';
import { logger } from './logger.js';
import { countSmsOverBudget } from './metrics.js';
import { rateLimitedSmsSender, type BackOff, DEFAULT_BACK_OFF } from './rate-limited-sms-sender.js';
import type { SmsSender } from './sms-sender.js';
import { tokenBucket } from './token-bucket.js';

/** An outbox INSERT, or the change that releases a held message. */
export function sendsMessage(record: DynamoDBRecord): boolean {
  const image = record.dynamodb?.NewImage;
  if (image?.__edb_e__?.S !== OUTBOX_ENTITY) return false;
  if (record.eventName === 'INSERT') return true;
  return record.eventName === 'MODIFY' && image.heldState?.S === 'released' && record.dynamodb?.OldImage?.heldState?.S === 'held';
}

export function outboxStreamHandler(provider: SmsSender, backOff: BackOff = DEFAULT_BACK_OFF) {
  const client = dynamoDbClientFromEnv();
  const tableName = requireEnv(ENV.tableName);
  const deps = { db: createDb(client, tableName), clock: systemClock };
  const bucket = tokenBucket({ ratePerSecond: positiveIntegerEnv(ENV.smsSendRate, DEFAULT_SMS_SEND_RATE) });
  const sender = idempotentSmsSender(rateLimitedSmsSender(provider, bucket, backOff), { client, tableName });
  const budget = { perCountyPerDay: positiveIntegerEnv(ENV.smsDailyBudgetPerCounty, DEFAULT_SMS_DAILY_BUDGET_PER_COUNTY) };
  const processor = new BatchProcessor(EventType.DynamoDBStreams);

  let failedEarlierInBatch = false;

  async function handleRecord(record: DynamoDBRecord): Promise<void> {
    if (failedEarlierInBatch) throw new Error('an earlier record of this batch failed; retried in order');
    try {
      await deliverRecord(record);
    } catch (error) {
      failedEarlierInBatch = true;
      throw error;
    }
  }

  async function deliverRecord(record: DynamoDBRecord): Promise<void> {
    const image = record.dynamodb?.NewImage;
    // The deployed filter already drops everything else; the local poller sees the whole stream.
    if (!sendsMessage(record)) return;
    const messageId = image?.messageId?.S;
    if (!messageId) return;
    const outcome = await deliverSms(deps, sender, messageId, budget);
    logger.info('sms delivery', { messageId, outcome });
    if (outcome === 'over-budget') countSmsOverBudget(image?.county?.S ?? '');
  }

  return async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
    sender.registerLambdaContext(context);
    failedEarlierInBatch = false;
    return processPartialResponse(event, handleRecord, processor, { context, processInParallel: false });
  };
}
