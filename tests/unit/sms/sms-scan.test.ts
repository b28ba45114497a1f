// One token into items (sms-scan.ts, with the lexicon of sms-lexicon.ts).
import { describe, expect, it } from 'vitest';
import { idNumberChecksum } from '../../../functions/domain/id-number.js';
import { chinaToday } from '../../../functions/domain/sms/sms-dates.js';
import { scanToken } from '../../../functions/domain/sms/sms-scan.js';

const NOW = new Date('2027-02-10T09:30:00+08:00');
const scan = { today: chinaToday(NOW), todayDate: NOW };
const id = (first17: string) => first17 + idNumberChecksum(first17);

describe('scanToken', () => {
  it('reads IDs: valid, first-generation, never-assigned region, permits', () => {
    expect(scanToken(id('51082219850315001'), scan)).toEqual([{ t: 'id', text: id('51082219850315001'), value: id('51082219850315001') }]);
    expect(scanToken('510822850315001', scan)).toEqual([{ t: 'badId', text: '510822850315001', reason: 'first-generation' }]);
    expect(scanToken(id('11111119900101001'), scan)[0]).toMatchObject({ t: 'badId', reason: 'region' });
    expect(scanToken(id('81000019900101002'), scan)[0]).toMatchObject({ t: 'id' });
  });

  it('reads mixed wages and keeps a small number as a possible day wage', () => {
    expect(scanToken('4千五', scan)).toEqual([{ t: 'wage', text: '4千五', value: 4500 }]);
    expect(scanToken('300一天', scan)).toEqual([{ t: 'wage', text: '300', value: 300 }, { t: 'daily', text: '一天' }]);
  });

  it('finds role labels by longest match (出发地点 over 出发, 在外工作单位 over 工作)', () => {
    expect(scanToken('出发地点', scan)).toEqual([{ t: 'role', text: '出发地点', role: 'pickup' }]);
    expect(scanToken('在外工作单位', scan)).toEqual([{ t: 'role', text: '在外工作单位', role: 'destination' }]);
    expect(scanToken('从光山', scan)[0]).toEqual({ t: 'role', text: '从', role: 'pickup' });
    expect(scanToken('离常时间', scan)).toEqual([{ t: 'leaveDate', text: '离常时间' }]);
  });
});
