// Wraps an SmsSender so one outbox message is published at most once even when the notifier crashes
// between publishing and marking the message sent: the provider's answer is kept (Powertools
// idempotency, on our one table, keyed on the outbox id) and replayed to the retry.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { TABLE } from '#store/table.js';
import type { OutboundSms, SmsSender } from './sms-sender.js';

export interface IdempotentSmsSender extends SmsSender {
  /** Lets an in-progress record expire with the invocation that wrote it. */
  registerLambdaContext(context: Context): void;
}

export function idempotentSmsSender(
  sender: SmsSender,
  options: { client: DynamoDBClient; tableName: string },
): IdempotentSmsSender {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: options.tableName,
    awsSdkV3Client: options.client,
    keyAttr: TABLE.partitionKey,
    sortKeyAttr: TABLE.sortKey,
    staticPkValue: 'idempotency#sms-send',
    // Records clean themselves up through the table's TTL.
    expiryAttr: TABLE.ttlAttribute,
  });
  const config = new IdempotencyConfig({ eventKeyJmesPath: 'messageId', expiresAfterSeconds: 7 * 24 * 3600 });
  const send = makeIdempotent((sms: OutboundSms) => sender.send(sms), { persistenceStore, config });
  return { send, registerLambdaContext: (context) => config.registerLambdaContext(context) };
}
