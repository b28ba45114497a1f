// Characters and tokens of an inbound SMS: character classes, the field separators, splitting a message
// into tokens, and numbers typed in groups (an ID or a mobile number split by spaces).
import { parseIdNumber } from '../id-number.js';

/** `/` inside 3/5 (kept as part of a date token rather than splitting it). */
export const DATE_SLASH = '\uE000';

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isUpperAsciiCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Han ideographs in the BMP (CJK unified, extension A, compatibility) and 〇. */
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** Length in UTF-16 units of the Han character at `i` (2 for extensions B+ as surrogate pairs), else 0. */
export function hanLengthAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (isHanCode(c)) return 1;
  if (c >= 0xd840 && c <= 0xd87e) {
    const low = s.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 0;
}

export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n;
}

/** Middle dots used in transliterated minority names: · ・ • ‧ ･ */
export function isNameDot(ch: string): boolean {
  return ch === '\u00b7' || ch === '\u30fb' || ch === '\u2022' || ch === '\u2027' || ch === '\uff65';
}

/** Field separators of the grammar plus the punctuation that can only separate. */
export const SEPARATORS: ReadonlySet<string> = new Set([
  ...' \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\ufeff',
  ...',、#;:/。!?()[]{}<>"\'`|\\+=*&^%$@_',
  ...'【】《》〈〉「」『』“”‘’〔〕〖〗…—–―，；：！？（）｡､',
]);

// ───────────────────────────── tokens ─────────────────────────────

/** 3/5, not the 5/3 in 4千5/3 (a wage, a separator, then a date) nor part of a longer number. */
export const MD_SLASH = /(?<![\d.千万KW])(\d{1,2})\/(\d{1,2})(?![\d.千万KW])/g;

/**
 * Keeps the `/` of 3/5 inside its token (as DATE_SLASH) when month and day are possible. (2027/3/5 is
 * not read: `/` separates fields, and 2027 could as well be a wage; 2027-3-5 and 2027年3月5日 work.)
 */
export function protectDateSlashes(text: string): string {
  if (!text.includes('/')) return text;
  return text.replace(MD_SLASH, (all, m: string, d: string) =>
    Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${m}${DATE_SLASH}${d}` : all,
  );
}

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (SEPARATORS.has(text[i]!)) {
      if (start >= 0) tokens.push(text.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) tokens.push(text.slice(start));
  return tokens;
}

export const DIGITS_ONLY = /^\d+X?$/;

export const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Numbers typed in groups: an ID (510822 19850315 0018) — consecutive digit tokens that together form a
 * valid ID — and a mobile number (139 1234 5678), which is then understood and ignored.
 */
export function joinSplitNumbers(tokens: string[], todayDate: Date): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.length <= 4 && token.startsWith('1') && /^\d+$/.test(token)) {
      let joined = token;
      let k = i + 1;
      while (k < tokens.length && joined.length < 11 && tokens[k]!.length <= 4 && /^\d+$/.test(tokens[k]!)) joined += tokens[k++];
      if (k > i + 1 && MOBILE.test(joined)) {
        out.push(joined);
        i = k - 1;
        continue;
      }
    }
    if (token.length < 18 && token.length >= 2 && DIGITS_ONLY.test(token) && !token.endsWith('X')) {
      let joined = token;
      let k = i + 1;
      while (k < tokens.length && joined.length < 18 && DIGITS_ONLY.test(tokens[k]!)) joined += tokens[k++];
      if (k > i + 1 && joined.length === 18 && parseIdNumber(joined, todayDate).ok) {
        out.push(joined);
        i = k - 1;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}
