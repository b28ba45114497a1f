// Transaction conflicts on demand. DynamoDB Local never raises them (DESIGN §4), so a test makes chosen
// TransactWriteItems calls fail as DynamoDB does when transactions collide on an item: a
// TransactionCanceledException whose CancellationReasons carry `TransactionConflict` — the codes
// ElectroDB hands writeTransaction as `outcome.data`. Deterministic: chosen calls, or a seeded fraction.
import { TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { seededRandom } from './seeded-random.js';

export interface TransactCall {
  /** 1-based count of the TransactWriteItems calls this client has made since the injection. */
  n: number;
  /** The call's items as JSON (document form through ElectroDB): pick calls that touch an id with `includes`. */
  items: string;
}

export interface ConflictOptions {
  /** Conflict this share of the calls, drawn from a generator seeded with `seed` (default 1). */
  fraction?: number;
  seed?: number;
  /** Or choose the calls that conflict. */
  when?: (call: TransactCall) => boolean;
}

export interface InjectedConflicts {
  /** TransactWriteItems calls seen so far. */
  readonly calls: number;
  /** How many of them were made to conflict. */
  readonly conflicts: number;
  /** Takes the middleware off the client: later calls reach DynamoDB untouched. */
  remove(): void;
}

let injections = 0;

export function injectTransactionConflicts(client: DynamoDBClient, options: ConflictOptions): InjectedConflicts {
  const random = seededRandom(options.seed ?? 1);
  const conflicts = options.when ?? (() => random() < (options.fraction ?? 0));
  const name = `injectTransactionConflicts${++injections}`;
  const state = { calls: 0, conflicts: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      const items = (args.input as { TransactItems?: unknown[] }).TransactItems ?? [];
      state.calls++;
      if (!conflicts({ n: state.calls, items: JSON.stringify(items) })) return next(args);
      state.conflicts++;
      // As DynamoDB answers: one reason per item, the colliding one marked, the others None.
      throw new TransactionCanceledException({
        message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
        $metadata: { httpStatusCode: 400 },
        CancellationReasons: items.map((_, i) =>
          i === 0 ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' } : { Code: 'None' },
        ),
      });
    },
    // Before the SDK's own retries (which never retry a cancelled transaction anyway).
    { step: 'initialize', name },
  );
  return {
    get calls() {
      return state.calls;
    },
    get conflicts() {
      return state.conflicts;
    },
    remove: () => void client.middlewareStack.remove(name),
  };
}

