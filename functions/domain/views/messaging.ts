// What the messaging routes answer: a broadcast's preview and a bulk re-send of failed SMS.

export interface BroadcastPreview {
  /** The county's daily SMS budget today: a broadcast beyond what is left is mostly held back (suppressed). */
  budget: { perDay: number; sentToday: number; remainingToday: number; fitsToday: number; overBy: number };
  recipients: number;
  optedOut: number;
  unreachable: number;
  /** SMS parts a message, and in all. */
  segments: number;
  totalSegments: number;
  costEstimateCny: number;
  body: string;
}

export interface ResendResult {
  resent: number;
  /** Failed messages left alone (the two counts below together). */
  skipped: number;
  /** The number is unreachable, opted out, or no longer a labourer's. */
  skippedUnreachable: number;
  /** No longer true or timely. */
  skippedOutOfDate: number;
  /** Failed messages older than this many days are out of date. */
  maxAgeDays: number;
}
