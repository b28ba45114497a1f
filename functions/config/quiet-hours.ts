// Quiet hours as configured (SMS_QUIET_HOURS), read on each use so a local system can switch them.
import { DEFAULT_QUIET_HOURS, parseQuietHours, type QuietHours } from '#domain/sms/quiet-hours.js';
import { ENV, optionalEnv } from './env.js';

/** undefined: no quiet hours (`off`). A value that is no quiet hours fails loudly. */
export function quietHoursFromEnv(): QuietHours | undefined {
  const raw = optionalEnv(ENV.smsQuietHours);
  if (raw === undefined) return DEFAULT_QUIET_HOURS;
  const parsed = parseQuietHours(raw);
  if (parsed === undefined) throw new Error(`${ENV.smsQuietHours} must look like 21-8 or be off, not ${raw}`);
  return parsed === 'off' ? undefined : parsed;
}
