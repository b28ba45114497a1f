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
//
// This file assembles a message; each concept has its own file: sms-text (characters, tokens),
// sms-dates, sms-lexicon (+ sms-keywords, place-names, skill-synonyms), sms-wages (+ chinese-numbers),
// sms-names, sms-scan (one token → items), sms-items (the item type).
import { type IdNumberFailure } from '../id-number.js';
import { type Skill } from '../skills.js';
import { foldForParsing } from './fold-width.js';
import { type PlaceCandidate, resolvePlace } from './place-names.js';
import { chinaToday } from './sms-dates.js';
import { type Item, type PlaceRole, type Scan } from './sms-items.js';
import { CHANGE_PHONE_KEYWORDS, DAYS_WORKED_PER_MONTH, INTENT_WORDS, KEYWORD_PREAMBLE, NO_ANSWERS, REGISTER_KEYWORDS, YES_ANSWERS, type SimpleIntent } from './sms-keywords.js';
import { POLITE_TOKENS } from './sms-lexicon.js';
import { isPickupSuffix, isCompanyToken, isVillageAddress, isWorkplace, isZoneToken, placeOverrides, zonePlaces } from './place-roles.js';
import { MAX_DAILY_WAGE, MAX_WAGE, MIN_WAGE } from './sms-wages.js';
import { type NameCandidate, classifyLeftover, isNameShaped, looksLikeName, mergeNameParts } from './sms-names.js';
import { codePointLength } from './sms-text.js';
import { idRegionNamesHome } from '../id-number.js';
import { scanToken } from './sms-scan.js';
import { DATE_SLASH, isUpperAsciiCode, joinSplitNumbers, protectDateSlashes, tokenize } from './sms-text.js';

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
  /** A day's pay when the labourer gave one (日薪300, 一天500); `expectedWage` is then it × 26. */
  dailyWage?: number;
  /** 贫困户 / 建档立卡 …, or 是 after 是否建档立卡贫困户. */
  povertySelfDeclared: boolean;
  /** Where the labourer lives (家住, 老家, 户籍, …人, a village address): never a destination. */
  home?: { code: string; name: string };
  /** Where the labourer boards (出发地点, 上车点, X上车, 从X出发): a known place, or just its name. */
  pickup?: { code?: string; name: string };
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

/** Longer texts are cut (a concatenated SMS is at most a few hundred characters; this bounds the work). */
const MAX_MESSAGE_LENGTH = 1000;
const MAX_UNRECOGNISED = 20;

interface Parsed {
  fields: RegistrationFields;
  /** At least one registration field was recognised. */
  recognised: boolean;
  /** The one intent word left once polite filler is set aside (好的 谢谢 → accept). */
  politeIntent?: SimpleIntent;
}

/** 300元/天, 300/日: the slash of a day's pay, before `/` splits tokens. */
const PER_DAY = /\/(天|日)/g;
/** 南坝镇上车: 镇上 (local work) must not swallow the 上 of 上车. */
const TOWN_BOARDING = /镇上车/g;

