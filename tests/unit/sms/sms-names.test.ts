// Names (sms-names.ts): which left-over runs are a person's name.
import { describe, expect, it } from 'vitest';
import { classifyLeftover, isNameShaped, mergeNameParts } from '../../../functions/domain/sms/sms-names.js';
import { chinaToday } from '../../../functions/domain/sms/sms-dates.js';
import { scanToken } from '../../../functions/domain/sms/sms-scan.js';

const NOW = new Date('2027-02-10T09:30:00+08:00');
const scan = { today: chinaToday(NOW), todayDate: NOW };
const merged = (token: string) => mergeNameParts(scanToken(token, scan)).map((item) => `${item.t}:${'text' in item ? item.text : ''}`);

describe('sms-names', () => {
  it('shapes and classifies left-over runs', () => {
    expect(isNameShaped('王立学')).toBe(true);
    expect(isNameShaped('好的好的')).toBe(false);
    expect(classifyLeftover('王立学的', false)).toEqual({ text: '王立学', strong: true });
    expect(classifyLeftover('男', false)).toBeNull();
    expect(classifyLeftover('买买提·艾力', true)).toEqual({ text: '买买提·艾力', strong: true });
  });

  it('joins a surname and a place (王海南) but not a town, street or village after a place', () => {
    expect(merged('王海南')).toEqual(['han:王海南']);
    expect(merged('江华明')).toEqual(['han:江华明']);
    expect(merged('东莞长安')).toEqual(['place:东莞', 'han:长安']);
    expect(merged('东明路')).toEqual(['place:东明', 'han:路']);
  });
});
