// Characters and tokens (sms-text.ts).
import { describe, expect, it } from 'vitest';
import { DATE_SLASH, joinSplitNumbers, protectDateSlashes, tokenize } from '../../../functions/domain/sms/sms-text.js';

const NOW = new Date('2027-02-10T09:30:00+08:00');

describe('sms-text', () => {
  it('splits on every field separator, and keeps the slash of a date', () => {
    expect(tokenize('报名#王立学，瓦工、湖州 4500')).toEqual(['报名', '王立学', '瓦工', '湖州', '4500']);
    expect(protectDateSlashes('3/5出发 4千5/3')).toBe(`3${DATE_SLASH}5出发 4千5/3`);
  });

  it('joins an ID number or a mobile number typed in groups', () => {
    expect(joinSplitNumbers(['510822', '19850315', '0018'], NOW)).toEqual(['510822198503150018']);
    expect(joinSplitNumbers(['139', '1234', '5678'], NOW)).toEqual(['13912345678']);
    expect(joinSplitNumbers(['3', '5'], NOW)).toEqual(['3', '5']);
  });
});
