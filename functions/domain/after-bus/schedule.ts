// When the after-the-bus questions are due (issue #18): the employer has 3 days after arrival to confirm a
// worker before the labourer is asked; check-ins at 30, 60 and 90 days after placement; a check-in not
// answered in 7 days is recorded unknown. Pure: the sweep (services/after-bus-sweep.ts) acts on it.

export const CONFIRM_WITHIN_DAYS = 3;
export const CHECK_IN_DAYS = [30, 60, 90] as const;
export type CheckInDay = (typeof CHECK_IN_DAYS)[number];
export const ANSWER_WITHIN_DAYS = 7;

const DAY_MS = 86_400_000;

export function daysBetween(fromIso: string, to: Date): number {
  return Math.floor((to.getTime() - Date.parse(fromIso)) / DAY_MS);
}

/** An arrived worker nobody confirmed: ask the labourer once. */
export function placeQuestionDue(offer: { arrivedAt?: string; placeAskedAt?: string }, now: Date): boolean {
  return offer.arrivedAt !== undefined && offer.placeAskedAt === undefined && daysBetween(offer.arrivedAt, now) >= CONFIRM_WITHIN_DAYS;
}

export type Retention = Partial<Record<'d30' | 'd60' | 'd90', 'stay' | 'left' | 'change' | 'unknown'>>;

export type CheckInStep = { kind: 'ask'; day: CheckInDay } | { kind: 'unknown'; day: CheckInDay } | undefined;

/**
 * What a placed worker's check-ins need now: the pending question recorded unknown when it has waited 7
 * days; else the latest milestone reached and not yet asked (earlier ones, skipped by a long gap, stay
 * blank: one question at a time).
 */
export function checkInStep(
  offer: { placedAt?: string; retention?: Retention; checkInDay?: number; checkInAskedAt?: string },
  now: Date,
): CheckInStep {
  if (!offer.placedAt) return undefined;
  if (offer.checkInDay !== undefined && offer.checkInAskedAt !== undefined) {
    if (daysBetween(offer.checkInAskedAt, now) >= ANSWER_WITHIN_DAYS) return { kind: 'unknown', day: offer.checkInDay as CheckInDay };
    return undefined;
  }
  const days = daysBetween(offer.placedAt, now);
  const reached = CHECK_IN_DAYS.filter((d) => days >= d);
  const latest = reached[reached.length - 1];
  if (latest === undefined || offer.retention?.[`d${latest}`] !== undefined) return undefined;
  return { kind: 'ask', day: latest };
}
