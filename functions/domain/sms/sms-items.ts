// What the scanner makes of a token: typed items, and the small matching helpers every scanner part uses.
import { type IdNumberFailure } from '../id-number.js';
import { type Skill } from '../skills.js';
import { type PlaceCandidate } from './place-names.js';
import { type Today } from './sms-dates.js';
import { DATE_SUFFIXES, WAGE_SUFFIXES } from './sms-keywords.js';

/** What a place is to the labourer: where they live, where they board, where they want to work, or passed on the way. */
export type PlaceRole = 'home' | 'pickup' | 'destination' | 'via';

export type IdReason = IdNumberFailure;

export type Item =
  | { t: 'id'; text: string; value: string }
  | { t: 'badId'; text: string; reason: IdReason }
  /** `value` CNY; below MIN_WAGE it counts only as a day's pay (一天300). */
  | { t: 'wage'; text: string; value: number }
  | { t: 'date'; text: string; iso: string; weak: boolean }
  | { t: 'skill'; text: string; skills: readonly Skill[] }
  | { t: 'place'; text: string; candidates: readonly PlaceCandidate[] }
  | { t: 'local'; text: string }
  | { t: 'poverty'; text: string }
  /** A label saying what the places after it are (家住, 出发地点, 目的地, 途经, 去, 从 …). */
  | { t: 'role'; text: string; role: PlaceRole }
  /** 离常时间 …: the date after it is not an availability. */
  | { t: 'leaveDate'; text: string }
  /** 日薪, 一天 …: the wage beside it is a day's pay. */
  | { t: 'daily'; text: string }
  /** 是否建档立卡贫困户: the 是 / 否 after it answers. */
  | { t: 'povertyQuestion'; text: string }
  | { t: 'nameLabel'; text: string }
  /** Understood and carrying nothing: labels, filler, phone numbers, ages. `filler` may be part of a name. */
  | { t: 'noise'; text: string; filler: boolean }
  /** Left-over Han characters: names come from these (`dotted`: 买买提·艾力). */
  | { t: 'han'; text: string; dotted?: boolean }
  | { t: 'dot' }
  /** A company's name or a village address, read for its places: it ends the labels' reach. */
  | { t: 'address'; text: string }
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
