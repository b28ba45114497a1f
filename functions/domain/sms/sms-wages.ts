// Wages: 4500, 4.5k, 4千5, 1.2万, 4500-5000, 四千五, 五千块, 四五千 — a monthly figure in CNY.
import { chineseDigitValue, isChineseNumeralChar, parseChineseInteger } from './chinese-numbers.js';
import { type Item, WAGE_SUFFIX_LIST, execAt, suffixAt } from './sms-items.js';

export const MIN_WAGE = 500;
export const MAX_WAGE = 100_000;
/** A day's pay (一天300, 日薪150): within these bounds; beside a daily word only. */
export const MIN_DAILY_WAGE = 50;
export const MAX_DAILY_WAGE = 3000;

/** 万把块, 一万把, 千把块: "about ten thousand". */
const ABOUT = /(一)?(万|千)把(块钱|块|元)?/y;

/**
 * The Chinese numeral finishing a number whose last unit is `unit` (4千五 → 五 = 500, 1万二 → 2000,
 * 4千五百 → 500), or undefined. `end` is where it stops.
 */
export function chineseRemainder(s: string, start: number, unit: number): { value: number; end: number } | undefined {
  let end = start;
  while (end < s.length && end - start < 6 && isChineseNumeralChar(s[end]!)) end++;
  // 4千一个月: the 一 belongs to 一个月.
  if (end > start && s[end - 1] === '一' && (s.startsWith('个月', end) || s.startsWith('月', end))) end--;
  if (end === start) return undefined;
  if (end === start + 1) {
    const digit = chineseDigitValue(s[start]!);
    return digit === undefined || digit === 0 ? undefined : { value: (digit * unit) / 10, end };
  }
  const value = parseChineseInteger(s.slice(start, end));
  return value !== undefined && value < unit ? { value, end } : undefined;
}

export const WAGE = /(\d{1,6}(?:\.\d{1,2})?)(?:(万|W|千|K)(\d(?!\d))?)?(?:(?:-|~|到|至)(\d{1,6}(?:\.\d{1,2})?)(万|W|千|K)?)?/y;
export const CN_APPROX = /([一二三四五六七八九])([二三四五六七八九])(千|万)/y;

export const UNIT_VALUE: Readonly<Record<string, number>> = { 万: 10_000, W: 10_000, 千: 1000, K: 1000, 萬: 10_000 };

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** 4500 · 4.5K · 4千5 · 1.2万 · 1万2 · 4500-5000 (the lower bound) · 4-5千. */
export function wageValue(m: RegExpExecArray): number | undefined {
  const [, first, unit, trailing, second, secondUnit] = m;
  const firstUnit = unit ?? (second !== undefined && trailing === undefined ? secondUnit : undefined);
  const number = Number(first);
  if (!Number.isFinite(number)) return undefined;
  if (firstUnit === undefined) {
    if (!Number.isInteger(number) || first!.startsWith('0')) return undefined;
    return number;
  }
  const scale = UNIT_VALUE[firstUnit]!;
  if (trailing !== undefined && !Number.isInteger(number)) return undefined; // 4.5千5
  return Math.round(number * scale + (trailing === undefined ? 0 : Number(trailing) * (scale / 10)));
}

/** A Chinese-numeral wage at `i` (四千五, 五千块, 一万二, 四五千, 四千到五千); ends where it ends, or -1. */
export function scanChineseWage(s: string, i: number, out: Item[]): number {
  const about = execAt(ABOUT, s, i);
  if (about) {
    const end = i + about[0].length;
    out.push({ t: 'wage', text: about[0], value: UNIT_VALUE[about[2]!]! });
    return end;
  }
  const approx = execAt(CN_APPROX, s, i);
  if (approx) {
    const a = chineseDigitValue(approx[1]!)!;
    const b = chineseDigitValue(approx[2]!)!;
    if (b === a + 1) {
      const value = a * UNIT_VALUE[approx[3]!]!;
      if (value >= MIN_WAGE && value <= MAX_WAGE) return pushChineseWage(s, i, i + approx[0].length, value, out);
    }
  }
  let end = i;
  while (end < s.length && end - i < 24 && isChineseNumeralChar(s[end]!)) end++;
  // 五千一个月: the 一 belongs to 一个月.
  if (end - i >= 2 && s[end - 1] === '一' && (s.startsWith('个月', end) || s.startsWith('月', end))) end--;
  for (let stop = end; stop > i; stop--) {
    const value = parseChineseInteger(s.slice(i, stop));
    if (value === undefined) continue;
    if (value >= MIN_DAILY_WAGE && value <= MAX_WAGE) return pushChineseWage(s, i, stop, value, out);
    break;
  }
  return -1;
}

export function pushChineseWage(s: string, start: number, stop: number, value: number, out: Item[]): number {
  let end = stop;
  // 四千5: an ASCII digit finishing a Chinese number that ends in a unit.
  const unit = UNIT_VALUE[s[stop - 1]!];
  if (unit !== undefined && isAsciiDigit(s[stop]) && !isAsciiDigit(s[stop + 1]) && s[stop] !== '0') {
    value += (Number(s[stop]) * unit) / 10;
    end++;
  }
  // A range: 四千到五千 — the lower bound counts.
  if (s[end] === '到' || s[end] === '至' || s[end] === '-' || s[end] === '~') {
    let k = end + 1;
    while (k < s.length && isChineseNumeralChar(s[k]!)) k++;
    if (k > end + 1 && parseChineseInteger(s.slice(end + 1, k)) !== undefined) end = k;
  }
  end += suffixAt(s, end, WAGE_SUFFIX_LIST);
  out.push({ t: 'wage', text: s.slice(start, end), value });
  return end;
}
