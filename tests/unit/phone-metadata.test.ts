import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/mobile';
import { generatePhoneMetadata, OUTPUT_FILE } from '../../scripts/generate-phone-metadata.js';
import { OTHER_CALLING_CODES } from '../../functions/domain/phone-metadata-cn.js';
import { normalizeMainlandMobile, type MobileResult } from '../../functions/domain/phone.js';

/** normalizeMainlandMobile as it was before phone-metadata-cn.ts: on the full mobile metadata. */
function withFullMetadata(input: string): MobileResult {
  const text = input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
  if (text.length === 0 || text.length > 40 || !/^\+?[\d\s\-().]+$/.test(text)) return { ok: false, reason: 'format' };
  let parsed: PhoneNumber | undefined;
  try {
    parsed = parsePhoneNumberFromString(text, { defaultCountry: 'CN', extract: false });
  } catch {
    return { ok: false, reason: 'format' };
  }
  if (parsed === undefined) return { ok: false, reason: 'format' };
  if (parsed.countryCallingCode !== '86') return { ok: false, reason: 'not-mainland' };
  if (parsed.ext !== undefined) return { ok: false, reason: 'format' };
  if (parsed.isValid() && parsed.getType() === 'MOBILE') return { ok: true, e164: parsed.number };
  if (/^1[3-9]/.test(parsed.nationalNumber) || !parsed.isPossible()) return { ok: false, reason: 'format' };
  return { ok: false, reason: 'not-mobile' };
}

describe('phone-metadata-cn.ts', () => {
  it('is what scripts/generate-phone-metadata.ts generates from the installed libphonenumber-js', () => {
    // prepare
    const committed = readFileSync(OUTPUT_FILE, 'utf8');

    // act
    const generated = generatePhoneMetadata();

    // assess
    expect(committed, 'stale: run `npx tsx scripts/generate-phone-metadata.ts`').toBe(generated);
  });

  it('classifies numbers of every calling code as the full mobile metadata does', () => {
    // prepare: every known calling code and some unassigned ones, national numbers of 0 to 17 digits
    const codes = [...OTHER_CALLING_CODES.split(' '), '86', '0', '28', '42', '80', '999'];
    const prefixes = ['+', '00 ', '17951 00'];
    const nationals = ['13800138000123456', '81001234567890123', '01001234567890123'].flatMap((d) =>
      [0, 1, 2, 3, 7, 10, 11, 16, 17].map((length) => d.slice(0, length)),
    );
    const inputs = prefixes.flatMap((p) => codes.flatMap((c) => nationals.map((n) => `${p}${c} ${n}`)));

    // act
    const results = inputs.map(normalizeMainlandMobile);

    // assess
    expect(results).toEqual(inputs.map(withFullMetadata));
  });

  it('classifies phone-like text as the full mobile metadata does', () => {
    // at most 18 digits after a `+`: see isOtherCountryNumber in phone.ts for longer numbers
    const phoneish = fc.stringMatching(/^(\+|00)?[\d\s\-().]{0,18}$/);
    fc.assert(
      fc.property(fc.oneof(phoneish, fc.string({ maxLength: 20 })), (s) => {
        // act + assess
        expect(normalizeMainlandMobile(s)).toEqual(withFullMetadata(s));
      }),
      { numRuns: 3000 },
    );
  });
});
