// Names: which left-over runs of Han characters are a person's name (王立学, 欧阳娜娜, 买买提·艾力).
import { broaderThanCounty, continuesPlaceName } from './place-roles.js';
import { type Item } from './sms-items.js';
import { COMPOUND_SURNAMES, CONJUNCTION_SURNAMES, EDGE_PARTICLES, MINORITY_NAME_INITIALS, NON_NAME_CHARS, SURNAMES } from './sms-keywords.js';
import { STANDALONE_FILLER } from './sms-lexicon.js';
import { codePointLength, hanLengthAt } from './sms-text.js';

export const MAX_NAME_LENGTH = 4;
export const MAX_DOTTED_NAME_LENGTH = 15;

// ───────────────────────────── assembling a message ─────────────────────────────

export function startsWithSurname(text: string): boolean {
  return SURNAMES.has(text[0]!) || COMPOUND_SURNAMES.has(text.slice(0, 2));
}

/** A name candidate is strong when it starts with a surname or a usual first character of a minority name. */
export function looksLikeName(text: string): boolean {
  return startsWithSurname(text) || MINORITY_NAME_INITIALS.has(text[0]!);
}

/**
 * Within a token: middle-dot names, surname + place (王海南, 刘江山) and place + given name where the
 * place starts with a surname (江华明, 高平伟) become one left-over run.
 */
export function mergeNameParts(items: Item[]): Item[] {
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
      // 东莞长安, 苏州园区, 东明路, 黄龙村: a town, zone, street or village after a place, not a name (金华立 is one)
      !(broaderThanCounty(item) && codePointLength(next.text) > 1) &&
      !continuesPlaceName(next.text) &&
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
export function isNameShaped(text: string): boolean {
  const n = codePointLength(text);
  if (n < 2 || n > MAX_NAME_LENGTH) return false;
  for (let i = 0; i < text.length; i++) {
    const han = hanLengthAt(text, i);
    if (han === 0 || NON_NAME_CHARS.has(text[i]!)) return false;
    i += han - 1;
  }
  return true;
}

export interface NameCandidate {
  text: string;
  /** Starts with a known surname. */
  strong: boolean;
  /** Right after a name label (姓名：…, 我叫…). */
  labelled?: boolean;
}

/** A left-over run → a name candidate, understood filler (`null`), or not understood (`undefined`). */
export function classifyLeftover(raw: string, dotted: boolean): NameCandidate | null | undefined {
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
