// Time as a dependency, so services and tests agree on "now".
export interface Clock {
  now(): Date;
}

let localOffsetMs = 0;

export const systemClock: Clock = { now: () => new Date(Date.now() + localOffsetMs) };

/**
 * Local runs only (POST /sim/clock): moves the clock every service and scheduled job reads, so expiry,
 * cooling periods and reminders can be reached without waiting. Deployed, nothing calls it.
 */
export function setLocalNow(now: Date): void {
  localOffsetMs = now.getTime() - Date.now();
}
