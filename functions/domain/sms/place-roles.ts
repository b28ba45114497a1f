// What each place in a message is to the labourer. Only where someone wants to work is a destination;
// a home address, a boarding place and a place passed on the way are kept for what they are (or ignored).
//
// Labels before places say it (家住 · 出发地点 · 目的地 · 途经 · 去 · 从); stacked labels are matched in order
// (Henan's 出发地点+目的地点：光山+宁波 → 光山 boards, 宁波 is the destination). Within one token, what follows
// a place says it too:
//   四川人 / 河南籍           → home               光山上车 / 光山出发 → pickup       湖州下车 → destination
//   玉龙村 / 钟祥镇 / 上海路   → not a place at all (a village, town or street named after one)
//   万安塘西工业区            → not a place (a zone named after a county)
//   东莞长安 / 湖州织里        → the city; the town after it is understood, and is not a name
// A token with a village or group address (黄龙村2组, 楠木村二组) is a home address unless a destination
// label said otherwise.
import { type Item, type PlaceRole } from './sms-items.js';
import { PICKUP_SUFFIX_WORDS, WORKPLACE_SUFFIXES } from './sms-keywords.js';

/** What one item of a token is, decided by its neighbours. */
export type PlaceOverride = PlaceRole | 'skip' | 'pickupName';

const FROM_SUFFIXES: ReadonlySet<string> = new Set(['人', '老乡', '籍']);
const PICKUP_SUFFIXES: ReadonlySet<string> = new Set(PICKUP_SUFFIX_WORDS);
const DROP_SUFFIXES: ReadonlySet<string> = new Set(['下车', '下车点']);
/** A run starting with one of these right after a place makes the place part of a longer toponym. */
const TOPONYM_HEADS: ReadonlySet<string> = new Set([...'村镇乡组路街巷道号社屯寨湾坝坪沟']);
// Suffix tests as regular expressions: the scanner runs them on every token.
const COMPANY_TAIL = /(?:公司|集团|项目部|酒店|医院|学校)$/;
const ZONE_TAIL = /(?:工业区|工业园|开发区|园区|产业园|科技园|小区|社区)$/;
const WORKPLACE_TAIL = new RegExp(`.(?:${WORKPLACE_SUFFIXES.join('|')})$`);
/** After a place, the place itself: 宣汉县城, 秀山汽车站 (a boarding place is often a bus station). */
const SEAT_WORDS: ReadonlySet<string> = new Set(['城', '县城', '城区', '市区', '汽车站', '车站', '客运站', '汽车客运站', '火车站', '高铁站', '站', '广场', '政府']);
/** Towns after a city or county: 织里镇, 长安镇, 虎门街道. */
const TOWN_TAIL = /.(?:镇|乡|街道|办事处|区)$/;
/** 黄龙村, 2组, 二组, 3社: a village or group address. */
const VILLAGE_CHARS = /[村屯组社队]/;
const VILLAGE = /[村屯]|[0-9一二三四五六七八九十]+(?:组|社|队)/;

/** A run that, right after a place, makes a longer toponym of it (村, 镇, 路 …, 园区, 工业区). */
export function continuesPlaceName(text: string): boolean {
  return TOPONYM_HEADS.has(text[0]!) || ZONE_TAIL.test(text) || SEAT_WORDS.has(text);
}

/** A token naming a company (苏州华丰电子有限公司): its place is where they work, the rest is its name. */
export function isCompanyToken(token: string): boolean {
  return COMPANY_TAIL.test(token);
}

/** A token naming an industrial zone (塘西工业区, 苏州园区): only a city at its start is a place. */
export function isZoneToken(token: string): boolean {
  return ZONE_TAIL.test(token);
}

