// Quiet hours: nothing that can wait is sent at night (China time, 21:00–08:00 by default). A message
// written then stays in the outbox with `notBefore` = the end of the night, and the scheduled sweep
// releases it. What cannot wait goes at once: a reply to the SMS the person just sent, a code someone is
// typing, the 换号 questions and notices (a takeover must be answerable at once), and bus notices on the
// day of departure or the day before (someone may be waiting at the roadside).
import { CHINA_UTC_OFFSET_SECONDS, chinaToday } from '../calendar.js';
import { BUS_NOTICES } from './templates.js';

export interface QuietHours {
  /** Hours of China's day, 0–23: quiet from `startHour`:00 until `endHour`:00 (across midnight when start > end). */
  startHour: number;
  endHour: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { startHour: 21, endHour: 8 };

/** `21-8` (or `21:00-08:00`) → quiet hours; `off` → none; anything else → undefined (the caller decides). */
export function parseQuietHours(text: string): QuietHours | 'off' | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off' || trimmed === 'none') return 'off';
  const match = /^(\d{1,2})(?::00)?-(\d{1,2})(?::00)?$/.exec(trimmed);
  if (!match) return undefined;
  const startHour = Number(match[1]);
  const endHour = Number(match[2]);
  if (startHour > 23 || endHour > 23 || startHour === endHour) return undefined;
  return { startHour, endHour };
}

const HOUR_MS = 3600_000;
const OFFSET_MS = CHINA_UTC_OFFSET_SECONDS * 1000;

/** When quiet hours end, if `now` is inside them; undefined in the daytime. */
export function quietUntil(now: Date, quiet: QuietHours): Date | undefined {
  const local = new Date(now.getTime() + OFFSET_MS);
  const hour = local.getUTCHours();
  const inside = quiet.startHour < quiet.endHour ? hour >= quiet.startHour && hour < quiet.endHour : hour >= quiet.startHour || hour < quiet.endHour;
  if (!inside) return undefined;
  // The end is today (China) if it is still ahead, else tomorrow.
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), quiet.endHour) - OFFSET_MS;
  return new Date(end > now.getTime() ? end : end + 24 * HOUR_MS);
}

/** Templates that never wait for the morning. */
const NEVER_HELD: ReadonlySet<string> = new Set([
  'verificationCode',
  'changePhoneConfirm',
  'changePhoneKept',
  'changePhoneRequested',
  'changePhoneRefused',
  'phoneChanged',
  'phoneMovedAway',
  'noPendingPhoneChange',
  'newPhoneTaken',
]);

/** Bus notices: urgent on the day of departure and the day before (or when the day is not known: the bus's own day, departure and arrival). */
const TRIP_NOTICES: ReadonlySet<string> = new Set([...BUS_NOTICES, 'statusTrip']);

export interface HoldableSms {
  template: string;
  /** The inbound SMS it answers: the person is awake and waiting. */
  causedBy?: string;
  /** A bus notice's departure day (YYYY-MM-DD). */
  departureDate?: string;
}

/** Whether the SMS may wait for the end of quiet hours. */
export function mayWaitForMorning(sms: HoldableSms, now: Date): boolean {
  if (sms.causedBy !== undefined || NEVER_HELD.has(sms.template)) return false;
  if (TRIP_NOTICES.has(sms.template)) {
    if (!sms.departureDate) return false;
    const today = chinaToday(now);
    const tomorrow = chinaToday(new Date(now.getTime() + 24 * HOUR_MS));
    return sms.departureDate > tomorrow || sms.departureDate < today;
  }
  return true;
}

/** When the SMS may go: undefined for now, else the end of quiet hours (or `sendAt`, whichever is later). */
export function sendNotBefore(sms: HoldableSms, now: Date, quiet: QuietHours | undefined, sendAt?: Date): Date | undefined {
  const later = sendAt && sendAt.getTime() > now.getTime() ? sendAt : undefined;
  if (!quiet || !mayWaitForMorning(sms, now)) return later;
  const from = later ?? now;
  return quietUntil(from, quiet) ?? later;
}
