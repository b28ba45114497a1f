// Write transactions built from named parts. Several use cases contribute parts to one transaction
// (an SMS registration = the registration's items + the inbound-message marker + the draft removal),
// and a cancelled transaction says which parts' conditions failed, by name.
// Only conflicts with other transactions are retried; a failed condition is the caller's answer.
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '#domain/errors.js';
import type { Db } from './db.js';

type WriteFn = Parameters<Db['transaction']['write']>[0];
export type TxEntities = Parameters<WriteFn>[0];
export type TxItem = ReturnType<WriteFn>[number];

export interface TxPart {
  /** Names the condition this item guards, e.g. "idGuard"; reported back when it fails. */
  name: string;
  item: (entities: TxEntities) => TxItem;
}

export type TransactionResult = { ok: true } | { ok: false; failed: ReadonlySet<string> };

const MAX_ATTEMPTS = 5;

/** A transaction that still collided with others after every retry: nothing was written; worth trying later. */
export class TransactionConflictError extends AppError {
  constructor(readonly attempts: number) {
    super('UNAVAILABLE', '系统繁忙，请稍后再试');
  }
}

export async function writeTransaction(db: Db, parts: readonly TxPart[]): Promise<TransactionResult> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await db.transaction.write((entities) => parts.map((p) => p.item(entities))).go();
    if (!outcome.canceled) return { ok: true };
    const codes = (outcome.data as unknown as { code: string }[]).map((r) => r.code);
    const failed = new Set(parts.filter((_, i) => codes[i] === 'ConditionalCheckFailed').map((p) => p.name));
    if (failed.size > 0) return { ok: false, failed };
    if (!codes.includes('TransactionConflict')) throw new Error(`Transaction cancelled: ${codes.join(',')}`);
    if (attempt >= MAX_ATTEMPTS) throw new TransactionConflictError(attempt);
    // Full jitter: concurrent writers of the same items spread out instead of colliding again.
    await sleep(Math.random() * 20 * 2 ** attempt);
  }
}
