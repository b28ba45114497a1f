// Runs an ElectroDB write transaction, retrying only when DynamoDB reports a conflict with another
// transaction; any other cancellation is returned for the caller to explain (which condition failed).
import { setTimeout as sleep } from 'node:timers/promises';

export interface CancellationReason {
  rejected: boolean;
  code: string;
}

interface TransactionOutcome {
  canceled: boolean;
  data: CancellationReason[];
}

export type TransactionResult = { ok: true } | { ok: false; reasons: CancellationReason[] };

const MAX_ATTEMPTS = 5;

export async function transactWithRetry(run: () => Promise<TransactionOutcome>): Promise<TransactionResult> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await run();
    if (!outcome.canceled) return { ok: true };
    const conflicted = outcome.data.some((r) => r.code === 'TransactionConflict');
    const failedCondition = outcome.data.some((r) => r.code === 'ConditionalCheckFailed');
    if (!conflicted || failedCondition || attempt >= MAX_ATTEMPTS) {
      if (conflicted && !failedCondition) throw new Error(`Transaction still conflicting after ${attempt} attempts`);
      return { ok: false, reasons: outcome.data };
    }
    // Full jitter: concurrent writers of the same guard items spread out instead of colliding again.
    await sleep(Math.random() * 20 * 2 ** attempt);
  }
}
