// Dates as labourers write them: 3月5日, 3.5号, 15号, 2027-3-5, 三月初五, 正月十五, 元宵 — resolved
// to the next such day on or after today, in China time.
import { parseChineseInteger } from './chinese-numbers.js';
import { DATE_SUFFIX_LIST, type Item, type Scan, execAt, suffixAt } from './sms-items.js';
import { DATE_SLASH } from './sms-text.js';

export const CHINA_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

// ───────────────────────────── dates ─────────────────────────────

/** Today's calendar date in China; an invalid Date means now (as parseIdNumber does). */
export function chinaToday(today: Date): { y: number; m: number; d: number; iso: string } {
  const ms = today instanceof Date && !Number.isNaN(today.getTime()) ? today.getTime() : Date.now();
  const day = new Date(ms + CHINA_OFFSET_MS);
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + 1;
  const d = day.getUTCDate();
  return { y, m, d, iso: isoDate(y, m, d) };
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function validDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function addDays(y: number, m: number, d: number, days: number): string {
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export type Today = ReturnType<typeof chinaToday>;

/** Month and day → the next such date on or after today (this year, else next; 2-29 waits for a leap year). */
export function resolveMonthDay(m: number, d: number, today: Today): string | undefined {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  for (let y = today.y; y <= today.y + 4; y++) {
    if (!validDate(y, m, d)) continue;
    const iso = isoDate(y, m, d);
    if (iso >= today.iso) return iso;
  }
  return undefined;
}

/** A month alone (3月, 3月底, 3月中旬): that part of the month; the current month means from today. */
export function resolveMonthPart(m: number, part: string, today: Today): string | undefined {
  if (!(m >= 1 && m <= 12)) return undefined;
  const y = m > today.m || (m === today.m) ? today.y : today.y + 1;
  const last = daysInMonth(y, m);
  const d = part === '中' || part === '中旬' ? 15 : part === '下旬' ? 21 : part === '底' ? last : 1;
  const iso = isoDate(y, m, d);
  return iso < today.iso ? today.iso : iso;
}

/** A day of the month alone (15号): this month if still ahead, else the next month that has it. */
export function resolveDayOfMonth(d: number, today: Today): string | undefined {
  if (!(d >= 1 && d <= 31)) return undefined;
  let y = today.y;
  let m = today.m;
  for (let k = 0; k < 3; k++) {
    if (validDate(y, m, d) && isoDate(y, m, d) >= today.iso) return isoDate(y, m, d);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return undefined;
}

/** 春节 (正月初一) by Gregorian year, for 正月 dates (正月十五 = 春节 + 14 days). */
export const SPRING_FESTIVAL: ReadonlyMap<number, [number, number]> = new Map([
  [2024, [2, 10]], [2025, [1, 29]], [2026, [2, 17]], [2027, [2, 6]], [2028, [1, 26]], [2029, [2, 13]],
  [2030, [2, 3]], [2031, [1, 23]], [2032, [2, 11]], [2033, [1, 31]], [2034, [2, 19]], [2035, [2, 8]],
  [2036, [1, 28]],
]);

/** Day `d` (1–29) of the first lunar month, the next one on or after today. */
export function resolveFirstLunarMonth(d: number, today: Today): string | undefined {
  if (!(d >= 1 && d <= 29)) return undefined;
  for (let y = today.y - 1; y <= today.y + 1; y++) {
    const festival = SPRING_FESTIVAL.get(y);
    if (!festival) continue;
    const iso = addDays(y, festival[0], festival[1], d - 1);
    if (iso >= today.iso) return iso;
  }
  return undefined;
}

/** A Chinese day number: 五, 十五, 廿五, 初五 (初 only up to 初十). */
export function chineseDay(text: string): number | undefined {
  if (text.startsWith('初')) {
    const n = parseChineseInteger(text.slice(1));
    return n !== undefined && n >= 1 && n <= 10 ? n : undefined;
  }
  const n = parseChineseInteger(text);
  return n !== undefined && n >= 1 && n <= 31 ? n : undefined;
}

export const YMD = /(\d{4})(?:年|-|\.)(\d{1,2})(?:月|-|\.)(\d{1,2})(?:日|号)?/y;
export const MONTH_DAY = /(\d{1,2})月(?:(\d{1,2})(?:日|号)?|(初|中旬|上旬|下旬|中|底|份))?/y;
export const DOTTED_MONTH_DAY = /(\d{1,2})(\.|\uE000)(\d{1,2})(日|号)?/y;
export const DAY_ONLY = /(\d{1,2})(?:日|号)/y;
export const CN_DATE = /(正|[一二三四五六七八九十]{1,3})月(?:(初[一二三四五六七八九十]|[一二三四五六七八九十廿卅]{1,3})(?:日|号)?|(初|中旬|上旬|下旬|中|底|份))?/y;
export const CN_DAY_ONLY = /([一二三四五六七八九十廿卅]{1,3})(?:日|号)/y;
/** 四十岁, 四十五周岁: an age, understood and ignored. */
export const CN_AGE = /[一二三四五六七八九十]{1,3}(?:周岁|岁)/y;

/** A date item ending at `end`, with any date suffix (以后, 出发 …) swallowed. */
export function dateItem(s: string, start: number, end: number, iso: string | undefined, weak: boolean, out: Item[]): number {
  const stop = end + suffixAt(s, end, DATE_SUFFIX_LIST);
  const text = s.slice(start, stop).replaceAll(DATE_SLASH, '/');
  out.push(iso === undefined ? { t: 'junk', text } : { t: 'date', text, iso, weak });
  return stop;
}

/** A Chinese date at `i` (三月五日, 三月初五, 三月底, 正月十五); ends where it ends, or -1. */
export function scanChineseDate(s: string, i: number, scan: Scan, out: Item[]): number {
  const m = execAt(CN_DATE, s, i);
  if (!m) {
    const day = execAt(CN_DAY_ONLY, s, i);
    const n = day ? parseChineseInteger(day[1]!) : undefined;
    if (!day || n === undefined || n < 1 || n > 31) return -1;
    return dateItem(s, i, i + day[0].length, resolveDayOfMonth(n, scan.today), false, out);
  }
  const end = i + m[0].length;
  if (m[1] === '正') {
    const day = m[2] === undefined ? undefined : chineseDay(m[2]);
    if (day === undefined) return -1;
    return dateItem(s, i, end, resolveFirstLunarMonth(day, scan.today), false, out);
  }
  const month = parseChineseInteger(m[1]!);
  if (month === undefined || month < 1 || month > 12) return -1;
  if (m[2] !== undefined) {
    const day = chineseDay(m[2]);
    if (day === undefined) return -1;
    return dateItem(s, i, end, resolveMonthDay(month, day, scan.today), false, out);
  }
  return dateItem(s, i, end, resolveMonthPart(month, m[3] ?? '', scan.today), false, out);
}
