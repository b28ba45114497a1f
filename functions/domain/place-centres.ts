// Where a place lies, for travel distances: the generated centres (place-centres-data.ts), looked up
// from the most precise code the map has (county, then its city, then its province).
import { PLACE_CENTRES } from './place-centres-data.js';

/** [longitude, latitude] in degrees. */
export type LngLat = readonly [number, number];

let table: Map<string, LngLat> | undefined;

function centres(): Map<string, LngLat> {
  if (table) return table;
  table = new Map();
  for (const entry of PLACE_CENTRES.split('|')) {
    const [code, point] = entry.split(':') as [string, string];
    const [lng, lat] = point.split(',').map(Number) as [number, number];
    table.set(code, [lng, lat]);
  }
  return table;
}

/**
 * The centre of a 2-, 4- or 6-digit division code: its own if the map has it, else its city's, else
 * its province's (the map predates some codes, e.g. cities made since 2010); undefined if none.
 */
export function placeCentre(code: string): LngLat | undefined {
  const all = centres();
  return all.get(code) ?? (code.length > 4 ? all.get(code.slice(0, 4)) : undefined) ?? (code.length > 2 ? all.get(code.slice(0, 2)) : undefined);
}
