// Chinese resident identity number (居民身份证号码), GB 11643-1999: 18 characters.
//
//   positions 1–6   address code (GB/T 2260 county at the time of issue; may since have been retired)
//   positions 7–14  birth date YYYYMMDD
//   positions 15–17 sequence; the 17th digit is odd for men, even for women
//   position 18     check character, ISO 7064 MOD 11-2: '10X98765432'[Σ(digit × weight) mod 11]
//
// The same layout and check serve the residence permits of Hong Kong, Macau and Taiwan residents
// (港澳台居民居住证, address code 810000 / 820000 / 830000) and the 2023 foreign permanent-residence ID card
// (外国人永久居留身份证: 9, the issuing province, the nationality): valid IDs, whose holder's home county
// the number does not tell (`kind`). A 15-digit first-generation number (1984–2013, no check character)
// is recognised as such, so it can be asked for again as 18 digits.
//
// Pure and total: bad input yields { ok: false, reason }, never an exception.
// Only the province list is imported here, so validating an ID does not pull the county table into a bundle.
import { PROVINCES } from './divisions-data.js';

export type IdNumberFailure = 'format' | 'checksum' | 'birth-date' | 'region' | 'first-generation';

/** A resident ID card (home county in the address code), a HK/Macau/Taiwan residence permit, a foreign permanent-residence card. */
export type IdNumberKind = 'resident' | 'permit' | 'foreign';

export interface ParsedIdNumber {
  /** 18 ASCII characters, check character upper-case `X`. */
  readonly normalized: string;
  /** The first 6 digits (county at issue; may be a retired code). */
  readonly regionCode: string;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  /** First 6 + 8 stars + last 4, e.g. `510822********0018`. */
  readonly masked: string;
  readonly kind: IdNumberKind;
}

export type IdNumberResult =
  | { readonly ok: true; readonly value: ParsedIdNumber }
  | { readonly ok: false; readonly reason: IdNumberFailure };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const MIN_BIRTH_YEAR = 1900;
/** Birth dates are compared with today's date in China (UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

const PROVINCE_CODES: ReadonlySet<string> = new Set(PROVINCES.split('|').map((entry) => entry.slice(0, 2)));

/** Full-width ASCII forms (U+FF01–U+FF5E: `１`, `Ｘ`, `ｘ` …) to their ASCII twins; ideographic space to space. */
function foldWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

function normalize(input: string): string {
  return foldWidth(input).trim().toUpperCase();
}

function checkCharOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * The check character (`0`–`9` or `X`) for the first 17 digits of an ID number. Full-width digits are
 * accepted. Returns `''` when the input is not exactly 17 digits (useful for building test data).
 */
export function idNumberChecksum(first17: string): string {
  if (typeof first17 !== 'string') return '';
  const digits = normalize(first17);
  return /^\d{17}$/.test(digits) ? checkCharOf(digits) : '';
}

/**
 * Masks an ID number for display and logs: first 6 + `********` + last 4. Anything that is not
 * 18 characters after normalisation is masked completely (never leaks a partial number).
 */
export function maskIdNumber(idNumber: string): string {
  if (typeof idNumber !== 'string') return '';
  const id = normalize(idNumber);
  if (id.length !== 18) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/**
 * Free text (an inbound SMS kept for the conversation) with every ID-number-shaped run masked: 18
 * characters (digits, a final X) as `maskIdNumber` does, 15-digit first-generation numbers completely.
 * Full-width digits count too. What is kept and shown never holds a whole ID number.
 */
export function maskIdNumbersIn(text: string): string {
  return text.replace(/(?<![0-9０-９])[0-9０-９]{17}[0-9０-９Xx×Ｘｘ](?![0-9０-９])|(?<![0-9０-９])[0-9０-９]{15}(?![0-9０-９])/g, (id) =>
    id.length === 18 ? maskIdNumber(id) : '*'.repeat(id.length),
  );
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYYMMDD` of the given instant in China. */
function chinaDateKey(instant: Date): string {
  const ms = instant instanceof Date && !Number.isNaN(instant.getTime()) ? instant.getTime() : Date.now();
  const d = new Date(ms + CHINA_OFFSET_MS);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}${m}${day}`;
}

function isValidBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < MIN_BIRTH_YEAR) return false;
  if (month < 1 || month > 12) return false;
  if (day < 1 || day > daysInMonth(year, month)) return false;
  return yyyymmdd <= chinaDateKey(today);
}

const PERMIT_CODES: ReadonlySet<string> = new Set(['810000', '820000', '830000']);

function idNumberKind(id: string): IdNumberKind | undefined {
  if (PERMIT_CODES.has(id.slice(0, 6))) return 'permit';
  if (id[0] === '9') return PROVINCE_CODES.has(id.slice(1, 3)) ? 'foreign' : undefined;
  return PROVINCE_CODES.has(id.slice(0, 2)) ? 'resident' : undefined;
}

/** Whether an ID's address code tells its holder's home county (a permit's or a foreigner's does not). */
export function idRegionNamesHome(regionCode: string): boolean {
  return !PERMIT_CODES.has(regionCode) && regionCode[0] !== '9';
}

/**
 * Parses and validates an 18-character resident ID number.
 *
 * Accepts surrounding whitespace, lower-case `x` and full-width digits / `Ｘ`. Checks, in order:
 * shape (`format`), check character (`checksum`), birth date — a real calendar date, year ≥ 1900,
 * not after today in China (`birth-date`) — and the province part of the address code (`region`).
 * The 6-digit county code itself need not still exist: old IDs keep retired codes.
 * The checksum comes before the other checks so that any single mistyped character is reported as
 * `checksum`.
 */
export function parseIdNumber(input: string, today: Date = new Date()): IdNumberResult {
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  const id = normalize(input);
  if (/^\d{15}$/.test(id) && isValidBirthDate(`19${id.slice(6, 12)}`, today)) return { ok: false, reason: 'first-generation' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
  if (checkCharOf(id) !== id[17]) return { ok: false, reason: 'checksum' };
  const birth = id.slice(6, 14);
  if (!isValidBirthDate(birth, today)) return { ok: false, reason: 'birth-date' };
  const kind = idNumberKind(id);
  if (kind === undefined) return { ok: false, reason: 'region' };
  return {
    ok: true,
    value: {
      normalized: id,
      regionCode: id.slice(0, 6),
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      sex: (id.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F',
      masked: maskIdNumber(id),
      kind,
    },
  };
}
