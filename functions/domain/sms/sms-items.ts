// What the scanner makes of a token: typed items, and the small matching helpers every scanner part uses.
import { type IdNumberFailure } from '../id-number.js';
import { type Skill } from '../skills.js';
import { type PlaceCandidate } from './place-names.js';
import { type Today } from './sms-dates.js';
import { DATE_SUFFIXES, WAGE_SUFFIXES } from './sms-keywords.js';

export type IdReason = IdNumberFailure;

export type Item =
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

export function execAt(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

/** The length of the first of `words` found at `i` (they are listed longest first where it matters). */
export function suffixAt(s: string, i: number, words: readonly string[]): number {
  for (const w of words) if (s.startsWith(w, i)) return w.length;
  return 0;
}

export const DATE_SUFFIX_LIST: readonly string[] = [...DATE_SUFFIXES].sort((a, b) => b.length - a.length);
export const WAGE_SUFFIX_LIST: readonly string[] = [...WAGE_SUFFIXES].sort((a, b) => b.length - a.length);

export interface Scan {
  readonly today: Today;
  readonly todayDate: Date;
}
