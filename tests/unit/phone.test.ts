import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskPhone, normalizeMainlandMobile } from '../../functions/domain/phone.js';

describe('normalizeMainlandMobile', () => {
  it('accepts the usual ways of writing a mainland mobile', () => {
    // prepare
    const inputs = [
      '13800138000',
      '138 0013 8000',
      '+86 138-0013-8000',
      '+8613800138000',
      '008613800138000',
      '0086 138 0013 8000',
      '86 13800138000',
      '８６１３８００１３８０００',
      '１３８００１３８０００',
      '＋８６\u3000１３８－００１３－８０００',
      ' 13800138000\n',
    ];

    // act
    const results = inputs.map(normalizeMainlandMobile);

    // assess
    expect(results).toEqual(inputs.map(() => ({ ok: true, e164: '+8613800138000' })));
  });

  it('accepts the current mobile ranges', () => {
    // prepare
    const inputs = ['13912345678', '15012345678', '17712345678', '18612345678', '19912345678', '16612345678'];

    // act
    const results = inputs.map(normalizeMainlandMobile);

    // assess
    expect(results).toEqual(inputs.map((n) => ({ ok: true, e164: `+86${n}` })));
  });

  it('rejects mainland fixed lines and service numbers as not-mobile', () => {
    // prepare
    const inputs = ['010-12345678', '+86 10 1234 5678', '0571-87654321', '400 123 4567'];

    // act
    const results = inputs.map(normalizeMainlandMobile);

    // assess
    expect(results).toEqual(inputs.map(() => ({ ok: false, reason: 'not-mobile' })));
  });

  it('rejects numbers of other countries and regions as not-mainland', () => {
    // prepare
    const inputs = ['+1 415 555 2671', '+852 9123 4567', '+886 912 345 678', '001 415 555 2671'];

    // act
    const results = inputs.map(normalizeMainlandMobile);

    // assess
    expect(results).toEqual(inputs.map(() => ({ ok: false, reason: 'not-mainland' })));
  });

  it('rejects garbage and mistyped mobiles as format', () => {
    // prepare
    const inputs = ['', '   ', 'abc', 'call 13800138000', '1380013800', '138001380000', '+', '1380013800O', '13800138000 ext 12', '9'.repeat(200)];

    // act
    const results = inputs.map(normalizeMainlandMobile);

    // assess
    expect(results).toEqual(inputs.map(() => ({ ok: false, reason: 'format' })));
  });

  it('never throws and only ever returns a +86 mobile in E.164 when ok', () => {
    const phoneish = fc.stringMatching(/^(\+|00)?[\d\s\-()]{0,20}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), phoneish), (s) => {
        // act
        const result = normalizeMainlandMobile(s);

        // assess
        return result.ok ? /^\+861[3-9]\d{9}$/.test(result.e164) : ['format', 'not-mobile', 'not-mainland'].includes(result.reason);
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (n) => {
        // act
        const first = normalizeMainlandMobile(n);
        const second = first.ok ? normalizeMainlandMobile(first.e164) : first;

        // assess
        expect(second).toEqual(first);
      }),
    );
  });
});

describe('maskPhone', () => {
  it('keeps the prefix and the last 4 digits of a mainland mobile', () => {
    // prepare
    const e164 = '+8613800138000';

    // act
    const masked = maskPhone(e164);

    // assess
    expect(masked).toBe('+86138****8000');
  });

  it('keeps only the last 4 digits of other numbers', () => {
    // prepare
    const inputs = ['+14155552671', '1234', ''];

    // act
    const masked = inputs.map(maskPhone);

    // assess
    expect(masked).toEqual(['+*******2671', '****', '']);
  });
});
