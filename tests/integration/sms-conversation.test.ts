// The SMS conversation through POST /sim/sms: the deployed path (SQS record → sms-inbound handler →
// transaction → stream → notifier) on DynamoDB Local, replies returned once the outbox is flushed.
import { describe, expect, it, vi } from 'vitest';
import { logger } from '../../functions/adapters/logger.js';
import { useTestSystem } from '../helpers/local-api.js';
import { depsForTable } from '../helpers/local-table.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const COORDINATOR = 'dev:coordinator:510822';

const local = useTestSystem();
const { api } = local;

async function sms(from: string, text: string, messageId?: string) {
  const res = await api('POST', '/sim/sms', { json: { from, text, ...(messageId ? { messageId } : {}) } });
  expect(res.status).toBe(200);
  return res.body as { messageId: string; replies: { to: string; body: string }[] };
}

const bodies = (r: { replies: { body: string }[] }) => r.replies.map((x) => x.body);
const labourerByPhone = async (phone: string) =>
  (await api('GET', `/labourers?phone=${phone}`, { token: COORDINATOR })).body[0];

describe('SMS registration', () => {
  it('registers from one message, fields in any order, and the coordinator sees the labourer', async () => {
    const phone = mobilePhone();
    const id = validIdNumber();
    const answer = await sms(phone, `报名 王立学 ${id} 瓦工 浙江湖州 4500`);
    const labourer = await labourerByPhone(phone);
    expect(answer.replies).toEqual([{ to: `+86${phone}`, body: expect.stringMatching(/^【春风行动】王立学您好.*报名成功/) }]);
    expect(labourer).toMatchObject({
      name: '王立学', channel: 'sms', skills: ['泥瓦工'], expectedWage: 4500, canTravel: true,
      destinations: [{ code: '3305', name: '湖州市' }],
    });
  });

  it('asks for exactly what is missing and completes the draft with the next message', async () => {
    const phone = mobilePhone();
    const first = await sms(phone, '登记#李芳#缝纫工#广东东莞#月薪四千五');
    const second = await sms(phone, validIdNumber());
    const labourer = await labourerByPhone(phone);
    expect(bodies(first)[0]).toContain('身份证号');
    expect(bodies(first)[0]).not.toContain('姓名');
    expect(bodies(second)[0]).toMatch(/李芳您好.*报名成功/);
    expect(labourer).toMatchObject({ name: '李芳', skills: ['缝纫工'], expectedWage: 4500, destinations: [{ code: '4419' }] });
  });

  it('keeps only the hash and masked form of a draft’s ID number, and still completes the registration', async () => {
    const phone = mobilePhone();
    const first = await sms(phone, '报名 510822198503150018');
    const { data: draft } = await depsForTable(local.system.tableName).db.entities.smsDraft.get({ phone: `+86${phone}` }).go({ data: 'raw' });
    const second = await sms(phone, '王立学');
    const labourer = await labourerByPhone(phone);
    expect(bodies(first)[0]).toContain('姓名');
    const stored = JSON.stringify((draft as { Item?: unknown }).Item);
    expect(stored).toContain('510822********0018');
    expect(stored).not.toMatch(/\d{17}[\dX]/);
    expect(stored).not.toContain('19850315');
    expect(bodies(second)[0]).toMatch(/王立学您好.*报名成功/);
    expect(labourer).toMatchObject({ name: '王立学', idNumberMasked: '510822********0018', homeCounty: '510822' });
  });

  it('takes full-width digits and local-only words; 贫困户 is never a name', async () => {
    const phone = mobilePhone();
    const id = validIdNumber().replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    await sms(phone, `报名，张建国，${id}，电工，本地，贫困户，３５００元`);
    const labourer = await labourerByPhone(phone);
    expect(labourer).toMatchObject({ name: '张建国', canTravel: false, poverty: true, expectedWage: 3500 });
  });

  it('tells a bad ID number apart and keeps the rest of the draft', async () => {
    const phone = mobilePhone();
    const good = validIdNumber();
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const first = await sms(phone, `报名 周大勇 ${bad} 搬运工`);
    const second = await sms(phone, good);
    expect(bodies(first)[0]).toContain('校验位');
    expect(bodies(second)[0]).toMatch(/周大勇您好/);
    expect((await labourerByPhone(phone)).skills).toEqual(['搬运工']);
  });

  it('refuses a registered ID number from a new phone and explains 换号', async () => {
    const id = validIdNumber();
    await sms(mobilePhone(), `报名 陈强 ${id} 钢筋工`);
    const again = await sms(mobilePhone(), `报名 陈强 ${id} 钢筋工`);
    expect(bodies(again)[0]).toContain('换号');
  });

  it('handles a redelivered message once: one registration, one reply', async () => {
    const phone = mobilePhone();
    const text = `报名 黄丽 ${validIdNumber()} 电子厂 深圳 4800`;
    const first = await sms(phone, text, `dup-${phone}`);
    const again = await sms(phone, text, `dup-${phone}`);
    const log = await api('GET', `/messages?phone=${phone}`, { token: COORDINATOR });
    expect(first.replies).toHaveLength(1);
    expect(again.replies).toHaveLength(1); // the same reply, not a second one
    expect(log.body).toHaveLength(1);
  });
});

