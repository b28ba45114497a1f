// How far and how long a chartered vehicle travels: great-circle distance between place centres times
// a road factor, at about 600 km a day (two drivers, rests included).
import { type LngLat, placeCentre } from '../place-centres.js';

const EARTH_RADIUS_KM = 6371;
/** Roads are longer than the great circle; 1.3 is the usual detour factor for China's trunk roads. */
export const ROAD_FACTOR = 1.3;
export const KM_PER_DAY = 600;
/** A place the map does not know: assume a two-day journey rather than none. */
const UNKNOWN_KM = KM_PER_DAY * 1.5;

const RAD = Math.PI / 180;

export function greatCircleKm(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial bearing from a to b, degrees clockwise from north, in [0, 360). */
export function bearingDegrees(a: LngLat, b: LngLat): number {
  const φ1 = a[1] * RAD;
  const φ2 = b[1] * RAD;
  const dλ = (b[0] - a[0]) * RAD;
  const y = Math.sin(dλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(dλ);
  return ((Math.atan2(y, x) / RAD) % 360 + 360) % 360;
}

/** Road kilometres between two division codes (county, city or province). */
export function roadKm(from: string, to: string): number {
  const a = placeCentre(from);
  const b = placeCentre(to);
  if (!a || !b) return UNKNOWN_KM;
  return greatCircleKm(a, b) * ROAD_FACTOR;
}

/**
 * Days from departure to arrival for a road distance: a journey of up to 600 km arrives the day it
 * leaves (0), up to 1,200 km the next day (1), and so on.
 */
export function arrivalOffsetDays(km: number): number {
  return Math.max(0, Math.ceil(km / KM_PER_DAY) - 1);
}
