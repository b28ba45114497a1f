// Messages typed after county registration forms, through the phone simulator, and the replies that know
// where a person stands — on DynamoDB Local, through the deployed path (POST /sim/sms).
import { describe, expect, it } from 'vitest';
import { parseSms } from '../../functions/domain/sms/parse-sms.js';
import { handleInboundSms } from '../../functions/services/conversation/handle-inbound-sms.js';
import { useTestSystem } from '../helpers/local-api.js';
import { depsForTable } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';
import { FORMS as CORPUS_FORMS } from '../unit/sms/county-forms.js';

const local = useTestSystem();
const { api } = local;

async function sms(from: string, text: string) {
  const res = await api('POST', '/sim/sms', { json: { from, text } });
  expect(res.status).toBe(200);
  return (res.body.replies as { to: string; body: string }[]).map((r) => r.body);
}

const labourerByPhone = async (phone: string, county: string) =>
  (await api('GET', `/labourers?phone=${phone}`, { token: `dev:coordinator:${county}` })).body[0];

const messagesOf = async (phone: string, county: string) =>
  (await api('GET', `/messages?phone=${phone}`, { token: `dev:coordinator:${county}` })).body as { template: string; status: string; body: string }[];

const P = (code: string, name: string) => ({ code, name });

/** `$ID` is replaced by a fresh ID number of `county`. */
const FORMS: { county: string; text: string; expected: Record<string, unknown>; reply?: RegExp }[] = [
  {
    county: '411525',
    text: '姓名：张建设 身份证号：$ID 出发地点+目的地点：固始县+江苏苏州 务工单位：苏州华丰电子有限公司 工种：普工 返岗时间：3月18日',
    expected: { name: '张建设', homeCounty: '411525', pickup: P('411525', '固始县'), destinations: [P('3205', '苏州市')], skills: ['普工'] },
  },
  {
    county: '430529',
    text: '姓名：杨秀英 身份证号码：$ID 家庭住址：儒林镇楠木村二组 务工地点：广东东莞 工种：缝纫工 是否建档立卡贫困户：是 返岗时间：3月16日',
    expected: { name: '杨秀英', destinations: [P('4419', '东莞市')], skills: ['缝纫工'], poverty: true },
  },
  {
    county: '430529',
    text: '姓名：蓝海波 身份证号码：$ID 家庭住址：城步县丹口镇 务工地点：深圳 工种：普工 是否建档立卡贫困户：否',
    expected: { name: '蓝海波', destinations: [P('4403', '深圳市')], poverty: false },
  },
  {
    county: '511722',
    text: '报名 冉启华 $ID 住址宣汉县 在外工作地址 上海市松江区东明路88号 工种 装修 一天500',
    expected: { name: '冉启华', destinations: [P('310117', '松江区')], skills: ['装修工'], expectedWage: 13000 },
    reply: /日薪500元按26天折月薪13000元/,
  },
  {
    county: '511722',
    text: '姓名：唐文斌 身份证号：$ID 户籍地：四川宣汉 离常时间：1月20日 出行目的地：四川宣汉 返常时间：3月22日 工作单位：常州天合光能',
    expected: { name: '唐文斌', destinations: [P('3204', '常州市')] },
  },
  {
    county: '522630',
    text: '报名 邰昌明 男 苗族 $ID 台江上车 广东佛山 钢筋工 日工资400',
    expected: { name: '邰昌明', pickup: P('522630', '台江县'), destinations: [P('4406', '佛山市')], skills: ['钢筋工'], expectedWage: 10400 },
  },
  {
    county: '500241',
    text: '姓名：田茂林 身份证号码：$ID 户籍所在地：秀山县清溪场镇 务工地点：浙江宁波 拟从事工种：电工 期望薪资：6500 上车点：秀山汽车站',
    expected: { name: '田茂林', destinations: [P('3302', '宁波市')], skills: ['电工'], expectedWage: 6500, pickup: P('500241', '秀山土家族苗族自治县') },
  },
  {
    county: '530381',
    text: '报名 徐丽芬 $ID 宣威市富牛镇玉龙村 去江苏昆山 电子装配 4千五',
    expected: { name: '徐丽芬', destinations: [P('320583', '昆山市')], skills: ['电子装配'], expectedWage: 4500 },
  },
  {
    county: '511421',
    text: '报名 杜小红 $ID 乘车点 仁寿县城 务工地点 成都 保洁 兩千六',
    expected: { name: '杜小红', pickup: P('511421', '仁寿县'), destinations: [P('5101', '成都市')], skills: ['保洁'], expectedWage: 2600 },
  },
  {
    county: '411522',
    text: '报名 郑卫东 $ID 从光山出发到浙江义乌 普工 万把块',
    expected: { name: '郑卫东', pickup: P('411522', '光山县'), destinations: [P('330782', '义乌市')], expectedWage: 10000 },
  },
];

