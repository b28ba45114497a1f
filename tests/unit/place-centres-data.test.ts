import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeCentre } from '../../functions/domain/place-centres.js';
import { generatePlaceCentresData, OUTPUT_FILE } from '../../scripts/generate-place-centres.js';

describe('place-centres-data.ts', () => {
  it('is what scripts/generate-place-centres.ts generates from the installed china-geojson', () => {
    // prepare
    const committed = readFileSync(OUTPUT_FILE, 'utf8');

    // act
    const generated = generatePlaceCentresData();

    // assess
    expect(committed, 'stale: run `npx tsx scripts/generate-place-centres.ts`').toBe(generated);
  });

  it('finds a county by its own code, else by its city or province', () => {
    expect(placeCentre('4403')).toEqual([114.54, 22.54]); // 深圳市
    expect(placeCentre('440305')).toEqual(placeCentre('4403')); // 南山区: its city's centre
    expect(placeCentre('500101')).toEqual([108.39, 30.7]); // 万州区: the map has the district itself
    expect(placeCentre('3499')).toEqual(placeCentre('34')); // a city the map does not know: its province
    expect(placeCentre('990000')).toBeUndefined();
  });
});
