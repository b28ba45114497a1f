// Every word the scanner knows — skills, places, labels, filler … — in one Map with a bounded longest match.
import { type Skill } from '../skills.js';
import { type PlaceCandidate, placeAliases } from './place-names.js';
import { SKILL_SPELLINGS } from './skill-synonyms.js';
import { addDays, resolveFirstLunarMonth } from './sms-dates.js';
import { type Item, type PlaceRole, type Scan } from './sms-items.js';
import { POVERTY_QUESTION_WORDS, DAILY_WAGE_WORDS, LEAVE_DATE_LABEL_WORDS, PICKUP_LABEL_WORDS, VIA_LABEL_WORDS, DESTINATION_LABEL_WORDS, FILLER_WORDS, HOME_LABEL_WORDS, INTENT_WORDS, LABEL_WORDS, LOCAL_WORDS, NAME_LABEL_WORDS, POVERTY_WORDS, RELATIVE_DATE_WORDS, STANDALONE_FILLER_WORDS } from './sms-keywords.js';

// ───────────────────────────── the lexicon ─────────────────────────────

export type Lex =
  | { kind: 'skill'; skills: readonly Skill[] }
  | { kind: 'place'; candidates: readonly PlaceCandidate[] }
  | { kind: 'local' }
  | { kind: 'poverty' }
  | { kind: 'label' }
  | { kind: 'nameLabel' }
  | { kind: 'role'; role: PlaceRole }
  | { kind: 'leaveDate' }
  | { kind: 'daily' }
  | { kind: 'povertyQuestion' }
  | { kind: 'filler' }
  | { kind: 'relDate'; days: number }
  | { kind: 'lantern' };

/** Every word the scanner knows, keyed by spelling; built once. Later groups win over earlier ones. */
export function buildLexicon(): Map<string, Lex> {
  const lexicon = new Map<string, Lex>();
  for (const [alias, candidates] of placeAliases()) lexicon.set(alias, { kind: 'place', candidates });
  for (const [spelling, skills] of SKILL_SPELLINGS) lexicon.set(spelling, { kind: 'skill', skills });
  for (const w of FILLER_WORDS) lexicon.set(w, { kind: 'filler' });
  for (const w of LABEL_WORDS) lexicon.set(w, { kind: 'label' });
  for (const w of NAME_LABEL_WORDS) lexicon.set(w, { kind: 'nameLabel' });
  for (const w of DESTINATION_LABEL_WORDS) lexicon.set(w, { kind: 'role', role: 'destination' });
  for (const w of HOME_LABEL_WORDS) lexicon.set(w, { kind: 'role', role: 'home' });
  for (const w of PICKUP_LABEL_WORDS) lexicon.set(w, { kind: 'role', role: 'pickup' });
  for (const w of VIA_LABEL_WORDS) lexicon.set(w, { kind: 'role', role: 'via' });
  for (const w of LEAVE_DATE_LABEL_WORDS) lexicon.set(w, { kind: 'leaveDate' });
  for (const w of DAILY_WAGE_WORDS) lexicon.set(w, { kind: 'daily' });
  for (const w of POVERTY_QUESTION_WORDS) lexicon.set(w, { kind: 'povertyQuestion' });
  for (const w of LOCAL_WORDS) lexicon.set(w, { kind: 'local' });
  for (const w of POVERTY_WORDS) lexicon.set(w, { kind: 'poverty' });
  for (const [w, days] of RELATIVE_DATE_WORDS) lexicon.set(w, { kind: 'relDate', days });
  for (const w of ['元宵', '元宵节', '过完十五', '过了十五', '过完元宵', '过了元宵', '十五过后']) lexicon.set(w, { kind: 'lantern' });
  return lexicon;
}

export const LEXICON: ReadonlyMap<string, Lex> = buildLexicon();

/** Per first UTF-16 unit, the word lengths present, longest first: the bounded longest-match scan. */
export const LENGTHS_BY_FIRST_UNIT: ReadonlyMap<number, readonly number[]> = (() => {
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
export function lexiconAt(s: string, i: number): { word: string; lex: Lex } | undefined {
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
export const FROM_SUFFIXES: ReadonlySet<string> = new Set(['人', '老乡', '籍']);
/** Never names: filler that also occurs inside names, and the intent words (退订 is not a name). */
export const STANDALONE_FILLER: ReadonlySet<string> = new Set<string>([...STANDALONE_FILLER_WORDS, ...FROM_SUFFIXES, ...INTENT_WORDS.keys()]);
export const POLITE_TOKENS: ReadonlySet<string> = new Set([
  '谢谢', '谢谢你', '谢谢您', '你好', '您好', '麻烦了', '麻烦', '老师', '领导', '收到', '嗯', '哦', '啊', '了', '吧', '呢',
]);

export function lexItem(word: string, lex: Lex, scan: Scan): Item {
  switch (lex.kind) {
    case 'skill':
      return { t: 'skill', text: word, skills: lex.skills };
    case 'place':
      return { t: 'place', text: word, candidates: lex.candidates };
    case 'local':
      return { t: 'local', text: word };
    case 'poverty':
      return { t: 'poverty', text: word };
    case 'role':
      return { t: 'role', text: word, role: lex.role };
    case 'leaveDate':
      return { t: 'leaveDate', text: word };
    case 'daily':
      return { t: 'daily', text: word };
    case 'povertyQuestion':
      return { t: 'povertyQuestion', text: word };
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
