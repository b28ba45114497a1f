// Inbound SMS grammar (DESIGN §6): a labourer's free Chinese text → one intent.
//
//   报名 王立学 510822198503150018 泥瓦工 浙江湖州 4500   → register, every field recognised by its shape
//   王立学                                              → fields (completes a draft registration)
//   1 / 接受 / Y        2 / 拒绝 / N        查询 / CX       退订 / TD       订阅 / START
//   换号 510822198503150018                             → changePhone
//   anything else                                       → help
//
// How a message is read:
//   1. Fold widths and ASCII case (１２３ → 123, ｂｍ → BM); a whole-message intent word wins.
//   2. Split into tokens on the field separators (space , ， 、 # ; ； : ： / 。 new line …).
//   3. Scan each token left to right. At a digit: ID-shaped runs (15–19 digits/X), dates (3月5日,
//      3.5号, 15号, 2027-3-5), phone numbers and ages (understood, ignored), wages (4500, 4.5k, 4千5,
//      1.2万, 4500-5000). At a Han character: Chinese dates (三月五日, 正月十五), then the longest word
//      of the lexicon — skills and synonyms, places, labels, filler, 本地, 贫困户 … in one Map, tried
//      only at the lengths that occur for that first character (bounded longest match) — then
//      Chinese-numeral wages (四千五). Whatever no rule takes is left over.
//   4. Assemble the message. Names come from left-over runs of 2–4 Han characters (or a middle-dot
//      name): the first one after a name label (姓名 我叫 …), else the first starting with a known
//      surname, else — a rare surname — only when it is all the message says. A surname glued to a
//      place (王海南, 刘江山) is a name. Places: ambiguous spellings are resolved against regions named
//      earlier (resolvePlace); a narrower place scopes a broader one; 家住…/…人 places are origins,
//      not destinations. The first wage and date count; every skill counts.
//
// Pure and total: any string and any Date give an intent, nothing throws.
import { parseIdNumber, type IdNumberFailure } from '../id-number.js';
import type { Skill } from '../skills.js';
import { chineseDigitValue, isChineseNumeralChar, parseChineseInteger } from './chinese-numbers.js';
import { foldForParsing } from './fold-width.js';
import { placeAliases, resolvePlace, type PlaceCandidate } from './place-names.js';
import { SKILL_SPELLINGS } from './skill-synonyms.js';
import {
  CHANGE_PHONE_KEYWORDS,
  COMPOUND_SURNAMES,
  CONJUNCTION_SURNAMES,
  DATE_SUFFIXES,
  DESTINATION_LABEL_WORDS,
  EDGE_PARTICLES,
  FILLER_WORDS,
  HOME_LABEL_WORDS,
  INTENT_WORDS,
  KEYWORD_PREAMBLE,
  LABEL_WORDS,
  LOCAL_WORDS,
  MINORITY_NAME_INITIALS,
  NAME_LABEL_WORDS,
  NON_NAME_CHARS,
  POVERTY_WORDS,
  REGISTER_KEYWORDS,
  RELATIVE_DATE_WORDS,
  STANDALONE_FILLER_WORDS,
  SURNAMES,
  WAGE_SUFFIXES,
  type SimpleIntent,
} from './sms-keywords.js';

export interface RegistrationFields {
  /** 2–4 Han characters, or a minority name with middle dots (买买提·艾力, up to 15 characters). */
  name?: string;
  /** Normalised (upper-case X), checksum-valid, from parseIdNumber. */
  idNumber?: string;
  /** Something ID-shaped (a 15–19 character digit/X run) that failed validation. */
  invalidIdNumber?: { text: string; reason: IdNumberFailure };
  /** Canonical names, deduplicated, in order of appearance. */
  skills: Skill[];
  /** 2-, 4- or 6-digit GB/T 2260 codes, deduplicated; never one inside another. */
  destinations: { code: string; name: string }[];
  /** 本地 / 县内 / 就近 / 家门口 / 附近 …: cannot travel. */
  localOnly: boolean;
  /** CNY per month (500–100,000). */
  expectedWage?: number;
  /** ISO `YYYY-MM-DD`, China time. */
  availableFrom?: string;
  /** 贫困户 / 建档立卡 … */
  povertySelfDeclared: boolean;
  /** What nothing understood, in folded form (half-width, ASCII upper case), for logs and replies. */
  unrecognised: string[];
}

export type SmsIntent =
  | { kind: 'register'; fields: RegistrationFields }
  | { kind: 'fields'; fields: RegistrationFields }
  | { kind: 'accept' }
  | { kind: 'decline' }
  | { kind: 'status' }
  | { kind: 'optOut' }
  | { kind: 'optIn' }
  | { kind: 'forget' }
  | { kind: 'confirmForget' }
  | { kind: 'changePhone'; idNumber?: string; invalidIdNumber?: RegistrationFields['invalidIdNumber'] }
  | { kind: 'help' };

