// Which phones were a labourer's, and when: the current one, and each earlier one up to the moment the
// registration left it (read from the audit entries of phone moves). A number given up may be someone
// else's later, so its SMS after the move are not this labourer's; a new number's SMS count from the 换号
// request that brought it (or from the move, for a coordinator's edit).
import type { AuditView } from './audit.js';

export interface PhonePeriod {
  phone: string;
  /** ISO; absent = since before the registration. */
  from?: string;
  /** ISO; absent = still theirs. */
  until?: string;
}

export function phonePeriods(currentPhone: string, audit: readonly AuditView[]): PhonePeriod[] {
  const moves = audit
    .filter((e) => typeof e.before?.phone === 'string' && typeof e.after?.phone === 'string' && e.before.phone !== e.after.phone)
    .sort((a, b) => a.at.localeCompare(b.at));
  const periods: PhonePeriod[] = [];
  let from: string | undefined;
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
