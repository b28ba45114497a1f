import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../../functions/domain/transport/day-numbers.js';

describe('day numbers', () => {
  it('turn ISO dates into whole days and back', () => {
    // act
    const feb28 = toDayNumber('2027-02-28');
    const mar1 = toDayNumber('2027-03-01');

    // assess
    expect(mar1! - feb28!).toBe(1);
    expect(toDayNumber('2028-03-01')! - toDayNumber('2028-02-28')!).toBe(2); // leap year
    expect(fromDayNumber(mar1!)).toBe('2027-03-01');
    expect(toDayNumber('1970-01-01')).toBe(0);
  });

  it('reject what is not a real calendar date', () => {
    // prepare
    const inputs: unknown[] = ['2027-02-29', '2027-13-01', '2027-2-1', '0050-01-01', '2027-02-10T00:00', '', null, 20270210];

    // act
    const results = inputs.map(toDayNumber);

    // assess
    expect(results).toEqual(inputs.map(() => undefined));
  });
});