/** What a registration still lacks before it can be created: exactly these are asked for (the ID number may be held hashed). */
export function missingForRegistration(fields: Pick<RegistrationFields, 'name'> & { idNumber?: unknown }): ('name' | 'idNumber')[] {
  const missing: ('name' | 'idNumber')[] = [];
  if (!fields?.name) missing.push('name');
  if (!fields?.idNumber) missing.push('idNumber');
  return missing;
}

/** Parses one inbound SMS. `today` (an instant) fixes the year of dates such as 3月5日, in China time. */
export function parseSms(text: string, today: Date): SmsIntent {
  try {
    return parseMessage(text, today);
  } catch {
    // Unreachable by design (the property tests feed arbitrary Unicode); a parser must never fail a message.
    return { kind: 'help' };
  }
}

// ───────────────────────────── limits and small helpers ─────────────────────────────

/** Longer texts are cut (a concatenated SMS is at most a few hundred characters; this bounds the work). */
const MAX_MESSAGE_LENGTH = 1000;
const MAX_UNRECOGNISED = 20;
const MIN_WAGE = 500;
const MAX_WAGE = 100_000;
const MAX_NAME_LENGTH = 4;
const MAX_DOTTED_NAME_LENGTH = 15;
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** `/` inside 3/5 (kept as part of a date token rather than splitting it). */
const DATE_SLASH = '\uE000';

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpperAsciiCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Han ideographs in the BMP (CJK unified, extension A, compatibility) and 〇. */
function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** Length in UTF-16 units of the Han character at `i` (2 for extensions B+ as surrogate pairs), else 0. */
function hanLengthAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (isHanCode(c)) return 1;
  if (c >= 0xd840 && c <= 0xd87e) {
    const low = s.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 0;
}

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n;
}

/** Middle dots used in transliterated minority names: · ・ • ‧ ･ */
function isNameDot(ch: string): boolean {
  return ch === '\u00b7' || ch === '\u30fb' || ch === '\u2022' || ch === '\u2027' || ch === '\uff65';
}

/** Field separators of the grammar plus the punctuation that can only separate. */
const SEPARATORS: ReadonlySet<string> = new Set([
  ...' \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\ufeff',
  ...',、#;:/。!?()[]{}<>"\'`|\\+=*&^%$@_',
  ...'【】《》〈〉「」『』“”‘’〔〕〖〗…—–―，；：！？（）｡､',
]);

// ───────────────────────────── dates ─────────────────────────────

