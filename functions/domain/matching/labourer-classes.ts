// Labourers aggregated into classes whose members are interchangeable to the optimisation: the same
// feasible vacancies at the same fit. Each attribute is first reduced to what the open vacancies can
// tell apart (a skill no vacancy asks for, a destination with no vacancy, two expected wages no
// vacancy wage separates count the same): the bench's county of 465,000 labourers becomes 115,000
// classes, fewer where labourers state their wishes alike. Opted-out labourers drop out here.
import { datesFit, regionLevel, wageFits } from './feasibility.js';
import { destinationPoints, HOME_POINTS, wagePoints } from './fit-score.js';
import type { Market } from './market.js';
import { cannotBeTexted, type MatchLabourer } from './types.js';

/** The place points a labourer gets in each vacancy county (county indices of the market). */
export interface PlaceVector {
  /** Index of the home county, −1 when no vacancy is there. */
  home: number;
  counties: Int32Array;
  points: Int32Array;
}

export interface LabourerClass {
  /** Any member: all members have the same arcs. */
  representative: MatchLabourer;
  /** In input order; match-county.ts sorts them first-come-first-served when it hands out places. */
  members: MatchLabourer[];
  poverty: boolean;
  place: PlaceVector;
  /** Bits of the market's skills the members have. */
  skillMask: Uint32Array;
  /** First index of market.startDates the members can make. */
  startIndex: number;
  /** Open vacancies the members declined; undefined when none. */
  declined: ReadonlySet<string> | undefined;
}

export interface Classification {
  classes: LabourerClass[];
  optedOut: MatchLabourer[];
}

const SEPARATOR = '\u0001';

/** A trie of string keys with an id at each node (−1: none yet). */
class Trie {
  id = -1;
  private readonly next = new Map<string, Trie>();
  child(key: string): Trie {
    let node = this.next.get(key);
    if (node === undefined) this.next.set(key, (node = new Trie()));
    return node;
  }
}