describe('registration forms through the phone simulator', () => {
  it.each(FORMS)('$text', async ({ county, text, expected, reply }) => {
    const phone = mobilePhone();
    const message = text.replace('$ID', validIdNumber(county));
    const replies = await sms(phone, message);
    const labourer = await labourerByPhone(phone, county);
    expect(replies[0]).toMatch(/报名成功/);
    if (reply) expect(replies[0]).toMatch(reply);
    // The date as the grammar reads it today (its corpus pins dates against a fixed day).
    const parsed = parseSms(message, new Date());
    const availableFrom = 'fields' in parsed ? parsed.fields.availableFrom : undefined;
    expect(labourer).toMatchObject({ homeCounty: county, channel: 'sms', ...expected, ...(availableFrom ? { availableFrom } : {}) });
    if (!('pickup' in expected)) expect(labourer).not.toHaveProperty('pickup');
  });

  // Every form message of the unit corpus that carries a name and a resident ID number (a fresh one of the
  // same county): registered with each field as the grammar read it.
  // (Permits and foreign numbers, which need their county first, are the test after this one.)
  const complete = CORPUS_FORMS.filter(([text, expected]) => expected.name !== undefined && !expected.invalidIdNumber && /(?<!\d)[1-6]\d{16}[\dX]/.test(text));
  it.each(complete)('corpus: %s', async (text) => {
    const fixed = /\d{17}[\dX]/.exec(text)?.[0];
    if (!fixed) return;
    const county = fixed.slice(0, 6);
    const phone = mobilePhone();
    const message = text.replaceAll(fixed, validIdNumber(county));
    const replies = await sms(phone, message);
    const parsed = parseSms(message, new Date());
    if (parsed.kind !== 'register' && parsed.kind !== 'fields') throw new Error(`not a registration: ${message}`);
    const f = parsed.fields;
    expect(replies[0], message).toMatch(/报名成功/);
    if (f.dailyWage !== undefined) expect(replies[0]).toContain(`日薪${f.dailyWage}元`);
    const labourer = await labourerByPhone(phone, county);
    expect(labourer, message).toMatchObject({
      name: f.name,
      homeCounty: county,
      skills: f.skills.length > 0 ? f.skills : ['普工'],
      destinations: f.destinations,
      expectedWage: f.expectedWage ?? 0,
      canTravel: !f.localOnly,
      poverty: f.povertySelfDeclared,
      ...(f.availableFrom ? { availableFrom: f.availableFrom } : {}),
      ...(f.pickup ? { pickup: f.pickup } : {}),
    });
    if (!f.pickup) expect(labourer).not.toHaveProperty('pickup');
  });

  it('never keeps the own county as a destination, even when the ID number comes in a later message', async () => {
    const phone = mobilePhone();
    await sms(phone, '报名 王五 宣汉 广州 普工');
    const done = await sms(phone, validIdNumber('511722'));
    expect(done[0]).toMatch(/王五您好.*报名成功/);
    expect(await labourerByPhone(phone, '511722')).toMatchObject({ homeCounty: '511722', destinations: [P('4401', '广州市')] });
  });

  it('asks for the 18-digit number when a 15-digit one comes, and refuses a region never assigned', async () => {
    const old = await sms(mobilePhone(), '报名 王立新 510822850315001 瓦工 湖州');
    const fake = await sms(mobilePhone(), `报名 王假 ${validIdNumber('111111')} 普工`);
    expect(old[0]).toMatch(/15位老号码.*18位/);
    expect(fake[0]).toMatch(/地区码不存在/);
  });

  it('registers a Hong Kong residence permit in the county its holder names, and asks for it otherwise', async () => {
    const permit = validIdNumber('810000');
    const phone = mobilePhone();
    const asked = await sms(phone, `报名 陈家豪 ${permit} 厨师 深圳`);
    const done = await sms(phone, '现住青川县');
    expect(asked[0]).toMatch(/现住的县/);
    expect(done[0]).toMatch(/陈家豪您好.*报名成功/);
    expect(await labourerByPhone(phone, '510822')).toMatchObject({ name: '陈家豪', homeCounty: '510822', destinations: [P('4403', '深圳市')] });
  });
});