function parseFields(text: string, scan: Scan, keyword: boolean): Parsed {
  const { tokens, tokenItems } = readTokens(text, scan);
  const all = tokenItems.flat();
  const dailyWages = dailyWageItems(all);
  // The ID's province settles spellings two counties share (台江: 贵州 or 福州) — mostly their own places.
  let idItem: Item | undefined;
  for (const item of all) if (item.t === 'id' && idItem === undefined) idItem = item;

  let idNumber: string | undefined;
  let invalidIdNumber: RegistrationFields['invalidIdNumber'];
  let expectedWage: number | undefined;
  let dailyWage: number | undefined;
  let availableFrom: string | undefined;
  let weakDate: { iso: string; text: string } | undefined;
  let localOnly = false;
  let povertySelfDeclared = false;
  let povertyAnswered = false; // 是否建档立卡贫困户：否 — the answer decides
  let home: PlaceCandidate | undefined;
  let pickup: PlacePoint | undefined;
  const skills: Skill[] = [];
  const destinations: PlaceCandidate[] = [];
  const placeContext: string[] = idItem?.t === 'id' ? [idItem.value.slice(0, 2)] : [];
  const names: NameCandidate[] = [];
  const unrecognised: string[] = [];
  const weakDates: string[] = [];
  let strongFields = false; // fields that make a bare 3/5 or a weak name believable
  let roles: PlaceRole[] = []; // what the next places are, from the labels before them
  let roleLabelLast = false; // the previous item was a role label: labels stack (出发地点+目的地点)
  let labelledDestination = false; // a destination label is in force (工作单位：…)
  let destinationLabelOpen = false; // a destination label waits for its value: a bare name there is a firm's
  let placeRun: string[] = []; // destinations added by the places read since the last label or other field
  // The labourer's county, from a resident ID number in the message.
  const homeRegion = idItem?.t === 'id' && idRegionNamesHome(idItem.value.slice(0, 6)) ? idItem.value.slice(0, 6) : undefined;
  let nameLabel = false; // a name label was just read
  let leaveDate = false; // 离常时间: the next date is when they left, not when they can start
  let povertyQuestion = false; // 是否建档立卡贫困户: the next 是 / 否 answers it
  let contentTokens = 0; // tokens carrying anything but labels and filler

  const note = (text: string) => {
    if (text.length > 0 && unrecognised.length < MAX_UNRECOGNISED && !unrecognised.includes(text)) unrecognised.push(text);
  };

  for (let t = 0; t < tokens.length; t++) {
    const items = tokenItems[t]!;
    if (carriesContent(items)) contentTokens++;
    const overrides = placeOverrides(items);
    const village = isVillageAddress(tokens[t]!);
    for (let index = 0; index < items.length; index++) {
      const item = items[index]!;
      const labelled = nameLabel;
      if (item.t !== 'noise' && item.t !== 'dot') nameLabel = false;
      const override = overrides.get(index);
      if (override === 'skip') continue;
      // 出发地点及目的地点: a conjunction between labels keeps them stacked.
      if (item.t === 'han' && roleLabelLast && LABEL_CONJUNCTIONS.has(item.text)) continue;
      if (item.t !== 'role') roleLabelLast = false;
      if (povertyQuestion && item.t === 'han' && (YES_ANSWERS.has(item.text) || NO_ANSWERS.has(item.text))) {
        povertySelfDeclared = YES_ANSWERS.has(item.text);
        povertyAnswered = true;
        povertyQuestion = false;
        strongFields = true;
        continue;
      }
      if (item.t === 'han' && roles[0] === 'pickup' && override === undefined && pickup === undefined && !looksLikeName(item.text)) {
        pickup = { name: item.text }; // 乘车点：南坝镇 — a boarding place that is no county
        continue;
      }
      if (item.t === 'han' && index > 0 && items[index - 1]!.t === 'place' && labelledDestination && codePointLength(item.text) > 2) {
        continue; // 工作单位：常州天合光能 — the firm's name after its city
      }
      if (item.t === 'han' && destinationLabelOpen && !labelled && override === undefined) {
        destinationLabelOpen = false;
        continue; // 务工单位：仁宝电脑 — a firm named without its city
      }
      if (item.t !== 'noise' && item.t !== 'dot' && item.t !== 'role') destinationLabelOpen = false;
      if (item.t !== 'place' && item.t !== 'role' && item.t !== 'noise' && item.t !== 'dot' && item.t !== 'leaveDate') {
        roles = [];
        labelledDestination = false;
        placeRun = [];
      }
      if (item.t === 'role') placeRun = [];
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
        case 'wage': {
          const daily = dailyWages.has(item) && item.value <= MAX_DAILY_WAGE;
          if (!daily && item.value < MIN_WAGE) {
            note(item.text);
            break;
          }
          strongFields = true;
          const monthly = daily ? item.value * DAYS_WORKED_PER_MONTH : item.value;
          if (expectedWage === undefined && monthly <= MAX_WAGE) {
            expectedWage = monthly;
            if (daily) dailyWage = item.value;
          } else if (monthly !== expectedWage) note(item.text);
          break;
        }
        case 'date':
          if (leaveDate) {
            leaveDate = false; // when they left: not an availability
            break;
          }
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
          if (labelled && isNameShaped(item.text) && !ADMIN_SUFFIX.test(item.text)) {
            // 姓名：黄梅 — a name that is also a place, and the label says which
            names.push({ text: item.text, strong: looksLikeName(item.text), labelled });
            break;
          }
          const queued = roles.length > 1 ? roles.shift()! : roles[0];
          const role: PlaceRole =
            override === 'home' || override === 'pickup' || override === 'destination' || override === 'via'
              ? override
              : village && queued !== 'destination'
                ? 'home'
                : (queued ?? 'destination');
          if (role === 'via') break;
          const place = resolvePlace(item.candidates, placeContext);
          if (!place) {
            if (role === 'pickup' && pickup === undefined) pickup = { name: item.text };
            else if (role === 'destination') note(item.text);
            break;
          }
          placeContext.push(place.code);
          // Unlabelled, the labourer's own county (the ID's) is where they live, not where to work — and so are
          // the province and city named just before it (云南省曲靖市宣威市, 湖南 城步). Their home county suits any
          // job anyway (matching); a bus must never be planned there.
          const unlabelled = role === 'destination' && queued === undefined && override === undefined && homeRegion !== undefined;
          const ownCounty = unlabelled && (place.code === homeRegion || (placeRun.includes(homeRegion!) && homeRegion!.startsWith(place.code)));
          if (ownCounty) {
            for (const code of placeRun) {
              const at = destinations.findIndex((d) => d.code === code);
              if (at >= 0 && homeRegion!.startsWith(code)) destinations.splice(at, 1);
            }
          }
          if (ownCounty) placeRun.push(homeRegion!); // 城步 湖南: the province after the county is theirs too
          if (role === 'home' || ownCounty) home = narrower(home, place);
          else if (role === 'pickup') pickup = narrower(pickup, place);
          else {
            strongFields = true;
            addDestination(destinations, place);
            placeRun.push(place.code);
          }
          break;
        }
        case 'local':
          strongFields = true;
          localOnly = true;
          break;
        case 'poverty':
          strongFields = true;
          if (!povertyAnswered) povertySelfDeclared = true;
          break;
        case 'povertyQuestion':
          povertyQuestion = true;
          break;
        case 'role':
          roles = roleLabelLast ? [...roles, item.role] : [item.role];
          roleLabelLast = true;
          labelledDestination = roles.includes('destination');
          destinationLabelOpen = item.role === 'destination' && codePointLength(item.text) > 1;
          break;
        case 'address':
          break;
        case 'leaveDate':
          leaveDate = true;
          break;
        case 'nameLabel':
          nameLabel = true;
          break;
        case 'daily':
        case 'noise':
        case 'dot':
          break;
        case 'han': {
          if (override === 'pickupName') {
            if (pickup === undefined) pickup = { name: item.text };
            break;
          }
          if (isWorkplace(item.text)) break; // 务工单位：宁波华丰公司
          if (!labelled && TOWN_NAME.test(item.text)) break; // 长安镇, 楠木村: an address, not a name
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
  if (dailyWage !== undefined) fields.dailyWage = dailyWage;
  if (availableFrom !== undefined) fields.availableFrom = availableFrom;
  if (home !== undefined) fields.home = { code: home.code, name: home.name };
  if (pickup !== undefined) fields.pickup = pickup.code === undefined ? { name: pickup.name } : { code: pickup.code, name: pickup.name };

  const recognised =
    name !== undefined ||
    idNumber !== undefined ||
    invalidIdNumber !== undefined ||
    skills.length > 0 ||
    destinations.length > 0 ||
    localOnly ||
    expectedWage !== undefined ||
    availableFrom !== undefined ||
    povertySelfDeclared ||
    povertyAnswered ||
    home !== undefined ||
    pickup !== undefined;

  const politeIntent = recognised ? undefined : politeIntentOf(tokens);
  return politeIntent === undefined ? { fields, recognised } : { fields, recognised, politeIntent };
}

/** The one intent word left once polite filler is set aside (好的 谢谢 → accept). */
function politeIntentOf(tokens: readonly string[]): SimpleIntent | undefined {
  let rest: string | undefined;
  for (const token of tokens) {
    const t = token.replaceAll(DATE_SLASH, '/');
    if (POLITE_TOKENS.has(t)) continue;
    if (rest !== undefined) return undefined;
    rest = t;
  }
  return rest === undefined ? undefined : INTENT_WORDS.get(rest);
}

/** A message's tokens and, for each, its items as the assembly reads them. */
function readTokens(text: string, scan: Scan): { tokens: string[]; tokenItems: Item[][] } {
  const tokens = joinSplitNumbers(tokenize(protectDateSlashes(text.replace(PER_DAY, '一天').replace(TOWN_BOARDING, '镇 上车'))), scan.todayDate);
  const tokenItems: Item[][] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const items = scanToken(token, scan);
    // A company's name (苏州华丰电子有限公司), a zone or a village address (黄龙村2组) is read for its places only.
    const zone = isZoneToken(token);
    const plain = zone || isCompanyToken(token) || isVillageAddress(token);
    const read = zone ? zonePlaces(items) : plain ? placesOnly(items) : mergeNameParts(items);
    // 南坝镇 上车: a boarding word alone says what the token before it is.
    const next = tokens[t + 1];
    if (next !== undefined && isPickupSuffix(next)) read.push({ t: 'noise', text: next, filler: false });
    if (plain && read.length < items.length) read.push({ t: 'address', text: token });
    tokenItems.push(read);
  }
  return { tokens, tokenItems };
}

type PlacePoint = { code?: string; name: string };

/** A town, village or street name of three characters or more (长安镇, 汪洋镇, 西乡街道). */
const TOWN_NAME = /^.{2,}(?:镇|乡|村|街道|社区|县城)$/;

/** 我是宣汉县的: a place's full name after 我是 says where they are from, it is no name. */
const ADMIN_SUFFIX = /[省市县区州旗]$/;

const LABEL_CONJUNCTIONS: ReadonlySet<string> = new Set(['及', '和', '与', '或', '至', '到']);

/** The labels and places of a company name or an address: the rest is the name of a firm, a village or a group. */
function placesOnly(items: readonly Item[]): Item[] {
  const overrides = placeOverrides(items);
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!.t;
    if (overrides.get(i) !== 'skip' && (t === 'place' || t === 'role' || t === 'nameLabel' || t === 'noise')) out.push(items[i]!);
  }
  return out;
}

