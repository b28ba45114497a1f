// The coordinator's person workspace through the HTTP contract: search (name, phone digits, ID number,
// registration code), PATCH /labourers/{id} with its audit entry, GET /audit, and a person's history
// with both directions of SMS — each within the county's scope.
import { maskIdNumber } from '../../functions/domain/id-number.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const COORDINATOR = 'dev:coordinator:510822';
const OTHER = 'dev:coordinator:510821';
const ADMIN = 'dev:admin:all';
const CODE = /^[A-HJKMNP-Z][2-9A-HJKMNP-Z]{7}$/;

const local = useTestSystem();
const { api } = local;

async function register(overrides: Record<string, unknown> = {}, token = COORDINATOR) {
  const body = registrationBody(overrides);
  const res = await api('POST', '/labourers', { json: body, token });
  expect(res.status).toBe(201);
  return { ...body, id: res.body.id as string, registrationCode: res.body.registrationCode as string };
}

const search = (q: string, token = COORDINATOR, extra = '') => api('GET', `/labourers?q=${encodeURIComponent(q)}${extra}`, { token });
const names = (res: { body: { name: string }[] }) => res.body.map((l) => l.name).sort();

describe('registration code', () => {
  it('is answered on registration, shown on the labourer and sent in the welcome SMS', async () => {
    const labourer = await register({ name: '司马光' });
    const read = await api('GET', `/labourers/${labourer.id}`, { token: COORDINATOR });
    await local.system.flushOutbox();
    const sms = await api('GET', `/messages?phone=${labourer.phone}`, { token: COORDINATOR });
    expect(labourer.registrationCode).toMatch(CODE);
    expect(read.body.registrationCode).toBe(labourer.registrationCode);
    expect(sms.body.find((m: { template: string }) => m.template === 'registered').body).toContain(`报名码${labourer.registrationCode}`);
  });
});

describe('GET /labourers?q=', () => {
  const people: Record<string, Awaited<ReturnType<typeof register>>> = {};
  beforeAll(async () => {
    people.a = await register({ name: '欧阳明' });
    people.b = await register({ name: '欧阳华' });
    people.c = await register({ name: '诸葛亮' });
    // Another county's resident, registered by an admin.
    people.far = await register({ name: '欧阳锋', idNumber: validIdNumber('510821') }, ADMIN);
  });

  it('finds names of the county by their start', async () => {
    expect(names(await search('欧阳'))).toEqual(['欧阳华', '欧阳明']);
    expect(names(await search('欧阳明'))).toEqual(['欧阳明']);
    expect(names(await search('欧阳', OTHER))).toEqual(['欧阳锋']);
  });

  it('pages a name search with x-next-cursor', async () => {
    const first = await search('欧阳', COORDINATOR, '&limit=1');
    const second = await search('欧阳', COORDINATOR, `&limit=1&cursor=${first.headers.get('x-next-cursor')}`);
    expect(first.body).toHaveLength(1);
    expect([...names(first), ...names(second)].sort()).toEqual(['欧阳华', '欧阳明']);
  });

  it('finds a phone by its last digits or its first digits, and by the whole number', async () => {
    const phone = people.a!.phone;
    expect(names(await search(phone.slice(-4)))).toContain('欧阳明');
    expect(names(await search(phone.slice(-6)))).toEqual(['欧阳明']);
    expect(names(await search(`${phone.slice(0, 3)} ${phone.slice(3, 9)}`))).toContain('欧阳明');
    expect(names(await search(phone))).toEqual(['欧阳明']);
    // The exact ?phone= lookup still works.
    expect(names(await api('GET', `/labourers?phone=${phone}`, { token: COORDINATOR }))).toEqual(['欧阳明']);
  });

  it('finds an ID number exactly and a registration code in any case, only inside the caller’s county', async () => {
    expect(names(await search(people.b!.idNumber))).toEqual(['欧阳华']);
    expect(names(await search(people.b!.registrationCode.toLowerCase()))).toEqual(['欧阳华']);
    expect((await search(people.b!.idNumber, OTHER)).body).toEqual([]);
    expect((await search(people.b!.registrationCode, OTHER)).body).toEqual([]);
    // An admin looks an exact key up in every county.
    expect(names(await search(people.far!.idNumber, ADMIN))).toEqual(['欧阳锋']);
  });

  it('answers in Chinese when the query cannot be searched', async () => {
    const short = await search('12');
    const adminByName = await search('欧阳', ADMIN);
    const otherCounty = await search('欧阳', OTHER, '&county=510822');
    expect(short.status).toBe(400);
    expect(short.body.error.details[0]).toEqual({ path: 'q', message: '按手机号查找请至少输入 4 位数字' });
    expect(adminByName.status).toBe(400);
    expect(adminByName.body.error.details[0].path).toBe('county');
    expect(otherCounty.status).toBe(403);
  });
});

