// Corridors (DESIGN §7): destinations of one origin close together and in the same direction may share a
// vehicle. Two destinations are compatible when their centres lie within `dropRadiusKm` of each other
// and their bearings from the origin differ by at most MAX_BEARING_DEGREES (so a vehicle never doubles
// back). Destinations are grouped twice:
//  - corridors: the connected parts of the compatibility graph, which no vehicle crosses (the unit of
//    the lower bound and of the plan's group summary);
//  - drop sets: up to `maxDrops` destinations all compatible with the set's first, the vehicles' actual
//    choice (a vehicle takes passengers of one drop set only, so it never exceeds maxDrops).
// A drop set's route visits its destinations nearest first; a passenger's travel days are counted to
// their drop along that whole route, so any vehicle of the set (which skips some drops) arrives no later.
import { placeCentre } from '../place-centres.js';
import { compareText } from './group-travellers.js';
import { arrivalOffsetDays, bearingDegrees, greatCircleKm, ROAD_FACTOR, roadKm } from './travel.js';

export const MAX_BEARING_DEGREES = 30;

export interface DropSet {
  /** Destinations in route order (nearest the origin first). */
  drops: string[];
  /** Days from departure to arrival at each drop, along the route (same order). */
  offsets: number[];
  /** Index of the corridor it belongs to. */
  corridor: number;
}

export interface Corridors {
  /** Each corridor's destinations, code order; corridors in order of their first code. */
  corridors: string[][];
  dropSets: DropSet[];
  /** destination → [drop set index, position in its route]. */
  dropSetOf: Map<string, readonly [number, number]>;
}

export function corridorsOf(origin: string, destinations: readonly string[], maxDrops: number, dropRadiusKm: number): Corridors {
  const codes = [...new Set(destinations)].sort(compareText);
  const from = placeCentre(origin);
  const distance = codes.map((d) => roadKm(origin, d));
  const bearing = codes.map((d) => {
    const to = placeCentre(d);
    return from && to ? bearingDegrees(from, to) : undefined;
  });
  const compatible = (i: number, j: number) => {
    if (maxDrops < 2) return false;
    const a = placeCentre(codes[i]!);
    const b = placeCentre(codes[j]!);
    if (!a || !b || bearing[i] === undefined || bearing[j] === undefined) return false;
    const turn = Math.abs(bearing[i]! - bearing[j]!);
    return greatCircleKm(a, b) <= dropRadiusKm && Math.min(turn, 360 - turn) <= MAX_BEARING_DEGREES;
  };

  // corridors: union-find over compatible pairs (n ≤ a few hundred destinations per county)
  const parent = codes.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const near: number[][] = codes.map(() => []);
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      if (!compatible(i, j)) continue;
      near[i]!.push(j);
      near[j]!.push(i);
      parent[root(j)] = root(i);
    }
  }
  const corridorIndex = new Map<number, number>();
  const corridors: string[][] = [];
  codes.forEach((code, i) => {
    const r = root(i);
    if (!corridorIndex.has(r)) corridorIndex.set(r, corridors.push([]) - 1);
    corridors[corridorIndex.get(r)!]!.push(code);
  });

  // drop sets: nearest the origin first; each takes its closest compatible neighbours still free
  const byDistance = codes.map((_, i) => i).sort((a, b) => distance[a]! - distance[b]! || a - b);
  const taken = new Uint8Array(codes.length);
  const dropSets: DropSet[] = [];
  const dropSetOf = new Map<string, readonly [number, number]>();
  for (const first of byDistance) {
    if (taken[first]) continue;
    taken[first] = 1;
    const members = [first];
    const centre = placeCentre(codes[first]!);
    const candidates = near[first]!.filter((j) => !taken[j]).sort((a, b) => kmBetween(centre, codes[a]!) - kmBetween(centre, codes[b]!) || a - b);
    for (const j of candidates) {
      if (members.length >= maxDrops) break;
      if (!members.every((m) => m === first || compatible(m, j))) continue;
      taken[j] = 1;
      members.push(j);
    }
    members.sort((a, b) => distance[a]! - distance[b]! || a - b);
    const drops = members.map((m) => codes[m]!);
    const offsets: number[] = [];
    let km = 0;
    drops.forEach((d, k) => {
      km += k === 0 ? distance[members[0]!]! : roadKm(drops[k - 1]!, d);
      offsets.push(arrivalOffsetDays(km));
    });
    const set = dropSets.push({ drops, offsets, corridor: corridorIndex.get(root(first))! }) - 1;
    drops.forEach((d, k) => dropSetOf.set(d, [set, k]));
  }
  return { corridors, dropSets, dropSetOf };
}

function kmBetween(centre: ReturnType<typeof placeCentre>, code: string): number {
  const other = placeCentre(code);
  return centre && other ? greatCircleKm(centre, other) * ROAD_FACTOR : Infinity;
}
