// Travellers into origin → destination groups with windows as day numbers; unusable windows set aside.
import { toDayNumber } from './day-numbers.js';
import { type Group, makeGroup } from './group.js';
import type { Traveller } from './types.js';

export interface Route {
  origin: string;
  destination: string;
  group: Group;
}

/** Routes sorted by (origin, destination); `emptyWindows` lists those with latest < earliest or a non-date. */
export function groupTravellers(travellers: readonly Traveller[]): { routes: Route[]; emptyWindows: string[] } {
  const days = new Map<string, number | undefined>();
  const day = (iso: string) => {
    if (!days.has(iso)) days.set(iso, toDayNumber(iso));
    return days.get(iso);
  };
  const emptyWindows: string[] = [];
  const rowsByRoute = new Map<string, { origin: string; destination: string; rows: Row[] }>();
  for (const t of travellers) {
    const earliest = day(t.earliest);
    const latest = day(t.latest);
    if (earliest === undefined || latest === undefined || latest < earliest) {
      emptyWindows.push(t.labourerId);
      continue;
    }
    const key = `${t.originCounty}\u0000${t.destinationCity}`;
    let route = rowsByRoute.get(key);
    if (!route) rowsByRoute.set(key, (route = { origin: t.originCounty, destination: t.destinationCity, rows: [] }));
    route.rows.push({ id: t.labourerId, earliest, latest });
  }
  const routes = [...rowsByRoute.values()]
    .sort((a, b) => compareText(a.origin, b.origin) || compareText(a.destination, b.destination))
    .map(({ origin, destination, rows }) => ({ origin, destination, group: toGroup(rows) }));
  return { routes, emptyWindows };
}

interface Row {
  id: string;
  earliest: number;
  latest: number;
}

/** Passengers sorted by (earliest, latest, id): the release order every planning step relies on. */
function toGroup(rows: Row[]): Group {
  rows.sort((a, b) => a.earliest - b.earliest || a.latest - b.latest || compareText(a.id, b.id));
  return makeGroup(
    rows.map((r) => r.id),
    Int32Array.from(rows, (r) => r.earliest),
    Int32Array.from(rows, (r) => r.latest),
  );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