/** Today's calendar date in China; an invalid Date means now (as parseIdNumber does). */
function chinaToday(today: Date): { y: number; m: number; d: number; iso: string } {
  const ms = today instanceof Date && !Number.isNaN(today.getTime()) ? today.getTime() : Date.now();
  const day = new Date(ms + CHINA_OFFSET_MS);
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + 1;
  const d = day.getUTCDate();
  return { y, m, d, iso: isoDate(y, m, d) };
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function addDays(y: number, m: number, d: number, days: number): string {
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

type Today = ReturnType<typeof chinaToday>;

/** Month and day → the next such date on or after today (this year, else next; 2-29 waits for a leap year). */
function resolveMonthDay(m: number, d: number, today: Today): string | undefined {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  for (let y = today.y; y <= today.y + 4; y++) {
    if (!validDate(y, m, d)) continue;
    const iso = isoDate(y, m, d);
    if (iso >= today.iso) return iso;
  }
  return undefined;
}

/** A month alone (3月, 3月底, 3月中旬): that part of the month; the current month means from today. */
function resolveMonthPart(m: number, part: string, today: Today): string | undefined {
  if (!(m >= 1 && m <= 12)) return undefined;
  const y = m > today.m || (m === today.m) ? today.y : today.y + 1;
  const last = daysInMonth(y, m);
  const d = part === '中' || part === '中旬' ? 15 : part === '下旬' ? 21 : part === '底' ? last : 1;
  const iso = isoDate(y, m, d);
  return iso < today.iso ? today.iso : iso;
}

/** A day of the month alone (15号): this month if still ahead, else the next month that has it. */
function resolveDayOfMonth(d: number, today: Today): string | undefined {
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
const SPRING_FESTIVAL: ReadonlyMap<number, [number, number]> = new Map([
  [2024, [2, 10]], [2025, [1, 29]], [2026, [2, 17]], [2027, [2, 6]], [2028, [1, 26]], [2029, [2, 13]],
  [2030, [2, 3]], [2031, [1, 23]], [2032, [2, 11]], [2033, [1, 31]], [2034, [2, 19]], [2035, [2, 8]],
  [2036, [1, 28]],
]);

/** Day `d` (1–29) of the first lunar month, the next one on or after today. */
function resolveFirstLunarMonth(d: number, today: Today): string | undefined {
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
function chineseDay(text: string): number | undefined {
  if (text.startsWith('初')) {
    const n = parseChineseInteger(text.slice(1));
    return n !== undefined && n >= 1 && n <= 10 ? n : undefined;
  }
  const n = parseChineseInteger(text);
  return n !== undefined && n >= 1 && n <= 31 ? n : undefined;
}

// ───────────────────────────── the lexicon ─────────────────────────────

type Lex =
  | { kind: 'skill'; skills: readonly Skill[] }
  | { kind: 'place'; candidates: readonly PlaceCandidate[] }
  | { kind: 'local' }
  | { kind: 'poverty' }
  | { kind: 'label' }
  | { kind: 'nameLabel' }
  | { kind: 'destLabel' }
  | { kind: 'homeLabel' }
  | { kind: 'filler' }
  | { kind: 'relDate'; days: number }
  | { kind: 'lantern' };

/** Every word the scanner knows, keyed by spelling; built once. Later groups win over earlier ones. */
function buildLexicon(): Map<string, Lex> {
  const lexicon = new Map<string, Lex>();
  for (const [alias, candidates] of placeAliases()) lexicon.set(alias, { kind: 'place', candidates });
  for (const [spelling, skills] of SKILL_SPELLINGS) lexicon.set(spelling, { kind: 'skill', skills });
  for (const w of FILLER_WORDS) lexicon.set(w, { kind: 'filler' });
  for (const w of LABEL_WORDS) lexicon.set(w, { kind: 'label' });
  for (const w of NAME_LABEL_WORDS) lexicon.set(w, { kind: 'nameLabel' });
  for (const w of DESTINATION_LABEL_WORDS) lexicon.set(w, { kind: 'destLabel' });
  for (const w of HOME_LABEL_WORDS) lexicon.set(w, { kind: 'homeLabel' });
  for (const w of LOCAL_WORDS) lexicon.set(w, { kind: 'local' });
  for (const w of POVERTY_WORDS) lexicon.set(w, { kind: 'poverty' });
  for (const [w, days] of RELATIVE_DATE_WORDS) lexicon.set(w, { kind: 'relDate', days });
  for (const w of ['元宵', '元宵节']) lexicon.set(w, { kind: 'lantern' });
  return lexicon;
}

const LEXICON: ReadonlyMap<string, Lex> = buildLexicon();

/** Per first UTF-16 unit, the word lengths present, longest first: the bounded longest-match scan. */
const LENGTHS_BY_FIRST_UNIT: ReadonlyMap<number, readonly number[]> = (() => {
  const sets = new Map<number, Set<number>>();
  for (const word of LEXICON.keys()) {
    const first = word.charCodeAt(0);
    let set = sets.get(first);
    if (!set) sets.set(first, (set = new Set()));
    set.add(word.length);
  }
  return new Map([...sets].map(([first, set]) => [first, [...set].sort((a, b) => b - a)]));
})();

/** The longest lexicon word at `i`, if any. */
function lexiconAt(s: string, i: number): { word: string; lex: Lex } | undefined {
  const lengths = LENGTHS_BY_FIRST_UNIT.get(s.charCodeAt(i));
  if (!lengths) return undefined;
  for (const length of lengths) {
    if (i + length > s.length) continue;
    const word = s.slice(i, i + length);
    const lex = LEXICON.get(word);
    if (lex) return { word, lex };
  }
  return undefined;
}

/** After a place, these make it the labourer's origin: 四川人, 河南老乡. */
const FROM_SUFFIXES: ReadonlySet<string> = new Set(['人', '老乡', '籍']);
/** Never names: filler that also occurs inside names, and the intent words (退订 is not a name). */
const STANDALONE_FILLER: ReadonlySet<string> = new Set<string>([...STANDALONE_FILLER_WORDS, ...FROM_SUFFIXES, ...INTENT_WORDS.keys()]);
const POLITE_TOKENS: ReadonlySet<string> = new Set([
  '谢谢', '谢谢你', '谢谢您', '你好', '您好', '麻烦了', '麻烦', '老师', '领导', '收到', '嗯', '哦', '啊', '了', '吧', '呢',
]);

// ───────────────────────────── scanning ─────────────────────────────

type IdReason = IdNumberFailure;

type Item =
  | { t: 'id'; text: string; value: string }
  | { t: 'badId'; text: string; reason: IdReason }
  | { t: 'wage'; text: string; value: number }
  | { t: 'date'; text: string; iso: string; weak: boolean }
  | { t: 'skill'; text: string; skills: readonly Skill[] }
  | { t: 'place'; text: string; candidates: readonly PlaceCandidate[] }
  | { t: 'local'; text: string }
  | { t: 'poverty'; text: string }
  | { t: 'homeLabel'; text: string }
  | { t: 'destLabel'; text: string }
  | { t: 'nameLabel'; text: string }
  /** Understood and carrying nothing: labels, filler, phone numbers, ages. `filler` may be part of a name. */
  | { t: 'noise'; text: string; filler: boolean }
  /** Left-over Han characters: names come from these (`dotted`: 买买提·艾力). */
  | { t: 'han'; text: string; dotted?: boolean }
  | { t: 'dot' }
  /** Not understood. */
  | { t: 'junk'; text: string };

const ID_RUN = /[0-9X]+/y;
const YMD = /(\d{4})(?:年|-|\.)(\d{1,2})(?:月|-|\.)(\d{1,2})(?:日|号)?/y;
const MONTH_DAY = /(\d{1,2})月(?:(\d{1,2})(?:日|号)?|(初|中旬|上旬|下旬|中|底|份))?/y;
const DOTTED_MONTH_DAY = /(\d{1,2})(\.|\uE000)(\d{1,2})(日|号)?/y;
const DAY_ONLY = /(\d{1,2})(?:日|号)/y;
const PHONE = /1[3-9]\d{9}/y;
const LANDLINE = /0\d{2,3}-\d{7,8}/y;
const PHONE_DASHED = /1[3-9]\d-\d{4}-\d{4}/y;
const AGE = /\d{1,2}(?:周岁|岁)/y;
const YEARS = /\d{1,2}年(?:经验|工龄|以上)?|\d{4}年/y;
const PEOPLE = /\d{1,3}(?:个人|人)/y;
const WAGE = /(\d{1,6}(?:\.\d{1,2})?)(?:(万|W|千|K)(\d(?!\d))?)?(?:(?:-|~|到|至)(\d{1,6}(?:\.\d{1,2})?)(万|W|千|K)?)?/y;
const CN_DATE = /(正|[一二三四五六七八九十]{1,3})月(?:(初[一二三四五六七八九十]|[一二三四五六七八九十廿卅]{1,3})(?:日|号)?|(初|中旬|上旬|下旬|中|底|份))?/y;
const CN_DAY_ONLY = /([一二三四五六七八九十廿卅]{1,3})(?:日|号)/y;
/** 四十岁, 四十五周岁: an age, understood and ignored. */
const CN_AGE = /[一二三四五六七八九十]{1,3}(?:周岁|岁)/y;
const CN_APPROX = /([一二三四五六七八九])([二三四五六七八九])(千|万)/y;

const UNIT_VALUE: Readonly<Record<string, number>> = { 万: 10_000, W: 10_000, 千: 1000, K: 1000 };

function execAt(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

/** The length of the first of `words` found at `i` (they are listed longest first where it matters). */
function suffixAt(s: string, i: number, words: readonly string[]): number {
  for (const w of words) if (s.startsWith(w, i)) return w.length;
  return 0;
}

const DATE_SUFFIX_LIST: readonly string[] = [...DATE_SUFFIXES].sort((a, b) => b.length - a.length);
const WAGE_SUFFIX_LIST: readonly string[] = [...WAGE_SUFFIXES].sort((a, b) => b.length - a.length);

interface Scan {
  readonly today: Today;
  readonly todayDate: Date;
}

/** A date item ending at `end`, with any date suffix (以后, 出发 …) swallowed. */
function dateItem(s: string, start: number, end: number, iso: string | undefined, weak: boolean, out: Item[]): number {
  const stop = end + suffixAt(s, end, DATE_SUFFIX_LIST);
  const text = s.slice(start, stop).replaceAll(DATE_SLASH, '/');
  out.push(iso === undefined ? { t: 'junk', text } : { t: 'date', text, iso, weak });
  return stop;
}

/** Scans a number starting at the digit `i`; pushes one item, returns where it ends. */
function scanDigits(s: string, i: number, scan: Scan, out: Item[]): number {
  // ID-shaped: a 15–19 character run of digits and X.
  const idRun = execAt(ID_RUN, s, i)![0];
  if (idRun.length >= 15 && idRun.length <= 19) {
    const parsed = parseIdNumber(idRun, scan.todayDate);
    out.push(parsed.ok ? { t: 'id', text: idRun, value: parsed.value.normalized } : { t: 'badId', text: idRun, reason: parsed.reason });
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
  for (const re of [LANDLINE, PHONE_DASHED, AGE, YEARS, PEOPLE]) {
    const m = execAt(re, s, i);
    if (m && !isDigitCode(s.charCodeAt(i + m[0].length))) {
      out.push({ t: 'noise', text: m[0], filler: false });
      return i + m[0].length;
    }
  }
  const w = run <= 6 ? execAt(WAGE, s, i) : null;
  if (w && !isDigitCode(s.charCodeAt(i + w[0].length))) {
    const stop = i + w[0].length;
    const value = wageValue(w);
    const withSuffix = stop + suffixAt(s, stop, WAGE_SUFFIX_LIST);
    const text = s.slice(i, withSuffix);
    if (value !== undefined && value >= MIN_WAGE && value <= MAX_WAGE) out.push({ t: 'wage', text, value });
    else out.push({ t: 'junk', text });
    return withSuffix;
  }
  out.push({ t: 'junk', text: s.slice(i, end) });
  return end;
}

/** 4500 · 4.5K · 4千5 · 1.2万 · 1万2 · 4500-5000 (the lower bound) · 4-5千. */
function wageValue(m: RegExpExecArray): number | undefined {
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
function scanChineseWage(s: string, i: number, out: Item[]): number {
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
    if (value >= MIN_WAGE && value <= MAX_WAGE) return pushChineseWage(s, i, stop, value, out);
    break;
  }
  return -1;
}

function pushChineseWage(s: string, start: number, stop: number, value: number, out: Item[]): number {
  let end = stop;
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

/** A Chinese date at `i` (三月五日, 三月初五, 三月底, 正月十五); ends where it ends, or -1. */
function scanChineseDate(s: string, i: number, scan: Scan, out: Item[]): number {
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

function lexItem(word: string, lex: Lex, scan: Scan): Item {
  switch (lex.kind) {
    case 'skill':
      return { t: 'skill', text: word, skills: lex.skills };
    case 'place':
      return { t: 'place', text: word, candidates: lex.candidates };
    case 'local':
      return { t: 'local', text: word };
    case 'poverty':
      return { t: 'poverty', text: word };
    case 'homeLabel':
      return { t: 'homeLabel', text: word };
    case 'destLabel':
      return { t: 'destLabel', text: word };
    case 'relDate':
      return { t: 'date', text: word, iso: addDays(scan.today.y, scan.today.m, scan.today.d, lex.days), weak: false };
    case 'lantern': {
      const iso = resolveFirstLunarMonth(15, scan.today);
      return iso === undefined ? { t: 'junk', text: word } : { t: 'date', text: word, iso, weak: false };
    }
    case 'label':
      return { t: 'noise', text: word, filler: false };
    case 'nameLabel':
      return { t: 'nameLabel', text: word };
    case 'filler':
      return { t: 'noise', text: word, filler: true };
  }
}

/** Scans one token into items. */
function scanToken(s: string, scan: Scan): Item[] {
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
      if (next < 0 && (c === 0x4f1a /* 会 */ || c === 0x53bb /* 去 */ || c === 0x5230 /* 到 */ || c === 0x5f80) /* 往 */) {
        // 会电焊, 去湖州: a one-character label, only right before a skill (会) or a place (去 到 往).
        const hit = lexiconAt(s, i + 1);
        const wanted = c === 0x4f1a ? hit?.lex.kind === 'skill' : hit?.lex.kind === 'place' || hit?.lex.kind === 'local';
        if (wanted) {
          pending.push(c === 0x4f1a ? { t: 'noise', text: s[i]!, filler: false } : { t: 'destLabel', text: s[i]! });
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

// ───────────────────────────── tokens ─────────────────────────────

/** 3/5, not the 5/3 in 4千5/3 (a wage, a separator, then a date) nor part of a longer number. */
const MD_SLASH = /(?<![\d.千万KW])(\d{1,2})\/(\d{1,2})(?![\d.千万KW])/g;

/**
 * Keeps the `/` of 3/5 inside its token (as DATE_SLASH) when month and day are possible. (2027/3/5 is
 * not read: `/` separates fields, and 2027 could as well be a wage; 2027-3-5 and 2027年3月5日 work.)
 */
function protectDateSlashes(text: string): string {
  if (!text.includes('/')) return text;
  return text.replace(MD_SLASH, (all, m: string, d: string) =>
    Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${m}${DATE_SLASH}${d}` : all,
  );
}

function tokenize(text: string): string[] {
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

const DIGITS_ONLY = /^\d+X?$/;

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Numbers typed in groups: an ID (510822 19850315 0018) — consecutive digit tokens that together form a
 * valid ID — and a mobile number (139 1234 5678), which is then understood and ignored.
 */
function joinSplitNumbers(tokens: string[], todayDate: Date): string[] {
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

// ───────────────────────────── assembling a message ─────────────────────────────

function startsWithSurname(text: string): boolean {
  return SURNAMES.has(text[0]!) || COMPOUND_SURNAMES.has(text.slice(0, 2));
}

/** A name candidate is strong when it starts with a surname or a usual first character of a minority name. */
function looksLikeName(text: string): boolean {
  return startsWithSurname(text) || MINORITY_NAME_INITIALS.has(text[0]!);
}

/**
 * Within a token: middle-dot names, surname + place (王海南, 刘江山) and place + given name where the
 * place starts with a surname (江华明, 高平伟) become one left-over run.
 */
function mergeNameParts(items: Item[]): Item[] {
  // 买买提·艾力: han · han (· han …)
  const merged: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.t === 'han' && items[i + 1]?.t === 'dot' && items[i + 2]?.t === 'han') {
      let text = item.text;
      let k = i;
      while (items[k + 1]?.t === 'dot' && items[k + 2]?.t === 'han') {
        const part = items[k + 2]!;
        if (part.t === 'han') text += '·' + part.text;
        k += 2;
      }
      merged.push({ t: 'han', text, dotted: true });
      i = k;
    } else if (item.t !== 'dot') merged.push(item);
  }
  // 王海南 泥瓦工: a lone surname glued to a place or filler word is a name containing that word.
  const out: Item[] = [];
  for (let i = 0; i < merged.length; i++) {
    const item = merged[i]!;
    const previous = out[out.length - 1];
    if (
      item.t === 'han' &&
      codePointLength(item.text) === 1 &&
      SURNAMES.has(item.text) &&
      // 和, 向 … also join words: only at the start of a token (向龙华, but 湖州和杭州)
      !(CONJUNCTION_SURNAMES.has(item.text) && previous !== undefined) &&
      previous?.t !== 'place'
    ) {
      let text = item.text;
      let k = i;
      while (k + 1 < merged.length) {
        const next = merged[k + 1]!;
        const absorbable = next.t === 'place' || (next.t === 'noise' && next.filler) || next.t === 'han';
        if (!absorbable || codePointLength(text + next.text) > MAX_NAME_LENGTH) break;
        text += next.text;
        k++;
      }
      if (k > i) {
        out.push({ t: 'han', text });
        i = k;
        continue;
      }
    }
    // 江华明: a place at the start of a run, starting with a surname, followed by one or two
    // characters that are not filler.
    const next = merged[i + 1];
    if (
      item.t === 'place' &&
      next?.t === 'han' &&
      !next.dotted &&
      previous?.t !== 'place' &&
      SURNAMES.has(item.text[0]!) &&
      codePointLength(item.text + next.text) <= MAX_NAME_LENGTH &&
      codePointLength(next.text) <= 2 &&
      !STANDALONE_FILLER.has(next.text) &&
      ![...next.text].some((ch) => EDGE_PARTICLES.has(ch) || NON_NAME_CHARS.has(ch))
    ) {
      out.push({ t: 'han', text: item.text + next.text });
      i++;
      continue;
    }
    out.push(item);
  }
  return out;
}

/** 2–4 Han characters none of which a name avoids. */
function isNameShaped(text: string): boolean {
  const n = codePointLength(text);
  if (n < 2 || n > MAX_NAME_LENGTH) return false;
  for (let i = 0; i < text.length; i++) {
    const han = hanLengthAt(text, i);
    if (han === 0 || NON_NAME_CHARS.has(text[i]!)) return false;
    i += han - 1;
  }
  return true;
}

interface NameCandidate {
  text: string;
  /** Starts with a known surname. */
  strong: boolean;
  /** Right after a name label (姓名：…, 我叫…). */
  labelled?: boolean;
}

/** A left-over run → a name candidate, understood filler (`null`), or not understood (`undefined`). */
function classifyLeftover(raw: string, dotted: boolean): NameCandidate | null | undefined {
  if (dotted) {
    const parts = raw.split('·');
    const length = codePointLength(raw);
    if (parts.every((p) => p.length > 0) && length <= MAX_DOTTED_NAME_LENGTH && ![...raw].some((ch) => NON_NAME_CHARS.has(ch))) {
      return { text: raw, strong: true };
    }
    return undefined;
  }
  if (STANDALONE_FILLER.has(raw)) return null;
  let text = raw;
  // Trim particles at the edges (我…的, 在…吗) while at least two characters remain, or all go.
  while (text.length > 0 && EDGE_PARTICLES.has(text[0]!) && (text.length - 1 >= 2 || [...text].every((ch) => EDGE_PARTICLES.has(ch)))) {
    text = text.slice(1);
  }
  while (text.length > 0 && EDGE_PARTICLES.has(text[text.length - 1]!) && (text.length - 1 >= 2 || [...text].every((ch) => EDGE_PARTICLES.has(ch)))) {
    text = text.slice(0, -1);
  }
  if (text.length === 0 || STANDALONE_FILLER.has(text)) return null;
  // 王立学男: a sex written after a three-character name (a two-character name ending in 男 stays: 王胜男).
  const length = codePointLength(text);
  if ((text.endsWith('男') || text.endsWith('女')) && length >= 4 && length <= MAX_NAME_LENGTH + 1) text = text.slice(0, -1);
  return isNameShaped(text) ? { text, strong: looksLikeName(text) } : undefined;
}

interface Parsed {
  fields: RegistrationFields;
  /** At least one registration field was recognised. */
  recognised: boolean;
  /** The one intent word left once polite filler is set aside (好的 谢谢 → accept). */
  politeIntent?: SimpleIntent;
}

function parseFields(text: string, scan: Scan, keyword: boolean): Parsed {
  const tokens = joinSplitNumbers(tokenize(protectDateSlashes(text)), scan.todayDate);

  let idNumber: string | undefined;
  let invalidIdNumber: RegistrationFields['invalidIdNumber'];
  let expectedWage: number | undefined;
  let availableFrom: string | undefined;
  let weakDate: { iso: string; text: string } | undefined;
  let localOnly = false;
  let povertySelfDeclared = false;
  const skills: Skill[] = [];
  const destinations: PlaceCandidate[] = [];
  const placeContext: string[] = [];
  const names: NameCandidate[] = [];
  const unrecognised: string[] = [];
  const weakDates: string[] = [];
  let strongFields = false; // fields that make a bare 3/5 or a weak name believable
  let homeMode = false;
  let nameLabel = false; // a name label was just read
  let contentTokens = 0; // tokens carrying anything but labels and filler

  const note = (text: string) => {
    if (text.length > 0 && unrecognised.length < MAX_UNRECOGNISED && !unrecognised.includes(text)) unrecognised.push(text);
  };

  for (const token of tokens) {
    const items = mergeNameParts(scanToken(token, scan));
    if (items.some((item) => item.t !== 'noise' && item.t !== 'nameLabel' && item.t !== 'destLabel' && item.t !== 'dot')) contentTokens++;
    const origin = originIndexes(items);
    for (let index = 0; index < items.length; index++) {
      const item = items[index]!;
      const labelled = nameLabel;
      if (item.t !== 'noise' && item.t !== 'dot') nameLabel = false;
      if (origin.has(index)) continue;
      if (item.t !== 'place' && item.t !== 'homeLabel' && item.t !== 'noise' && item.t !== 'dot') homeMode = false;
      switch (item.t) {
        case 'id':
          strongFields = true;
          if (idNumber === undefined) idNumber = item.value;
          else if (item.value !== idNumber) note(item.text);
          break;
        case 'badId':
          if (invalidIdNumber === undefined) invalidIdNumber = { text: item.text, reason: item.reason };
          else note(item.text);
          break;
        case 'wage':
          strongFields = true;
          if (expectedWage === undefined) expectedWage = item.value;
          else if (item.value !== expectedWage) note(item.text);
          break;
        case 'date':
          if (item.weak) {
            weakDates.push(item.text);
            if (weakDate === undefined) weakDate = { iso: item.iso, text: item.text };
          } else if (availableFrom === undefined) availableFrom = item.iso;
          break;
        case 'skill':
          strongFields = true;
          for (const skill of item.skills) if (!skills.includes(skill)) skills.push(skill);
          break;
        case 'place': {
          if (labelled && isNameShaped(item.text)) {
            // 姓名：黄梅 — a name that is also a place, and the label says which
            names.push({ text: item.text, strong: looksLikeName(item.text), labelled });
            break;
          }
          if (homeMode) break; // 家住四川广元: where they live, not where they go
          const place = resolvePlace(item.candidates, placeContext);
          if (!place) {
            note(item.text);
            break;
          }
          strongFields = true;
          placeContext.push(place.code);
          addDestination(destinations, place);
          break;
        }
        case 'local':
          strongFields = true;
          localOnly = true;
          break;
        case 'poverty':
          strongFields = true;
          povertySelfDeclared = true;
          break;
        case 'homeLabel':
          homeMode = true;
          break;
        case 'nameLabel':
          nameLabel = true;
          break;
        case 'destLabel':
        case 'noise':
        case 'dot':
          break;
        case 'han': {
          const candidate = classifyLeftover(item.text, item.dotted === true);
          if (candidate === undefined) note(item.text);
          else if (candidate !== null) names.push(labelled ? { ...candidate, labelled } : candidate);
          break;
        }
        case 'junk':
          note(item.text);
          break;
      }
    }
  }

  // A bare 3/5 is a date only beside other registration fields (or after 报名); alone it could be anything.
  if (availableFrom === undefined && weakDate !== undefined && (strongFields || keyword || names.some((n) => n.strong))) {
    availableFrom = weakDate.iso;
  } else {
    for (const text of weakDates) note(text);
  }

  // The name: the first candidate after a name label or starting with a known surname; a candidate
  // with neither (a rare surname) only when it is all the message says — never a stray word such as
  // 面议 beside other fields.
  let name: string | undefined;
  const chosen = names.find((n) => n.labelled) ?? names.find((n) => n.strong) ?? (contentTokens === 1 && names.length === 1 ? names[0] : undefined);
  if (chosen) name = chosen.text;
  for (const n of names) if (n.text !== name) note(n.text);

  const fields: RegistrationFields = {
    skills,
    destinations: destinations.map((d) => ({ code: d.code, name: d.name })),
    localOnly,
    povertySelfDeclared,
    unrecognised,
  };
  if (name !== undefined) fields.name = name;
  if (idNumber !== undefined) fields.idNumber = idNumber;
  else if (invalidIdNumber !== undefined) fields.invalidIdNumber = invalidIdNumber;
  if (idNumber !== undefined && invalidIdNumber !== undefined) note(invalidIdNumber.text);
  if (expectedWage !== undefined) fields.expectedWage = expectedWage;
  if (availableFrom !== undefined) fields.availableFrom = availableFrom;

  const recognised =
    name !== undefined ||
    idNumber !== undefined ||
    invalidIdNumber !== undefined ||
    skills.length > 0 ||
    destinations.length > 0 ||
    localOnly ||
    expectedWage !== undefined ||
    availableFrom !== undefined ||
    povertySelfDeclared;

  let politeIntent: SimpleIntent | undefined;
  if (!recognised) {
    const rest = tokens.map((t) => t.replaceAll(DATE_SLASH, '/')).filter((t) => !POLITE_TOKENS.has(t));
    if (rest.length === 1) politeIntent = INTENT_WORDS.get(rest[0]!);
  }
  return politeIntent === undefined ? { fields, recognised } : { fields, recognised, politeIntent };
}

/** Items that name where the labourer comes from: 四川旺苍人, 河南老乡 (the places and the suffix). */
function originIndexes(items: readonly Item[]): Set<number> {
  const origin = new Set<number>();
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    if (item.t !== 'han' || !FROM_SUFFIXES.has(item.text) || items[i - 1]!.t !== 'place') continue;
    origin.add(i);
    for (let k = i - 1; k >= 0 && items[k]!.t === 'place'; k--) origin.add(k);
  }
  return origin;
}

/** Adds a destination; a narrower place scopes a broader one it lies in (浙江 + 湖州 → 湖州), in either order. */
function addDestination(destinations: PlaceCandidate[], place: PlaceCandidate): void {
  for (const d of destinations) {
    if (d.code === place.code) return;
    if (d.code.length > place.code.length && d.code.startsWith(place.code)) return; // already narrower
  }
  const broader = destinations.findIndex((d) => place.code.length > d.code.length && place.code.startsWith(d.code));
  if (broader >= 0) {
    destinations[broader] = place;
    // any other broader entries containing it go too
    for (let k = destinations.length - 1; k >= 0; k--) {
      const d = destinations[k]!;
      if (k !== broader && place.code.length > d.code.length && place.code.startsWith(d.code)) destinations.splice(k, 1);
    }
    return;
  }
  destinations.push(place);
}

// ───────────────────────────── intents ─────────────────────────────

const EDGE_TRIM = /^[\s,、;:。.!~…'"“”‘’]+|[\s,、;:。.!~…'"“”‘’]+$/g;

function parseMessage(text: string, todayDate: Date): SmsIntent {
  if (typeof text !== 'string') return { kind: 'help' };
  // Folding maps each UTF-16 unit to one unit, so cutting first is the same as cutting after.
  const folded = foldForParsing(text.length > MAX_MESSAGE_LENGTH ? text.slice(0, MAX_MESSAGE_LENGTH) : text);
  const trimmed = folded.replace(EDGE_TRIM, '');
  if (trimmed.length === 0) return { kind: 'help' };

  const simple = INTENT_WORDS.get(trimmed);
  if (simple !== undefined) return { kind: simple };

  const scan: Scan = { today: chinaToday(todayDate), todayDate };

  for (const keyword of CHANGE_PHONE_KEYWORDS) {
    if (trimmed.startsWith(keyword)) {
      const { fields } = parseFields(trimmed.slice(keyword.length), scan, false);
      if (fields.idNumber !== undefined) return { kind: 'changePhone', idNumber: fields.idNumber };
      if (fields.invalidIdNumber !== undefined) return { kind: 'changePhone', invalidIdNumber: fields.invalidIdNumber };
      return { kind: 'changePhone' };
    }
  }

  const body = stripPreamble(trimmed);
  for (const keyword of REGISTER_KEYWORDS) {
    if (body.startsWith(keyword) && !(keyword === 'BM' && isUpperAsciiCode(body.charCodeAt(2)))) {
      return { kind: 'register', fields: parseFields(body.slice(keyword.length), scan, true).fields };
    }
  }

  const parsed = parseFields(trimmed, scan, false);
  if (parsed.recognised) return { kind: 'fields', fields: parsed.fields };
  if (parsed.politeIntent !== undefined) return { kind: parsed.politeIntent };
  return { kind: 'help' };
}

/** 你好，我要报名 … → 报名 …: greetings and "I want to" before a register keyword. */
function stripPreamble(text: string): string {
  let rest = text;
  for (let round = 0; round < 4; round++) {
    const word = KEYWORD_PREAMBLE.find((w) => rest.startsWith(w));
    if (!word) break;
    rest = rest.slice(word.length).replace(EDGE_TRIM, '');
  }
  return REGISTER_KEYWORDS.some((k) => rest.startsWith(k)) ? rest : text;
}
