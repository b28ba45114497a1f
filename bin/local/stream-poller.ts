// Polls DynamoDB Local's table stream and hands records to the notifier, as the Lambda event source
// mapping does in AWS: in order per shard, failed records retried.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

export type StreamConsumer = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

export interface StreamPoller {
  /** Resolves once every record written so far has been handed to the consumer. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 5;

export async function startStreamPoller(options: {
  dynamodb: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  tableName: string;
  consume: StreamConsumer;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): Promise<StreamPoller> {
  const { streams, consume } = options;
  const table = await options.dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);

  const iterators = new Map<string, string | null>(); // shardId → next iterator (null = shard closed)
  let running = true;
  let busy: Promise<number> = Promise.resolve(0);

  async function refreshShards(): Promise<void> {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      iterators.set(shard.ShardId, ShardIterator ?? null);
    }
  }

  async function deliver(records: _Record[]): Promise<void> {
    let pending = records;
    for (let attempt = 1; pending.length > 0 && attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await consume({ Records: pending as DynamoDBStreamEvent['Records'] });
      const failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      pending = pending.filter((r) => r.dynamodb?.SequenceNumber && failed.has(r.dynamodb.SequenceNumber));
      if (pending.length > 0) await sleep(100 * 2 ** attempt);
    }
    if (pending.length > 0) options.onError?.(new Error(`${pending.length} stream records failed ${MAX_ATTEMPTS} times`));
  }

  /** One pass over every open shard; returns how many records it handed on. */
  async function pollOnce(): Promise<number> {
    await refreshShards();
    let count = 0;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      iterators.set(shardId, out.NextShardIterator ?? null);
      const records = out.Records ?? [];
      if (records.length > 0) {
        count += records.length;
        await deliver(records);
      }
    }
    return count;
  }

  const tick = () => (busy = busy.then(pollOnce, () => 0).catch((error) => (options.onError?.(error), 0)));

  void (async () => {
    while (running) {
      await tick();
      await sleep(options.intervalMs ?? 250);
    }
  })();

  return {
    async drain() {
      // Keep polling until a full pass finds nothing new.
      while ((await tick()) > 0);
    },
    async stop() {
      running = false;
      await busy;
    },
  };
}
