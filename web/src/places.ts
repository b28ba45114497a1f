// Places for pickers and labels, from the same GB/T 2260 tables the API validates with.
import { countyByCode, listPlaces, placeByCode, type Place, type PlaceLevel } from '../../functions/domain/divisions.js';

export type { Place, PlaceLevel };

/** The short name of a 2-, 4- or 6-digit code (`3305` → 湖州市); the code itself if unknown. */
export function placeName(code: string): string {
  return placeByCode(code)?.name ?? code;
}

/** What contains a place, for telling apart places of the same name: 吴兴区 → 浙江省 湖州市. */
export function placeContext(place: Place): string {
  if (place.level === 'county') {
    const county = countyByCode(place.code);
    if (!county) return '';
    return county.cityName === county.provinceName ? county.provinceName : `${county.provinceName} ${county.cityName}`;
  }
  if (place.level === 'city') {
    const province = placeByCode(place.code.slice(0, 2));
    return province && province.name !== place.name ? province.name : '';
  }
  return '';
}

/** 吴兴区（浙江省 湖州市） */
export function placeFullName(code: string): string {
  const place = placeByCode(code);
  if (!place) return code;
  const context = placeContext(place);
  return context ? `${place.name}（${context}）` : place.name;
}

export function getPlace(code: string): Place | undefined {
  return placeByCode(code);
}

const LEVEL_ORDER: Record<PlaceLevel, number> = { province: 0, city: 1, county: 2 };

/**
 * Places whose name contains the query (or whose code starts with it), best first: exact name, then
 * names starting with the query, provinces before cities before counties.
 */
export function searchPlaces(query: string, levels: readonly PlaceLevel[], limit = 30): Place[] {
  const q = query.trim().replace(/\s+/g, '');
  if (!q) return [];
  const byCode = /^\d+$/.test(q);
  const scored: { place: Place; score: number }[] = [];
  for (const place of listPlaces()) {
    if (!levels.includes(place.level)) continue;
    let score: number;
    if (byCode) {
      if (!place.code.startsWith(q)) continue;
      score = place.code === q ? 0 : 1;
    } else {
      const at = place.name.indexOf(q);
      if (at < 0) continue;
      score = place.name === q ? 0 : at === 0 ? 1 : 2;
    }
    scored.push({ place, score: score * 10 + LEVEL_ORDER[place.level] });
  }
  scored.sort((a, b) => a.score - b.score || a.place.code.localeCompare(b.place.code));
  return scored.slice(0, limit).map((s) => s.place);
}

/** Where labourers from the west mostly go: quick picks under the destination picker. */
export const POPULAR_DESTINATIONS = ['33', '44', '32', '31', '35', '11', '3305', '4419'];
