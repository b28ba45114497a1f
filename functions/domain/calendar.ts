// Calendar arithmetic on ISO dates (YYYY-MM-DD), in whole days, free of time zones.

/** `months` after `isoDate`, clamped to the month's last day (2027-01-31 + 1 month = 2027-02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** 2027-03-05 → 3月5日, as an SMS says it. */
export function chineseMonthDay(isoDate: string): string {
  const [, month, day] = isoDate.split('-').map(Number);
  return `${month}月${day}日`;
}

/** China's offset from UTC (UTC+8 all year, no daylight saving), where every county runs. */
export const CHINA_UTC_OFFSET_SECONDS = 8 * 3600;

/** An instant as a Chinese reader says it in China time: 2027-03-05T10:00Z → 3月5日18时. */
export function chinaMonthDayHour(iso: string): string {
  const local = new Date(new Date(iso).getTime() + CHINA_UTC_OFFSET_SECONDS * 1000).toISOString();
  return `${chineseMonthDay(local.slice(0, 10))}${Number(local.slice(11, 13))}时`;
}

/** An instant in China time to the minute, as a spreadsheet shows it: 2027-03-05 18:00. */
export function chinaDateTime(iso: string): string {
  return new Date(new Date(iso).getTime() + CHINA_UTC_OFFSET_SECONDS * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Today's date in China. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_UTC_OFFSET_SECONDS * 1000).toISOString().slice(0, 10);
}
