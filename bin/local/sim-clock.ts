// POST /sim/clock (local only): `{now}` (ISO) sets the clock the services and scheduled jobs read, then
// runs every scheduled job once, so tests and demos reach expiry, cooling periods and reminders at once.
import { setLocalNow } from '../../functions/adapters/clock.js';
import { FIRST_DATE, LAST_DATE } from '../../functions/http/schemas/fields.js';

export type ClockResult =
  | { status: 200; body: { now: string } }
  | { status: 400; body: { error: { code: 'VALIDATION'; message: string; details: { path: string; message: string }[] } } };

export async function setSimulatedClock(input: unknown, runJobsOnce: () => Promise<void>): Promise<ClockResult> {
  const now = typeof (input as { now?: unknown })?.now === 'string' ? new Date((input as { now: string }).now) : undefined;
  // Far years are refused too: the jobs' date arithmetic past year 275760 is no date at all.
  const day = now && !Number.isNaN(now.getTime()) ? now.toISOString().slice(0, 10) : undefined;
  if (!now || !day || day < FIRST_DATE || day > LAST_DATE) {
    return {
      status: 400,
      body: { error: { code: 'VALIDATION', message: '请求有 1 处错误', details: [{ path: 'now', message: `应为 ${FIRST_DATE.slice(0, 4)}–${LAST_DATE.slice(0, 4)} 年间的 ISO 时间，如 2027-02-01T08:00:00+08:00` }] } },
    };
  }
  setLocalNow(now);
  await runJobsOnce();
  return { status: 200, body: { now: now.toISOString() } };
}
