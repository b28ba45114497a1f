// A fresh table on the run's DynamoDB Local, and a Deps bound to it, for service-level tests.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { hmacIdHasher } from '../../functions/adapters/id-hasher.js';
import { newId } from '../../functions/adapters/ids.js';
import type { Clock } from '../../functions/adapters/clock.js';
import type { Deps } from '../../functions/services/deps.js';
import { createDb } from '../../functions/store/db.js';
import { ensureTable, LOCAL_AWS_ENV } from '../../bin/local/dynamodb-local.js';

export function uniqueTableName(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

export function localClient(): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: inject('dynamodbEndpoint'),
    region: LOCAL_AWS_ENV.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** Deps on an existing table, e.g. the one a test system serves, to arrange data the API cannot. */
export function depsForTable(table: string): Deps {
  return { db: createDb(localClient(), table), hasher: hmacIdHasher('test-secret'), clock: { now: () => new Date() }, newId };
}

export async function freshDeps(options: { client?: DynamoDBClient; clock?: Clock } = {}): Promise<Deps & { tableName: string }> {
  const client = options.client ?? localClient();
  const table = uniqueTableName();
  await ensureTable(client, table);
  return {
    db: createDb(client, table),
    hasher: hmacIdHasher('test-secret'),
    clock: options.clock ?? { now: () => new Date() },
    newId,
    tableName: table,
  };
}