/** Interns signature strings; `rank` orders ids by their signature, for a canonical class order. */
class Signatures<T> {
  private readonly idBySignature = new Map<string, number>();
  readonly signatures: string[] = [];
  readonly values: T[] = [];
  id(signature: string, value: () => T): number {
    let id = this.idBySignature.get(signature);
    if (id === undefined) {
      id = this.signatures.length;
      this.idBySignature.set(signature, id);
      this.signatures.push(signature);
      this.values.push(value());
    }
    return id;
  }
  ranks(): Int32Array {
    const order = this.signatures.map((_, i) => i).sort((a, b) => compare(this.signatures[a]!, this.signatures[b]!));
    const rank = new Int32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    return rank;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The open vacancies among those declined, sorted and joined; '' when none. */
function declinedSignature(ids: readonly string[], openIds: ReadonlySet<string>): string {
  return [...new Set(ids.filter((id) => openIds.has(id)))].sort().join(SEPARATOR);
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function classifyLabourers(
  labourers: readonly MatchLabourer[],
  market: Market,
  openIds: ReadonlySet<string>,
): Classification {
  const countyCount = market.counties.length;
  const scratch = new Int32Array(countyCount);

  // Place: the points per vacancy county (and which county is home, for posts).
  const places = new Signatures<PlaceVector>();
  // Raw (home, can travel, destinations) → place id through a trie of maps: no key strings to build.
  const placeRoot = new Trie();
  const placeId = (l: MatchLabourer): number => {
    let node = placeRoot.child(l.homeCounty).child(l.canTravel ? '1' : '0');
    if (l.canTravel) for (const d of l.destinations) node = node.child(d);
    if (node.id >= 0) return node.id;
    const touched: number[] = [];
    const home = market.countyIndex.get(l.homeCounty) ?? -1;
    if (home >= 0) {
      scratch[home] = HOME_POINTS;
      touched.push(home);
    }
    if (l.canTravel) {
      l.destinations.forEach((code, index) => {
        const points = destinationPoints(regionLevel(code), index);
        for (const county of market.countiesIn(code)) {
          if (scratch[county] === 0) touched.push(county);
          if (points > scratch[county]!) scratch[county] = points;
        }
      });
    }
    touched.sort((a, b) => a - b);
    const points = Int32Array.from(touched, (county) => scratch[county]!);
    const signature = `${home};${touched.map((county, k) => `${county}:${points[k]}`).join(',')}`;
    for (const county of touched) scratch[county] = 0;
    node.id = places.id(signature, () => ({ home, counties: new Int32Array(touched), points }));
    return node.id;
  };

  // Skills: those some vacancy asks for, as a bit mask.
  const skills = new Signatures<Uint32Array>();
  const skillRoot = new Trie();
  const skillId = (l: MatchLabourer): number => {
    let node = skillRoot;
    for (const skill of l.skills) node = node.child(skill);
    if (node.id >= 0) return node.id;
    const known = [...new Set(l.skills.filter((s) => market.skillBit.has(s)))].sort();
    node.id = skills.id(known.join(SEPARATOR), () => {
      const mask = new Uint32Array(market.maskWords);
      for (const s of known) {
        const bit = market.skillBit.get(s)!;
        mask[bit >>> 5]! |= 1 << (bit & 31);
      }
      return mask;
    });
    return node.id;
  };

  // Expected wage: the points (or infeasibility) it gives at each vacancy wage.
  const wages = new Signatures<null>();
  const wageByRaw = new Map<number, number>();
  const wageId = (l: MatchLabourer): number => {
    let id = wageByRaw.get(l.expectedWage);
    if (id !== undefined) return id;
    const signature = market.wages.map((w) => (wageFits(w, l.expectedWage) ? wagePoints(w, l.expectedWage) : -1)).join(',');
    id = wages.id(signature, () => null);
    wageByRaw.set(l.expectedWage, id);
    return id;
  };

  // Availability: the first vacancy start date the labourer can make.
  const startByRaw = new Map<string, number>();
  const startIndex = (l: MatchLabourer): number => {
    const from = l.availableFrom;
    if (from === undefined || from === '') return 0;
    let index = startByRaw.get(from);
    if (index === undefined) {
      index = lowerBound(market.startDates, from.slice(0, 10));
      // Keep the one definition of "dates fit" authoritative.
      while (index < market.startDates.length && !datesFit(from, market.startDates[index]!)) index++;
      startByRaw.set(from, index);
    }
    return index;
  };

  interface Draft {
    cls: LabourerClass;
    poor: number;
    place: number;
    skill: number;
    wage: number;
    start: number;
    declined: string;
  }
  // Classes by (place, skills) then (wage, start date, poverty) as numbers; declines (rare) by string.
  const drafts: Draft[] = [];
  const byPlaceSkill = new Map<number, Map<number, Draft>>();
  const withDeclines = new Map<string, Draft>();
  const optedOut: MatchLabourer[] = [];
  for (const l of labourers) {
    if (cannotBeTexted(l)) {
      optedOut.push(l);
      continue;
    }
    const place = placeId(l);
    const skill = skillId(l);
    const wage = wageId(l);
    const start = startIndex(l);
    const declined = l.declinedVacancyIds?.length ? declinedSignature(l.declinedVacancyIds, openIds) : '';
    const poor = l.poverty ? 1 : 0;
    let draft: Draft | undefined;
    let inner: Map<number, Draft> | undefined;
    const innerKey = (wage * (market.startDates.length + 1) + start) * 2 + poor;
    const outerKey = place * 0x100000 + skill;
    const declinedKey = declined === '' ? '' : `${outerKey}|${innerKey}|${declined}`;
    if (declined === '') {
      inner = byPlaceSkill.get(outerKey);
      if (inner === undefined) byPlaceSkill.set(outerKey, (inner = new Map()));
      draft = inner.get(innerKey);
    } else {
      draft = withDeclines.get(declinedKey);
    }
    if (draft !== undefined) {
      draft.cls.members.push(l);
      continue;
    }
    draft = {
      cls: {
        representative: l,
        members: [l],
        poverty: l.poverty,
        place: places.values[place]!,
        skillMask: skills.values[skill]!,
        startIndex: start,
        declined: declined === '' ? undefined : new Set(declined.split(SEPARATOR)),
      },
      poor,
      place,
      skill,
      wage,
      start,
      declined,
    };
    drafts.push(draft);
    if (inner !== undefined) inner.set(innerKey, draft);
    else withDeclines.set(declinedKey, draft);
  }

  // A canonical order (by signatures, not by input order), so the plan does not depend on input order.
  const placeRank = places.ranks();
  const skillRank = skills.ranks();
  const wageRank = wages.ranks();
  const ordered = drafts.sort(
    (a, b) =>
      b.poor - a.poor ||
      placeRank[a.place]! - placeRank[b.place]! ||
      skillRank[a.skill]! - skillRank[b.skill]! ||
      wageRank[a.wage]! - wageRank[b.wage]! ||
      a.start - b.start ||
      compare(a.declined, b.declined),
  );
  return { classes: ordered.map((d) => d.cls), optedOut };
}
