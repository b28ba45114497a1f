// A county's daily SMS budget. Every SMS sent for a county counts against its day (China's day, midnight
// to midnight); once the day's count reaches the budget, non-urgent SMS are held for the next day (deliver-sms.ts) and
// an alarm wakes someone (metric SmsOverBudget). It bounds what a runaway job, a bug or SMS pumping can
// cost. Urgent SMS (URGENT_TEMPLATES) always go. SMS that name no county (mostly replies to numbers not
// registered) are not budgeted: the inbound per-phone limit and the verification route's limits bound them.
import { CHINA_UTC_OFFSET_SECONDS } from '#domain/calendar.js';
import { URGENT_TEMPLATES } from '#domain/sms/templates.js';
import type { Deps } from './deps.js';
import { countInWindow, takeFromLimit, type RateLimit } from './rate-limit.js';

export interface SmsBudget {
  perCountyPerDay: number;
}

interface BudgetedSms {
  template: string;
  county?: string;
}

const countyDay = (max: number): RateLimit => ({ name: 'smsCountyDay', max, windowSeconds: 24 * 3600, utcOffsetSeconds: CHINA_UTC_OFFSET_SECONDS });

/** Whether the SMS may go: urgent, or its county has not used up the day's budget. */
export async function withinSmsBudget(deps: Pick<Deps, 'db' | 'clock'>, budget: SmsBudget, sms: BudgetedSms): Promise<boolean> {
  if (sms.county === undefined || URGENT_TEMPLATES.has(sms.template)) return true;
  return (await countInWindow(deps, countyDay(budget.perCountyPerDay), sms.county)) < budget.perCountyPerDay;
}

/**
 * Counts an SMS the provider accepted. Counted once it is out, not when it is about to go: a send the
 * stream retries (throttling) would otherwise count once per attempt. Concurrent deliveries may pass
 * the budget by the few in flight.
 */
export async function countSentSms(deps: Pick<Deps, 'db' | 'clock'>, sms: BudgetedSms): Promise<void> {
  if (sms.county === undefined) return;
  // No ceiling: the message is already out; withinSmsBudget decided before.
  await takeFromLimit(deps, countyDay(Number.MAX_SAFE_INTEGER), sms.county);
}

/** How much of the county's budget today (China's day) is used and left: the 群发 preview shows it. */
export async function smsBudgetToday(deps: Pick<Deps, 'db' | 'clock'>, budget: SmsBudget, county: string): Promise<{ perDay: number; sentToday: number; remainingToday: number }> {
  const sentToday = await countInWindow(deps, countyDay(budget.perCountyPerDay), county);
  return { perDay: budget.perCountyPerDay, sentToday, remainingToday: Math.max(0, budget.perCountyPerDay - sentToday) };
}