describe('PATCH /labourers/{id}', () => {
  it('changes the phone and details in one go, tells both phones, and audits before → after', async () => {
    const labourer = await register({ name: '黄忠' });
    const newPhone = mobilePhone();
    const res = await api('PATCH', `/labourers/${labourer.id}`, {
      token: COORDINATOR,
      json: { phone: newPhone, skills: ['焊工'], poverty: true, pickup: { code: '510822001', name: '乔庄镇客运站' }, canTravel: false },
    });
    await local.system.flushOutbox();
    const [oldMessages, newMessages, byOldPhone, byNewPhone, audit] = await Promise.all([
      api('GET', `/messages?phone=${labourer.phone}`, { token: COORDINATOR }),
      api('GET', `/messages?phone=${newPhone}`, { token: COORDINATOR }),
      api('GET', `/labourers?phone=${labourer.phone}`, { token: COORDINATOR }),
      api('GET', `/labourers?phone=${newPhone}`, { token: COORDINATOR }),
      api('GET', `/audit?target=labourer:${labourer.id}`, { token: COORDINATOR }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: labourer.id,
      phone: `+86${newPhone}`,
      skills: ['焊工'],
      poverty: true,
      povertySource: 'coordinator',
      pickup: { code: '510822001', name: '乔庄镇客运站' },
      canTravel: false,
    });
    expect(oldMessages.body.map((m: { template: string }) => m.template)).toContain('phoneMovedAway');
    expect(newMessages.body.map((m: { template: string }) => m.template)).toContain('phoneChanged');
    expect(byOldPhone.body).toEqual([]);
    expect(byNewPhone.body[0].id).toBe(labourer.id);
    expect(audit.body[0]).toEqual({
      at: expect.any(String),
      actor: 'coordinator:510822',
      action: 'labourer.update',
      target: `labourer:${labourer.id}`,
      before: { phone: `+86${labourer.phone}`, skills: ['泥瓦工'], canTravel: true, pickup: null, poverty: false, povertySource: null },
      after: { phone: `+86${newPhone}`, skills: ['焊工'], canTravel: false, pickup: { code: '510822001', name: '乔庄镇客运站' }, poverty: true, povertySource: 'coordinator' },
    });
  });

  it('refuses another county, a taken phone, unknown fields and bad values, in Chinese', async () => {
    const labourer = await register();
    const other = await register();
    const [forbidden, taken, identity, badSkill, empty] = await Promise.all([
      api('PATCH', `/labourers/${labourer.id}`, { token: OTHER, json: { expectedWage: 5000 } }),
      api('PATCH', `/labourers/${labourer.id}`, { token: COORDINATOR, json: { phone: other.phone } }),
      api('PATCH', `/labourers/${labourer.id}`, { token: COORDINATOR, json: { name: '改名' } }),
      api('PATCH', `/labourers/${labourer.id}`, { token: COORDINATOR, json: { skills: ['宇航员'] } }),
      api('PATCH', `/labourers/${labourer.id}`, { token: COORDINATOR, json: {} }),
    ]);
    expect(forbidden.status).toBe(403);
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual([{ path: 'phone', message: '该手机号码已经被登记' }]);
    for (const bad of [identity, badSkill, empty]) {
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const audit = await api('GET', `/audit?target=labourer:${labourer.id}`, { token: COORDINATOR });
    expect(audit.body.filter((e: { action: string }) => e.action === 'labourer.update')).toEqual([]);
  });
});

describe('GET /audit', () => {
  it('lists the county’s staff writes newest first: assisted registrations (ID masked), 换号 decisions, poverty imports', async () => {
    const labourer = await register({ name: '马超' });
    const newPhone = mobilePhone();
    await api('POST', '/sim/sms', { json: { from: newPhone, text: `换号 ${labourer.idNumber}` } });
    await api('POST', `/phone-changes/${labourer.id}/approve`, { token: COORDINATOR });
    await api('POST', '/labourers/poverty-import', { token: COORDINATOR, body: `idNumber\n${labourer.idNumber}\n`, contentType: 'text/csv' });

    const trail = await api('GET', '/audit?county=510822', { token: COORDINATOR });
    const mine = await api('GET', `/audit?target=labourer:${labourer.id}`, { token: COORDINATOR });
    const refused = await api('GET', '/audit?county=510822', { token: OTHER });
    const asAdmin = await api('GET', `/audit?target=labourer:${labourer.id}`, { token: ADMIN });

    expect(trail.status).toBe(200);
    expect(trail.body.slice(0, 3).map((e: { action: string }) => e.action)).toEqual(['povertyImport', 'phoneChange.approve', 'labourer.register']);
    expect(trail.body[0]).toMatchObject({ actor: 'coordinator:510822', target: 'county:510822', after: { matched: 1, unmatched: 0, notResident: 0 } });
    const at = trail.body.map((e: { at: string }) => e.at);
    expect([...at].sort().reverse()).toEqual(at);
    expect(mine.body.map((e: { action: string }) => e.action)).toEqual(['phoneChange.approve', 'labourer.register']);
    expect(mine.body[0]).toMatchObject({ actor: 'coordinator:510822', before: { phone: `+86${labourer.phone}` }, after: { phone: `+86${newPhone}` } });
    const registered = mine.body[1];
    expect(registered.after.idNumberMasked).toBe(`${labourer.idNumber.slice(0, 6)}********${labourer.idNumber.slice(-4)}`);
    expect(JSON.stringify(mine.body)).not.toContain(labourer.idNumber);
    expect(JSON.stringify(mine.body)).not.toMatch(/idHash/);
    expect(refused.status).toBe(403);
    expect(asAdmin.body).toEqual(mine.body);
  });
});

describe('GET /labourers/{id}/history', () => {
  it('shows both directions of SMS with Chinese template names, and the events, oldest first, on every phone the labourer had', async () => {
    const phone = mobilePhone();
    const idNumber = validIdNumber();
    await api('POST', '/sim/sms', { json: { from: phone, text: `报名 张飞 ${idNumber} 瓦工 湖州 4500` } });
    await api('POST', '/sim/sms', { json: { from: phone, text: 'CX' } });
    const [found] = (await search(idNumber)).body;
    const newPhone = mobilePhone();
    await api('PATCH', `/labourers/${found.id}`, { token: COORDINATOR, json: { phone: newPhone } });
    await api('POST', '/sim/sms', { json: { from: newPhone, text: 'CX' } });

    const res = await api('GET', `/labourers/${found.id}/history`, { token: COORDINATOR });
    const other = await api('GET', `/labourers/${found.id}/history`, { token: OTHER });

    expect(res.status).toBe(200);
    const entries = res.body as { at: string; kind: string; text?: string; templateName?: string; actor?: string; phone?: string }[];
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());
    const inbound = entries.filter((e) => e.kind === 'inbound');
    // Kept with the ID number masked: never the whole number in a conversation.
    expect(inbound.map((e) => e.text)).toEqual([`报名 张飞 ${maskIdNumber(idNumber)} 瓦工 湖州 4500`, 'CX', 'CX']);
    expect(inbound.map((e) => e.phone)).toEqual([`+86${phone}`, `+86${phone}`, `+86${newPhone}`]);
    const outbound = entries.filter((e) => e.kind === 'outbound');
    // The old phone until the move (its notice included), then the new one.
    expect(outbound.map((e) => e.templateName)).toEqual(['报名成功', '报名状态查询', '报名已转到新号码', '换号完成', '报名状态查询']);
    expect(entries.find((e) => e.kind === 'event' && e.text === '短信报名')).toBeDefined();
    expect(entries.find((e) => e.kind === 'event' && e.actor === 'coordinator:510822')).toMatchObject({ text: '修改资料' });
    expect(other.status).toBe(403);
  });

  it('loses the conversation when the labourer erases themselves (删除, 确认删除)', async () => {
    const phone = mobilePhone();
    const idNumber = validIdNumber();
    await api('POST', '/sim/sms', { json: { from: phone, text: `报名 关羽 ${idNumber} 瓦工 湖州 4500` } });
    const [found] = (await search(idNumber)).body;
    await api('POST', '/sim/sms', { json: { from: phone, text: '删除' } });
    await api('POST', '/sim/sms', { json: { from: phone, text: '确认删除' } });
    const res = await api('GET', `/labourers/${found.id}/history`, { token: COORDINATOR });
    const texts = res.body.filter((e: { kind: string }) => e.kind !== 'event').map((e: { text: string }) => e.text);
    expect(texts.join('')).not.toContain('关羽');
    expect(texts.join('')).not.toContain(idNumber);
    expect((await search(found.registrationCode)).body).toEqual([]);
  });
});