describe('two messages from one phone at the same moment', () => {
  it('never loses a field: the draft write is conditional and the loser decides again', async () => {
    const deps = depsForTable(local.system.tableName);
    const phones = Array.from({ length: 4 }, () => mobilePhone());
    await Promise.all(
      phones.flatMap((phone, i) => [
        handleInboundSms(deps, { from: phone, text: '登记#李芳#缝纫工#广东东莞#月薪四千五', inboundMessageId: `race-a-${phone}-${i}` }),
        handleInboundSms(deps, { from: phone, text: validIdNumber(), inboundMessageId: `race-b-${phone}-${i}` }),
      ]),
    );
    for (const phone of phones) {
      expect(await labourerByPhone(phone, '510822')).toMatchObject({ name: '李芳', skills: ['缝纫工'], expectedWage: 4500, destinations: [P('4419', '东莞市')] });
    }
  });
});

describe('replies that know where the person stands', () => {
  async function offered(county: string) {
    const phone = mobilePhone();
    await sms(phone, `报名 王立学 ${validIdNumber(county)} 瓦工 浙江湖州 4500`);
    const job = await api('POST', '/vacancies', {
      token: 'dev:employer:huzhou-build',
      json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 1, monthlyWage: 6000, startDate: '2099-03-01' },
    });
    expect(job.status).toBe(201);
    await api('POST', '/matching/runs', { token: `dev:coordinator:${county}`, json: { county } });
    expect((await labourerByPhone(phone, county)).status).toBe('offered');
    return phone;
  }

  it('takes an answer inside a sentence while an offer is pending', async () => {
    const yes = await offered('511002');
    const no = await offered('511011');
    const accepted = await sms(yes, '好的 1');
    const declined = await sms(no, '家里有事，去不了');
    expect(accepted[0]).toMatch(/已确认您接受/);
    expect(declined[0]).toMatch(/您拒绝了这个岗位/);
    expect((await labourerByPhone(yes, '511002')).status).toBe('accepted');
  });

  it('answers a registered person\'s question with their status, and 帮助 with the how-to', async () => {
    const phone = mobilePhone();
    await sms(phone, `报名 李四 ${validIdNumber('510822')} 普工 湖州`);
    const question = await sms(phone, '什么时候有工作');
    const help = await sms(phone, '帮助');
    expect(question[0]).toMatch(/李四：已报名（青川县），正在为您匹配岗位/);
    expect(help[0]).toMatch(/报名请回复/);
  });

  it('repeats the departure date, time, place and seat on CX once a seat is booked', async () => {
    const county = '510821';
    const phone = await offered(county);
    await sms(phone, '接受');
    const token = `dev:coordinator:${county}`;
    const plan = await api('POST', '/trips/plan', { token, json: { county } });
    const trip = plan.body.trips?.[0] ?? plan.body[0];
    expect((await api('POST', `/trips/${trip.id}/book`, { token })).status).toBe(200);
    const status = await sms(phone, 'CX');
    expect(status[0]).toMatch(/已安排专车，\d+月\d+日.+在.+上车，1号座/);
  });
});

describe('opt-out belongs to the number', () => {
  it('after TD and 换号, the new phone hears the move and the opted-out old phone does not', async () => {
    const oldPhone = mobilePhone();
    const newPhone = mobilePhone();
    const id = validIdNumber('510822');
    await sms(oldPhone, `报名 赵敏 ${id} 保洁 湖州`);
    await sms(oldPhone, 'TD');
    await sms(newPhone, `换号 ${id}`);
    await sms(oldPhone, '1');
    const toNew = await messagesOf(newPhone, '510822');
    const toOld = await messagesOf(oldPhone, '510822');
    expect(toNew.find((m) => m.template === 'phoneChanged')?.status).toBe('sent');
    expect(toOld.find((m) => m.template === 'phoneMovedAway')?.status).toBe('suppressed');
    expect(toOld.find((m) => m.template === 'changePhoneConfirm')?.status).toBe('sent');
    expect(await labourerByPhone(newPhone, '510822')).toMatchObject({ optedOut: false });
  });

  it('a number that opted out gets nothing even with no registration, and 订阅 lifts it', async () => {
    const phone = mobilePhone();
    await sms(phone, 'TD');
    expect(await sms(phone, '你好')).toEqual([]);
    expect((await sms(phone, '订阅'))[0]).toMatch(/已恢复/);
    expect((await sms(phone, '你好'))[0]).toMatch(/报名请回复/);
  });
});
