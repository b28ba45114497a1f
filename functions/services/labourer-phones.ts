// Which phones were a labourer's, and when: the current one, and each earlier one up to the moment the
// registration left it (read from the audit entries of phone moves). A number given up may be someone
// else's later, so its SMS after the move are not this labourer's; a new number's SMS count from the 换号
// request that brought it (or from the move, for a coordinator's edit).
import type { AuditView } from './audit.js';

/** An SMS registration may have begun with a draft up to a day before the labourer existed. */
const DRAFT_MS = 24 * 3600_000;

export interface PhonePeriod {
  phone: string;
  /** ISO. */
  from?: string;
  /** ISO; absent = still theirs. */
  until?: string;
}

/**
 * `registeredAt`: the first phone is theirs from their registration (less a draft's day) — before that
 * the number may have been someone else's, whose SMS are not this labourer's to read.
 */
export function phonePeriods(currentPhone: string, audit: readonly AuditView[], registeredAt: string): PhonePeriod[] {
  const moves = audit
    .filter((e) => typeof e.before?.phone === 'string' && typeof e.after?.phone === 'string' && e.before.phone !== e.after.phone)
    .sort((a, b) => a.at.localeCompare(b.at));
  const periods: PhonePeriod[] = [];
  let from: string | undefined = new Date(Date.parse(registeredAt) - DRAFT_MS).toISOString();
  for (const move of moves) {
    periods.push({ phone: move.before!.phone as string, ...(from ? { from } : {}), until: move.at });
    from = typeof move.after!.requestedAt === 'string' ? move.after!.requestedAt : move.at;
  }
  if (currentPhone !== '') periods.push({ phone: currentPhone, ...(from ? { from } : {}) });
  return periods;
}

export function inPeriod(period: PhonePeriod, at: string): boolean {
  return (period.from === undefined || at >= period.from) && (period.until === undefined || at <= period.until);
}
