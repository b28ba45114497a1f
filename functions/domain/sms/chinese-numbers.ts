// Chinese numerals (小写 and 大写 digits, 两, 零/〇, units 十 百 千 万) ↔ integers.
//
//   四千五百 = 4500   一万二千 = 12000   三千零五十 = 3050   十五 = 15   二十 = 20   一百零五 = 105
//   四千五 = 4500     一万二 = 12000     三百五 = 350      (elision: a digit right after 百/千/万,
//                                                           without 零, counts in the next lower unit)
//   四五零零 = 4500   二零二七 = 2027                       (digit by digit, no unit)
//
// Pure and total: anything that is not a well-formed numeral gives `undefined`.

const DIGITS: ReadonlyMap<string, number> = new Map([
  ['零', 0], ['〇', 0], ['○', 0],
  ['一', 1], ['壹', 1], ['幺', 1],
  ['二', 2], ['贰', 2], ['两', 2], ['兩', 2], ['貳', 2],
  ['三', 3], ['叁', 3],
  ['四', 4], ['肆', 4],
  ['五', 5], ['伍', 5],
  ['六', 6], ['陆', 6], ['陸', 6],
  ['七', 7], ['柒', 7],
  ['八', 8], ['捌', 8],
  ['九', 9], ['玖', 9],
]);

const UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10], ['拾', 10],
  ['百', 100], ['佰', 100],
  ['千', 1000], ['仟', 1000],
  ['万', 10_000], ['萬', 10_000],
]);

/** 廿 (20) and 卅 (30), as in dates: 廿五 = 25. */
const TENS: ReadonlyMap<string, number> = new Map([
  ['廿', 20],
  ['卅', 30],
]);

/** Whether `ch` (one UTF-16 unit) can be part of a Chinese numeral. */
export function isChineseNumeralChar(ch: string): boolean {
  return DIGITS.has(ch) || UNITS.has(ch) || TENS.has(ch);
}

/** The value of a single Chinese digit character (`五` → 5, `两` → 2), else `undefined`. */
export function chineseDigitValue(ch: string): number | undefined {
  return DIGITS.get(ch);
}

/** The integer a Chinese numeral stands for, or `undefined` when `text` is not one. */
export function parseChineseInteger(text: string): number | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 24) return undefined;
  // Every numeral character is in the BMP, so indexing by UTF-16 unit is exact (a surrogate matches nothing).
  let hasUnit = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (UNITS.has(ch) || TENS.has(ch)) hasUnit = true;
    else if (!DIGITS.has(ch)) return undefined;
  }
  if (!hasUnit) {
    // Digit by digit: 四五零零 = 4500.
    let value = 0;
    for (let k = 0; k < text.length; k++) value = value * 10 + DIGITS.get(text[k]!)!;
    return value;
  }

  let total = 0; // the part already multiplied by 万
  let section = 0; // the part below 万
  let pending: number | undefined; // a digit waiting for its unit
  let lastUnit = 0; // the unit just applied (0: none yet)
  let sectionUnit = Infinity; // the smallest unit used in this section (units must decrease)
  let zeroSeen = false; // a 零 since the last unit
  let wanSeen = false;

  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    const digit = DIGITS.get(ch);
    if (digit !== undefined) {
      if (digit === 0) {
        if (pending !== undefined) return undefined;
        zeroSeen = true;
        continue;
      }
      if (pending !== undefined) return undefined; // 四五 with a unit elsewhere: not a numeral
      pending = digit;
      continue;
    }
    const tens = TENS.get(ch);
    if (tens !== undefined) {
      if (pending !== undefined || sectionUnit <= 10) return undefined;
      section += tens;
      sectionUnit = 10;
      lastUnit = 10;
      zeroSeen = false;
      continue;
    }
    const unit = UNITS.get(ch)!;
    if (unit === 10_000) {
      if (wanSeen) return undefined;
      section += pending ?? 0;
      if (section === 0) return undefined; // 万 alone, 零万
      total = section * 10_000;
      section = 0;
      pending = undefined;
      sectionUnit = Infinity;
      lastUnit = 10_000;
      zeroSeen = false;
      wanSeen = true;
      continue;
    }
    if (unit >= sectionUnit) return undefined; // 三千四千, 十百
    if (pending === undefined) {
      if (unit !== 10) return undefined; // 百 and 千 need their digit; 十 alone means 一十
      pending = 1;
    }
    section += pending * unit;
    pending = undefined;
    sectionUnit = unit;
    lastUnit = unit;
    zeroSeen = false;
  }
  if (pending !== undefined) {
    // 四千五 = 4500: a last digit right after 百/千/万 (no 零 between) counts in the next lower unit.
    section += !zeroSeen && lastUnit >= 100 ? pending * (lastUnit / 10) : pending;
  }
  return total + section;
}

const CANONICAL_DIGITS = '零一二三四五六七八九';

/** The four digits below 万 (`value` < 10000), canonical; `leading` when nothing precedes it. */
function formatSection(value: number, leading: boolean): string {
  const digits = [Math.floor(value / 1000), Math.floor(value / 100) % 10, Math.floor(value / 10) % 10, value % 10];
  const units = ['千', '百', '十', ''];
  let out = '';
  let zeroPending = !leading && value < 1000; // 一万零五百
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = digits[i]!;
    if (d === 0) {
      if (started) zeroPending = true;
      continue;
    }
    if (zeroPending && (started || !leading)) out += '零';
    zeroPending = false;
    // 十五, not 一十五, at the very start of a number; 一百一十, 一万零一十五 elsewhere.
    if (!(i === 2 && d === 1 && leading && !started)) out += CANONICAL_DIGITS[d];
    out += units[i];
    started = true;
  }
  return out;
}

/**
 * The canonical Chinese numeral for an integer 0–99,999,999: 4500 → 四千五百, 10015 → 一万零一十五,
 * 15 → 十五, 0 → 零. `undefined` outside that range or for non-integers.
 */
export function formatChineseInteger(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 99_999_999) return undefined;
  if (n === 0) return '零';
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  if (high === 0) return formatSection(low, true);
  return formatSection(high, true) + '万' + (low === 0 ? '' : formatSection(low, false));
}
