// Scanning one token into items: numbers (IDs, dates, phones, wages), Chinese dates and wages, lexicon words,
// and the left-over Han runs names come from.
import { idRegionAssigned } from '../divisions.js';
import { parseIdNumber } from '../id-number.js';
import { isChineseNumeralChar } from './chinese-numbers.js';
import { CN_AGE, DAY_ONLY, DOTTED_MONTH_DAY, MONTH_DAY, YMD, dateItem, isoDate, resolveDayOfMonth, resolveMonthDay, resolveMonthPart, scanChineseDate, validDate } from './sms-dates.js';
import { DATE_SUFFIX_LIST, type Item, type Scan, WAGE_SUFFIX_LIST, execAt, suffixAt } from './sms-items.js';
import { lexItem, lexiconAt } from './sms-lexicon.js';
import { DATE_SLASH, SEPARATORS, hanLengthAt, isDigitCode, isNameDot, isUpperAsciiCode } from './sms-text.js';
import { MAX_WAGE, MIN_DAILY_WAGE, UNIT_VALUE, WAGE, chineseRemainder, scanChineseWage, wageValue } from './sms-wages.js';

export const ID_RUN = /[0-9X]+/y;
export const PHONE = /1[3-9]\d{9}/y;
export const LANDLINE = /0\d{2,3}-\d{7,8}/y;
export const PHONE_DASHED = /1[3-9]\d-\d{4}-\d{4}/y;
export const AGE = /\d{1,2}(?:周岁|岁)/y;
export const YEARS = /\d{1,2}年(?:经验|工龄|以上)?|\d{4}年/y;
export const PEOPLE = /\d{1,3}(?:个人|人)/y;
/** 8点, 7点半, 8时30分: a time of day (of a departure), understood and ignored. */
export const CLOCK = /\d{1,2}(?:点|时)(?:半|\d{1,2}分?)?/y;
/** 1. 2、 at the start of a form's line: a field's number. */
export const ENUMERATOR = /\d{1,2}[.、](?=\D)/y;

/** Scans a number starting at the digit `i`; pushes one item, returns where it ends. */
export function scanDigits(s: string, i: number, scan: Scan, out: Item[]): number {
  // ID-shaped: a 15–19 character run of digits and X.
  const idRun = execAt(ID_RUN, s, i)![0];
  if (idRun.length >= 15 && idRun.length <= 19) {
    const parsed = parseIdNumber(idRun, scan.todayDate);
    // A resident ID's address code must once have been assigned (111111… never was).
    if (parsed.ok && parsed.value.kind === 'resident' && !idRegionAssigned(parsed.value.regionCode)) {
      out.push({ t: 'badId', text: idRun, reason: 'region' });
    } else out.push(parsed.ok ? { t: 'id', text: idRun, value: parsed.value.normalized } : { t: 'badId', text: idRun, reason: parsed.reason });
    return i + idRun.length;
  }
  let end = i;
  while (end < s.length && isDigitCode(s.charCodeAt(end))) end++;
  const run = end - i;

  if (run === 4) {
    const m = execAt(YMD, s, i);
    if (m && !isDigitCode(s.charCodeAt(m.index + m[0].length))) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (y >= 1900 && y < scan.today.y - 1 && validDate(y, mo, d)) {
        out.push({ t: 'noise', text: m[0], filler: false }); // 1985年3月15日: a birth date, not when they can start
        return i + m[0].length;
      }
      const ok = y >= 2000 && y <= 2100 && validDate(y, mo, d);
      return dateItem(s, i, i + m[0].length, ok ? isoDate(y, mo, d) : undefined, false, out);
    }
  }
  if (run <= 2) {
    let m = execAt(MONTH_DAY, s, i);
    if (m && !isDigitCode(s.charCodeAt(i + m[0].length))) {
      const month = Number(m[1]);
      const iso = m[2] !== undefined ? resolveMonthDay(month, Number(m[2]), scan.today) : resolveMonthPart(month, m[3] ?? '', scan.today);
      return dateItem(s, i, i + m[0].length, iso, false, out);
    }
    m = execAt(DOTTED_MONTH_DAY, s, i);
    // 3.5号 is a date; 3/5 is one when its month and day are possible (weak: it needs company, see below);
    // a bare 3.5 is not.
    if (m && !isDigitCode(s.charCodeAt(i + m[0].length)) && (m[4] !== undefined || m[2] === DATE_SLASH)) {
      const iso = resolveMonthDay(Number(m[1]), Number(m[3]), scan.today);
      return dateItem(s, i, i + m[0].length, iso, m[4] === undefined, out);
    }
    m = execAt(DAY_ONLY, s, i);
    if (m) return dateItem(s, i, i + m[0].length, resolveDayOfMonth(Number(m[1]), scan.today), false, out);
  }
  if (run === 11 && execAt(PHONE, s, i)) {
    out.push({ t: 'noise', text: s.slice(i, end), filler: false });
    return end;
  }
  if (i === 0 && run <= 2) {
    const m = execAt(ENUMERATOR, s, i);
    if (m && hanLengthAt(s, i + m[0].length) > 0) {
      out.push({ t: 'noise', text: m[0], filler: false });
      return i + m[0].length;
    }
  }
  for (const re of [LANDLINE, PHONE_DASHED, AGE, YEARS, PEOPLE, CLOCK]) {
    const m = execAt(re, s, i);
    if (m && !isDigitCode(s.charCodeAt(i + m[0].length))) {
      out.push({ t: 'noise', text: m[0], filler: false });
      return i + m[0].length;
    }
  }
  const w = run <= 6 ? execAt(WAGE, s, i) : null;
  if (w && !isDigitCode(s.charCodeAt(i + w[0].length))) {
    let stop = i + w[0].length;
    let value = wageValue(w);
    // 4千五, 1万二: a Chinese numeral finishing a number with a unit.
    const unit = w[2] !== undefined && w[3] === undefined && w[4] === undefined ? UNIT_VALUE[w[2]] : undefined;
    if (value !== undefined && unit !== undefined) {
      const rest = chineseRemainder(s, stop, unit);
      if (rest) {
        value += rest.value;
        stop = rest.end;
      }
    }
    const withSuffix = stop + suffixAt(s, stop, WAGE_SUFFIX_LIST);
    const text = s.slice(i, withSuffix);
    // Below a month's minimum, a number is kept as a possible day's pay (一天300); the assembly decides.
    if (value !== undefined && value >= MIN_DAILY_WAGE && value <= MAX_WAGE) out.push({ t: 'wage', text, value });
    else out.push({ t: 'junk', text });
    return withSuffix;
  }
  out.push({ t: 'junk', text: s.slice(i, end) });
  return end;
}

