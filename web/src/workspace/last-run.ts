// The county's last matching run started from this browser, so 未匹配原因 can show it later.
const KEY = 'chunfeng.lastRun.';

export const rememberRun = (county: string, runId: string): void => localStorage.setItem(KEY + county, runId);
export const lastRun = (county: string): string | undefined => localStorage.getItem(KEY + county) ?? undefined;