/** The labels and the leading city of a zone's name; the words inside it (西工 in 塘西工业区) are no places. */
export function zonePlaces(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (item.t === 'role' || item.t === 'noise' || item.t === 'nameLabel') {
      out.push(item);
      continue;
    }
    // 苏州园区: the city; 苏州工业园区: a zone with a code of its own, the whole token
    if (item.t === 'place' && (broaderThanCounty(item) || isZoneToken(item.text))) out.push(item);
    break;
  }
  return out;
}

/** A boarding word (上车, 出发): after a place, the place is where the labourer boards. */
export function isPickupSuffix(text: string): boolean {
  return PICKUP_SUFFIXES.has(text);
}

export function isFromSuffix(text: string): boolean {
  return FROM_SUFFIXES.has(text);
}

/** A left-over run naming a workplace (宁波华丰公司, 塘西工业区): understood, never a name. */
export function isWorkplace(text: string): boolean {
  return WORKPLACE_TAIL.test(text) || ZONE_TAIL.test(text);
}

/** Whether a token's text holds a village or group address. */
export function isVillageAddress(token: string): boolean {
  // Most tokens hold none of these characters: skip the expression for them.
  return VILLAGE_CHARS.test(token) && VILLAGE.test(token);
}

/** A place spelling that may mean a province or a city (东莞, 湖州), not only counties. */
export function broaderThanCounty(item: Item): boolean {
  if (item.t !== 'place') return false;
  for (const c of item.candidates) if (c.level !== 'county') return true;
  return false;
}

function hasProvince(item: Item): boolean {
  if (item.t !== 'place') return false;
  for (const c of item.candidates) if (c.level === 'province') return true;
  return false;
}

/** Gives `role` to the run of places right before `i` that has none yet. */
function markRunBefore(items: readonly Item[], overrides: Map<number, PlaceOverride>, i: number, role: PlaceRole): void {
  for (let k = i - 1; k >= 0 && items[k]!.t === 'place'; k--) if (!overrides.has(k)) overrides.set(k, role);
}

/** Per item index of one token: a role its neighbours give a place, or items that are part of an address. */
export function placeOverrides(items: readonly Item[]): Map<number, PlaceOverride> {
  const overrides = new Map<number, PlaceOverride>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const previous = items[i - 1];
    if (item.t === 'han' && previous?.t === 'place' && !overrides.has(i - 1)) {
      const head = item.text[0]!;
      if (TOPONYM_HEADS.has(head)) {
        // 玉龙村, 上海路: the place word is only the start of a village's or street's name.
        overrides.set(i - 1, 'skip');
        overrides.set(i, 'skip');
        continue;
      }
      if (ZONE_TAIL.test(item.text) && !broaderThanCounty(previous)) {
        overrides.set(i - 1, 'skip'); // 万安塘西工业区
        overrides.set(i, 'skip');
        continue;
      }
      if (SEAT_WORDS.has(item.text)) {
        overrides.set(i, 'skip'); // 宣汉县城, 秀山汽车站: the place it is in
        continue;
      }
      // 四川人, 长安营乡人: a place and its people
      if (isFromSuffix(item.text) || (item.text.endsWith('人') && /[镇乡村]人$/.test(item.text))) {
        overrides.set(i, 'skip');
        markRunBefore(items, overrides, i, 'home');
        continue;
      }
      const townLike = item.text.length === 2 || TOWN_TAIL.test(item.text);
      if (townLike && !hasProvince(previous)) {
        overrides.set(i, 'skip'); // 东莞长安, 湖州织里镇: the city stands for it
        continue;
      }
    }
    if (item.t === 'noise' && PICKUP_SUFFIXES.has(item.text)) {
      if (previous?.t === 'place') markRunBefore(items, overrides, i, 'pickup');
      else if (previous?.t === 'han' && !overrides.has(i - 1)) overrides.set(i - 1, 'pickupName'); // 乔庄汽车站上车
    }
    if (item.t === 'role' && DROP_SUFFIXES.has(item.text) && previous?.t === 'place') markRunBefore(items, overrides, i, 'destination');
  }
  return overrides;
}
