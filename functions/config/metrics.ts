// Custom CloudWatch metrics the functions emit (Powertools, in the embedded metric format) and the
// alarms of lib/constructs/monitoring.ts watch: one set of names for both sides.
export const METRICS = {
  namespace: 'Chunfeng',
  /** Powertools adds this as the `service` dimension of every metric; an alarm must name it too. */
  service: 'chunfeng',
  /** One per non-urgent SMS suppressed because its county had used up the day's SMS budget. */
  smsOverBudget: 'SmsOverBudget',
} as const;
