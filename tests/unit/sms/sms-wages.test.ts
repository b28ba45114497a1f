// Wages (sms-wages.ts): Arabic, Chinese and mixed numerals, ranges, "about" forms.
import { describe, expect, it } from 'vitest';
import { chineseRemainder, scanChineseWage } from '../../../functions/domain/sms/sms-wages.js';
import type { Item } from '../../../functions/domain/sms/sms-items.js';

const wage = (text: string) => {
  const out: Item[] = [];
  const end = scanChineseWage(text, 0, out);
  return end < 0 ? undefined : out[0];
};

describe('sms-wages', () => {
  it('reads Chinese numerals, traditional digits, ranges (the lower bound) and 万把', () => {
    expect(wage('四千五')).toMatchObject({ value: 4500 });
    expect(wage('兩千六')).toMatchObject({ value: 2600 });
    expect(wage('四千5')).toMatchObject({ value: 4500, text: '四千5' });
    expect(wage('四五千')).toMatchObject({ value: 4000 });
    expect(wage('四千到五千块')).toMatchObject({ value: 4000, text: '四千到五千块' });
    expect(wage('万把块')).toMatchObject({ value: 10000 });
    expect(wage('一万把')).toMatchObject({ value: 10000 });
  });

  it('keeps small amounts as possible day wages (the assembly decides) and nothing below 50', () => {
    expect(wage('三百')).toMatchObject({ value: 300 });
    expect(wage('十五')).toBeUndefined();
  });

  it('finishes a number with a unit by the Chinese numeral after it (4千五, 1万二, 4千五百)', () => {
    expect(chineseRemainder('五', 0, 1000)).toEqual({ value: 500, end: 1 });
    expect(chineseRemainder('五百', 0, 1000)).toEqual({ value: 500, end: 2 });
    expect(chineseRemainder('二', 0, 10000)).toEqual({ value: 2000, end: 1 });
    expect(chineseRemainder('一个月', 0, 1000)).toBeUndefined();
    expect(chineseRemainder('五千', 0, 1000)).toBeUndefined();
  });
});
