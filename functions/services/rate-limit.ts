// Fixed-window limits kept in the table (one conditional update each), so they hold across Lambda
// instances: verification codes per phone and per client, inbound SMS per phone, SMS per county a day.
import { isConditionFailure } from '#store/condition-failure.js';
import type { Deps } from './deps.js';

export interface RateLimit {
  /** Names what is counted; with the subject it keys the counter. */
  name: string;
  max: number;
  windowSeconds: number;
  /**
   * The UTC offset windows are aligned to (default 0: on UTC's midnight). A day's window with China's
   * offset (CHINA_UTC_OFFSET_SECONDS) runs from midnight to midnight in China, not 08:00 to 08:00.
   */
  utcOffsetSeconds?: number;
}

export type RateDecision = { ok: true; count: number } | { ok: false; retryAfterSeconds: number };

function windowOf(limit: RateLimit, now: Date) {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - ((nowSeconds + (limit.utcOffsetSeconds ?? 0)) % limit.windowSeconds);
  return { nowSeconds, windowStart };
}

/** Seconds until the current window of `limit` ends (when a full window opens again). */
export function secondsLeftInWindow(deps: Pick<Deps, 'clock'>, limit: RateLimit): number {
  const { nowSeconds, windowStart } = windowOf(limit, deps.clock.now());
  return Math.max(1, windowStart + limit.windowSeconds - nowSeconds);
}

/** Counts one event against the limit, unless the window is already full (then nothing is counted). */
export async function takeFromLimit(deps: Pick<Deps, 'db' | 'clock'>, limit: RateLimit, subject: string): Promise<RateDecision> {
  const { nowSeconds, windowStart } = windowOf(limit, deps.clock.now());
  const windowEnd = windowStart + limit.windowSeconds;
  try {
    const { data } = await deps.db.entities.rateCounter
      .update({ subject: `${limit.name}:${subject}`, windowStart })
      .add({ count: 1 })
      .set({ expiresAt: windowEnd + 3600 })
      .where(({ count }, { notExists, lt }) => `${notExists(count)} OR ${lt(count, limit.max)}`)
      .go({ response: 'updated_new' });
    return { ok: true, count: data.count ?? 1 };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return { ok: false, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
  }
}

/** How many events the current window holds, without counting one. */
export async function countInWindow(deps: Pick<Deps, 'db' | 'clock'>, limit: RateLimit, subject: string): Promise<number> {
  const { windowStart } = windowOf(limit, deps.clock.now());
  const { data } = await deps.db.entities.rateCounter.get({ subject: `${limit.name}:${subject}`, windowStart }).go();
  return data?.count ?? 0;
}

