// Place roles (place-roles.ts): what follows a place, and which tokens are addresses, firms or zones.
import { describe, expect, it } from 'vitest';
import { isCompanyToken, isVillageAddress, isZoneToken, placeOverrides, zonePlaces } from '../../../functions/domain/sms/place-roles.js';
import { chinaToday } from '../../../functions/domain/sms/sms-dates.js';
import { scanToken } from '../../../functions/domain/sms/sms-scan.js';

const NOW = new Date('2027-02-10T09:30:00+08:00');
const scan = { today: chinaToday(NOW), todayDate: NOW };
const overrides = (token: string) => {
  const items = scanToken(token, scan);
  const found = placeOverrides(items);
  return items.map((item, i) => `${'text' in item ? item.text : item.t}:${found.get(i) ?? '-'}`);
};

describe('placeOverrides', () => {
  it('gives a place the role of what follows it', () => {
    expect(overrides('光山上车')).toEqual(['光山:pickup', '上车:-']);
    expect(overrides('四川宣汉人')).toEqual(['四川:home', '宣汉:home', '人:skip']);
    expect(overrides('湖州下车')).toEqual(['湖州:destination', '下车:-']);
    expect(overrides('乔庄汽车站上车')[0]).toMatch(/:pickupName$/);
  });

  it('drops places that only start a village, street or zone name, and keeps a city before a town', () => {
    expect(overrides('玉龙村')).toEqual(['玉龙:skip', '村:skip']);
    expect(overrides('上海路')).toEqual(['上海:skip', '路:skip']);
    expect(overrides('东莞长安')).toEqual(['东莞:-', '长安:skip']);
    expect(overrides('宣汉县城')).toEqual(['宣汉县:-', '城:skip']);
  });
});

describe('address, firm and zone tokens', () => {
  it('recognises them by shape', () => {
    expect(isVillageAddress('黄龙村2组')).toBe(true);
    expect(isVillageAddress('楠木村二组')).toBe(true);
    expect(isVillageAddress('湖州织里')).toBe(false);
    expect(isCompanyToken('苏州华丰电子有限公司')).toBe(true);
    expect(isZoneToken('万安塘西工业区')).toBe(true);
  });

  it('reads a zone for the city at its start only', () => {
    const texts = (token: string) => zonePlaces(scanToken(token, scan)).map((item) => ('text' in item ? item.text : item.t));
    expect(texts('苏州园区')).toEqual(['苏州']);
    expect(texts('万安塘西工业区')).toEqual([]);
  });
});