describe('SMS intents', () => {
  it('answers status, opt-out (confirmed, then silence) and opt-in', async () => {
    const phone = mobilePhone();
    await sms(phone, `报名 赵德明 ${validIdNumber()} 司机 成都 5000`);
    const status = await sms(phone, 'cx');
    const out = await sms(phone, 'TD');
    const statusWhileOut = await sms(phone, '查询');
    const back = await sms(phone, '订阅');
    const log = await api('GET', `/messages?phone=${phone}`, { token: COORDINATOR });
    expect(bodies(status)[0]).toMatch(/赵德明：已报名（青川县）/);
    expect(bodies(out)[0]).toContain('退订');
    expect(statusWhileOut.replies).toEqual([]);
    expect(bodies(back)[0]).toContain('恢复');
    expect(log.body.map((m: { status: string }) => m.status)).toContain('suppressed');
  });

  it('answers an offer reply with no open offer', async () => {
    const answer = await sms(mobilePhone(), '1');
    expect(bodies(answer)[0]).toContain('没有待答复的岗位通知');
  });

  it('answers anything it does not understand with help, never silence', async () => {
    for (const text of ['', '？', '你好在吗', '🙂🙂', 'asdf qwer']) {
      const answer = await sms(mobilePhone(), text);
      expect(bodies(answer)[0]).toContain('报名');
    }
  });

  it('registers through the web form and SMS with the same uniqueness', async () => {
    const body = registrationBody();
    await api('POST', '/labourers', { json: body, token: COORDINATOR });
    const answer = await sms(mobilePhone(), `报名 王立学 ${body.idNumber} 瓦工`);
    expect(bodies(answer)[0]).toContain('换号');
  });

  it('writes no phone number or ID number to the logs while it works', async () => {
    const lines: string[] = [];
    const capture = (chunk: unknown) => (lines.push(String(chunk)), true);
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    logger.setLogLevel('DEBUG');
    try {
      const phone = mobilePhone();
      await sms(phone, `报名 王立学 ${validIdNumber()} 瓦工 湖州 4500`);
      await sms(phone, 'CX');
      await sms(phone, '1');
    } finally {
      logger.setLogLevel('WARN');
      vi.restoreAllMocks();
    }
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  it('erases a labourer who asks twice (删除, then 确认删除), keeping only the anonymous record', async () => {
    const phone = mobilePhone();
    const id = validIdNumber();
    await sms(phone, `报名 阿依古丽 ${id} 缝纫工 东莞`);
    const labourer = await labourerByPhone(phone);
    const asked = await sms(phone, '删除');
    const done = await sms(phone, '确认删除');
    const after = await api('GET', `/labourers/${labourer.id}`, { token: COORDINATOR });
    const log = await api('GET', `/messages?phone=${phone}`, { token: COORDINATOR });
    const again = await sms(phone, `报名 阿依古丽 ${id} 缝纫工 东莞`);
    expect(bodies(asked)[0]).toContain('确认删除');
    expect(bodies(done)[0]).toContain('已删除');
    expect(after.body).toMatchObject({ name: '（已删除）', phone: '', idNumberMasked: '*'.repeat(18), status: 'inactive', homeCounty: '510822', skills: ['缝纫工'] });
    expect(JSON.stringify(log.body)).not.toContain('阿依古丽');
    expect(bodies(again)[0]).toContain('报名成功');
  });

  it('does not erase on 确认删除 alone', async () => {
    const phone = mobilePhone();
    await sms(phone, `报名 周大勇 ${validIdNumber()} 搬运工`);
    const answer = await sms(phone, '确认删除');
    expect(bodies(answer)[0]).toContain('确认请回复');
    expect((await labourerByPhone(phone)).name).toBe('周大勇');
  });

  it('refuses a malformed simulator request with 400', async () => {
    const res = await api('POST', '/sim/sms', { json: { text: 'cx' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('from');
  });
});
