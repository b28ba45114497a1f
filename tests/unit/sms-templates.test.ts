import { describe, expect, it } from 'vitest';
import { countSegments } from '../../functions/domain/sms/segments.js';
import { PICKUP_WHOLE, renderSms, SIGNATURE, TEMPLATE_NAMES, templateText, templateVariables, type TemplateName } from '../../functions/domain/sms/templates.js';

describe('SMS segments', () => {
  it('fits 70 Chinese characters in one UCS-2 segment and 67 in each part beyond', () => {
    expect(countSegments('春'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(countSegments('春'.repeat(71)).segments).toBe(2);
    expect(countSegments('春'.repeat(134)).segments).toBe(2);
    expect(countSegments('春'.repeat(135)).segments).toBe(3);
  });

  it('uses GSM-7 for plain Latin text, counting extension characters twice', () => {
    expect(countSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(countSegments('a'.repeat(161)).segments).toBe(2);
    expect(countSegments('{'.repeat(80)).segments).toBe(1);
    expect(countSegments('{'.repeat(81)).segments).toBe(2);
  });

  it('counts characters outside the BMP as two UCS-2 units', () => {
    expect(countSegments('𠀀'.repeat(35)).segments).toBe(1);
    expect(countSegments('𠀀'.repeat(36)).segments).toBe(2);
  });
});

// Shared with the provider-template checks below.
let WORST_CASE_FOR_VARS: Record<TemplateName, unknown>;

describe('SMS templates', () => {
  it('signs every message and keeps the registration notice to one segment for long names', () => {
    const sms = renderSms('registered', { name: '阿依古丽·买买提江', code: 'K7M2XR4P' });
    expect(sms.body.startsWith(SIGNATURE)).toBe(true);
    expect(sms.segments).toBe(1);
    expect(sms.segments).toBe(countSegments(sms.body).segments);
  });

  // The longest values each template meets in practice: long minority names, the longest county names.
  const WORST_CASE: { [T in TemplateName]: Parameters<typeof renderSms<T>>[1] } = {
    registered: { name: '阿依古丽买买提', code: 'K7M2XR4P' },
    registeredDailyWage: { name: '阿依古丽买买提', code: 'K7M2XR4P', daily: 3000, monthly: 78000 },
    optedOut: {},
    optInLimited: {},
    statusTrip: { name: '阿依古丽买买提江', date: '12月31日', time: '07:30', pickup: '喀喇沁左翼蒙古族自治县汽车站', seat: 45 },
    optedIn: {},
    help: {},
    askFor: { missing: '姓名和身份证号' },
    invalidIdNumber: { problem: '中的出生日期不对' },
    registrationProblem: { problem: '身份证号码的地区码无效' },
    alreadyRegistered: { name: '阿依古丽买买提' },
    idTaken: {},
    notRegistered: {},
    noOpenOffer: {},
    status: { name: '阿依古丽买买提', county: '喀喇沁左翼蒙古族自治县', state: '已给您发岗位通知，回1接受、2拒绝' },
    changePhoneNeedsId: {},
    changePhoneRequested: { hours: 168 },
    changePhoneConfirm: { last4: '8000', hours: 168 },
    changePhoneSame: {},
    newPhoneTaken: {},
    phoneChanged: {},
    changePhoneRefused: {},
    changePhoneKept: {},
    noPendingPhoneChange: {},
    forgetBlocked: {},
    verificationCode: { code: '123456' },
    broadcast: { text: '县人社局2月15日在文化广场举办春风行动专场招聘会，欢迎参加。' },
    repliesPaused: {},
    phoneMovedAway: { last4: '8000' },
    forgetAsk: {},
    forgotten: {},
    offer: { name: '阿依古丽买买提江', place: '喀喇沁左翼蒙古族自治县', title: '湖州吴兴区建筑工地泥瓦工长期招聘', wage: 12500, start: '12月31日', hours: 48 },
    offerAccepted: { title: '湖州吴兴区建筑工地泥瓦工长期招聘' },
    offerDeclined: {},
    tripBooked: { name: '阿依古丽买买提江', date: '12月31日', time: '07:30', pickup: '喀喇沁左翼蒙古族自治县站', destination: '乌兰察布市', seat: 45, plate: '川H·12345', code: '1234' },
    tripReminder: { name: '阿依古丽买买提江', time: '07:30', pickup: '喀喇沁左翼蒙古族自治县汽车站', seat: 45 },
    seatCancelled: { name: '阿依古丽买买提江', date: '12月31日', destination: '西双版纳傣族自治州' },
    tripChanged: { name: '阿依古丽买买提江', changes: '改为12月31日07:30发车，换53座车，车牌川H·12345A', seat: 45 },
    seatMoved: { name: '阿依古丽买买提江', date: '12月31日', time: '07:30', pickup: '喀喇沁左翼蒙古族自治县站', seat: 45, plate: '川H·12345' },
    boarded: { seat: 45 },
    boardedAlready: {},
    boardingWrongCode: {},
    boardingNoSeat: {},
    tripMissed: { name: '阿依古丽买买提江', date: '12月31日' },
    tripDeparted: { name: '阿依古丽买买提江', destination: '西双版纳傣族自治州', escort: '阿依古丽买买提 13800138000' },
    tripArrived: { name: '阿依古丽买买提江', destination: '西双版纳傣族自治州' },
    placedConfirmed: { title: '湖州吴兴区建筑工地泥瓦工长期招聘' },
    placeAsk: { name: '阿依古丽买买提江', title: '湖州吴兴区建筑工地泥瓦工长期招聘' },
    placedByLabourer: {},
    notPlaced: {},
    checkIn: { name: '阿依古丽买买提江', title: '湖州吴兴区建筑工地泥瓦工长期招聘' },
    checkInStay: {},
    checkInLeft: {},
    offerExpired: { title: '湖州吴兴区建筑工地泥瓦工长期招聘' },
    offerWithdrawn: { title: '湖州吴兴区建筑工地泥瓦工长期招聘' },
    offerExtended: { title: '湖州吴兴区建筑工地泥瓦工长期招聘', deadline: '12月31日23时' },
  };

  WORST_CASE_FOR_VARS = WORST_CASE;

  it.each(TEMPLATE_NAMES)('renders %s within one segment for the longest names', (name) => {
    const sms = renderSms(name, WORST_CASE[name] as never);
    expect(sms.body.startsWith(SIGNATURE)).toBe(true);
    expect(sms.segments).toBe(1);
  });
});

describe('bus notices never cut where to board (issue #17)', () => {
  const LONG = '喀喇沁左翼蒙古族自治县汽车客运总站'; // 17 characters
  const twelve = '喀喇沁左翼蒙古族自治县站';
  it.each(['tripBooked', 'seatMoved'] as const)('%s keeps a 12-character pickup whole in one segment, a longer one whole in two', (name) => {
    const base = { name: '阿依古丽买买提江', date: '12月31日', time: '07:30', destination: '西双版纳傣族自治州', seat: 45, plate: '川H·12345', code: '1234' };
    expect(twelve).toHaveLength(PICKUP_WHOLE);
    const one = renderSms(name, { ...base, pickup: twelve } as never);
    expect(one.body).toContain(twelve);
    expect(one.segments).toBe(1);
    const two = renderSms(name, { ...base, pickup: LONG } as never);
    expect(two.body).toContain(LONG);
    expect(two.segments).toBe(2);
  });
  it('the booking says where to board and a short destination: 在青川县汽车客运站上车，开往湖州', () => {
    const sms = renderSms('tripBooked', { name: '刘秀英', date: '12月23日', time: '07:15', pickup: '青川县汽车客运站', destination: '湖州市', seat: 3, code: '4821' });
    expect(sms.body).toBe('【春风行动】刘秀英：专车12月23日07:15在青川县汽车客运站上车，开往湖州，3号座，上车码4821。');
  });
  it('a bus change keeps the whole change', () => {
    const changes = '改为12月31日07:30发车，换53座车，车牌川H·12345A';
    expect(renderSms('tripChanged', { name: '王芳', changes, seat: 3 }).body).toContain(changes);
  });
});

describe('SMS templates as a provider with approved templates sends them', () => {
  it.each(TEMPLATE_NAMES)('fills every variable of %s from its own values, and nothing else', (name) => {
    const sms = renderSms(name, WORST_CASE_FOR_VARS[name] as never);
    expect(Object.keys(sms.vars).sort()).toEqual([...new Set(templateVariables(name))].sort());
    const filled = templateText(name).replace(/\$\{(\w+)\}/g, (_, v: string) => sms.vars[v]!);
    expect(SIGNATURE + filled).toBe(sms.body);
  });

  it('keeps the shortened values it sends, so the approved text and our log read the same', () => {
    const sms = renderSms('offerAccepted', { title: '湖州吴兴区建筑工地泥瓦工长期招聘' });
    expect(sms.vars).toEqual({ title: '湖州吴兴区建筑工地泥瓦…' });
    expect(renderSms('tripBooked', { name: '王', date: '3月5日', time: '07:30', pickup: '汽车站', destination: '湖州', seat: 3 }).vars.plate).toBe('');
  });
});
