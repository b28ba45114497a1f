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
  /** Resolves once every record written before the call has been handed to the consumer. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 5;
const BATCH = 100;

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

  /** One pass over every open shard, each read up to the present; returns how many records it handed on. */
  async function pollOnce(): Promise<number> {
    await refreshShards();
    let count = 0;
    for (const [shardId, first] of iterators) {
      let iterator = first;
      while (iterator) {
        const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: BATCH }));
        iterator = out.NextShardIterator ?? null;
        iterators.set(shardId, iterator);
        const records = out.Records ?? [];
        count += records.length;
        if (records.length > 0) await deliver(records);
        if (records.length < BATCH) break;
      }
    }
    return count;
  }

  // Passes run one at a time. Callers that ask while one is running share the single pass queued
  // after it: that pass starts after their call, so it sees everything they wrote.
  let current: Promise<number> | undefined;
  let queued: Promise<number> | undefined;
  const pass = (): Promise<number> => {
    if (queued) return queued;
    const before = current ?? Promise.resolve(0);
    const next: Promise<number> = before
      .catch(() => 0)
      .then(async () => {
        queued = undefined;
        current = next;
        try {
          return await pollOnce();
        } catch (error) {
          options.onError?.(error);
          return 0;
        } finally {
          if (current === next) current = undefined;
        }
      });
    queued = next;
    return next;
  };

  void (async () => {
    while (running) {
      await pass();
      await sleep(options.intervalMs ?? 250);
    }
  })();

  return {
    async drain() {
      await pass();
    },
    async stop() {
      running = false;
      await current;
      await queued;
    },
  };
}