/** The narrower of two places when one lies inside the other (四川 then 宣汉 → 宣汉县), else the first. */
function narrower<T extends PlacePoint>(current: T | undefined, next: PlaceCandidate): T | PlaceCandidate {
  if (current === undefined || current.code === undefined) return next;
  return next.code.length > current.code.length && next.code.startsWith(current.code) ? next : current;
}

/** A token carrying anything but labels and filler. */
function carriesContent(items: readonly Item[]): boolean {
  for (const item of items) if (item.t !== 'noise' && item.t !== 'nameLabel' && item.t !== 'role' && item.t !== 'dot') return true;
  return false;
}

const NO_ITEMS: ReadonlySet<Item> = new Set();

/** Wages beside a daily word (日薪300, 300一天, 一天三百): the nearest wage after it, else the one before it. */
function dailyWageItems(items: readonly Item[]): ReadonlySet<Item> {
  let any = false;
  for (const item of items) if (item.t === 'daily') any = true;
  if (!any) return NO_ITEMS;
  const daily = new Set<Item>();
  const content: Item[] = [];
  for (const item of items) if (item.t !== 'noise' && item.t !== 'dot') content.push(item);
  for (let i = 0; i < content.length; i++) {
    if (content[i]!.t !== 'daily') continue;
    const after = content[i + 1];
    const before = content[i - 1];
    if (after?.t === 'wage' && !daily.has(after)) daily.add(after);
    else if (before?.t === 'wage') daily.add(before);
  }
  return daily;
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