/** Scans one token into items. */
export function scanToken(s: string, scan: Scan): Item[] {
  const out: Item[] = [];
  let hanStart = -1;
  const flush = (end: number) => {
    if (hanStart >= 0) out.push({ t: 'han', text: s.slice(hanStart, end) });
    hanStart = -1;
  };
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) {
      flush(i);
      i = scanDigits(s, i, scan, out);
      continue;
    }
    const han = hanLengthAt(s, i);
    if (han > 0) {
      const pending: Item[] = [];
      let next = -1;
      if (isChineseNumeralChar(s[i]!) || c === 0x6b63 /* 正 */) {
        const age = execAt(CN_AGE, s, i);
        if (age) {
          pending.push({ t: 'noise', text: age[0], filler: false });
          next = i + age[0].length;
        } else next = scanChineseDate(s, i, scan, pending);
      }
      if (next < 0) {
        const hit = lexiconAt(s, i);
        if (hit) {
          const item = lexItem(hit.word, hit.lex, scan);
          pending.push(item);
          next = i + hit.word.length;
          if (item.t === 'date') next += suffixAt(s, next, DATE_SUFFIX_LIST); // 元宵节后, 明天出发
        }
      }
      if (next < 0 && isChineseNumeralChar(s[i]!)) next = scanChineseWage(s, i, pending);
      if (next < 0 && (c === 0x4f1a /* 会 */ || c === 0x53bb /* 去 */ || c === 0x5230 /* 到 */ || c === 0x5f80 /* 往 */ || c === 0x4ece) /* 从 */) {
        // 会电焊, 去湖州, 从光山: a one-character label, only right before a skill (会) or a place (去 到 往 从).
        const hit = lexiconAt(s, i + 1);
        const wanted = c === 0x4f1a ? hit?.lex.kind === 'skill' : hit?.lex.kind === 'place' || hit?.lex.kind === 'local';
        if (wanted) {
          pending.push(
            c === 0x4f1a
              ? { t: 'noise', text: s[i]!, filler: false }
              : { t: 'role', text: s[i]!, role: c === 0x4ece ? 'pickup' : 'destination' },
          );
          next = i + 1;
        }
      }
      if (next >= 0) {
        flush(i);
        out.push(...pending);
        i = next;
      } else {
        if (hanStart < 0) hanStart = i;
        i += han;
      }
      continue;
    }
    flush(i);
    const ch = s[i]!;
    if (isNameDot(ch) || (ch === '.' && i > 0 && hanLengthAt(s, i - 1) > 0 && hanLengthAt(s, i + 1) > 0)) {
      out.push({ t: 'dot' });
      i++;
      continue;
    }
    if (isUpperAsciiCode(c)) {
      let end = i + 1;
      while (end < s.length && isUpperAsciiCode(s.charCodeAt(end))) end++;
      out.push({ t: 'junk', text: s.slice(i, end) });
      i = end;
      continue;
    }
    if (ch === '.' || ch === '-' || ch === '~' || ch === DATE_SLASH) {
      i++; // stray punctuation inside a token separates, like a space
      continue;
    }
    // Anything else (emoji, symbols, other scripts, lone surrogates): one junk run.
    let end = i + 1;
    while (end < s.length) {
      const k = s.charCodeAt(end);
      if (isDigitCode(k) || isUpperAsciiCode(k) || hanLengthAt(s, end) > 0 || SEPARATORS.has(s[end]!) || k === 46 || k === 45) break;
      end++;
    }
    out.push({ t: 'junk', text: s.slice(i, end) });
    i = end;
  }
  flush(s.length);
  return out;
}
