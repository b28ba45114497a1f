// Dates (sms-dates.ts): the next such day on or after today, in China time.
import { describe, expect, it } from 'vitest';
import { chinaToday, chineseDay, resolveDayOfMonth, resolveFirstLunarMonth, resolveMonthDay, resolveMonthPart, scanChineseDate } from '../../../functions/domain/sms/sms-dates.js';
import type { Item } from '../../../functions/domain/sms/sms-items.js';

const NOW = new Date('2027-02-10T09:30:00+08:00');
const TODAY = chinaToday(NOW);

describe('sms-dates', () => {
  it('resolves month and day to this year, else next; 2-29 waits for a leap year', () => {
    expect(resolveMonthDay(3, 5, TODAY)).toBe('2027-03-05');
    expect(resolveMonthDay(1, 20, TODAY)).toBe('2028-01-20');
    expect(resolveMonthDay(2, 29, TODAY)).toBe('2028-02-29');
    expect(resolveMonthDay(13, 1, TODAY)).toBeUndefined();
  });

  it('reads parts of a month, a day alone and the first lunar month', () => {
    expect(resolveMonthPart(3, '底', TODAY)).toBe('2027-03-31');
    expect(resolveMonthPart(2, '', TODAY)).toBe('2027-02-10');
    expect(resolveDayOfMonth(5, TODAY)).toBe('2027-03-05');
    expect(resolveFirstLunarMonth(16, TODAY)).toBe('2027-02-21'); // 春节 2027-02-06
    expect(chineseDay('初五')).toBe(5);
    expect(chineseDay('廿五')).toBe(25);
    expect(chineseDay('初十五')).toBeUndefined();
  });

  it('scans a Chinese date and the suffix that belongs to it', () => {
    const out: Item[] = [];
    const end = scanChineseDate('三月初五以后', 0, { today: TODAY, todayDate: NOW }, out);
    expect(end).toBe(6);
    expect(out).toEqual([{ t: 'date', text: '三月初五以后', iso: '2027-03-05', weak: false }]);
  });
});
