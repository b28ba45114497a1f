// A corpus of inbound SMS as labourers type them, each with its expected parse (DESIGN §6).
import { describe, expect, it } from 'vitest';
import { placeByCode } from '../../../functions/domain/divisions.js';
import { idNumberChecksum } from '../../../functions/domain/id-number.js';
import { isSkill } from '../../../functions/domain/skills.js';
import {
  missingForRegistration,
  parseSms,
  type RegistrationFields,
  type SmsIntent,
} from '../../../functions/domain/sms/parse-sms.js';

/** 2027-02-10 in China (UTC+8): 3月5日 is this year, 2月1日 next year. */
const TODAY = new Date('2027-02-10T09:30:00+08:00');

const withCheck = (first17: string) => first17 + idNumberChecksum(first17);
const ID1 = '510822198503150018';
const ID2 = withCheck('33050219900101123');
const ID3 = withCheck('45032419920708264');
const ID_X = withCheck('51082219870610103'); // check character X
const ID_BAD_CHECKSUM = '510822198503150019';
const ID_FUTURE_BIRTH = withCheck('51082220300101001');
const ID_BAD_REGION = withCheck('99082219850315001');

type Optional = 'name' | 'idNumber' | 'invalidIdNumber' | 'expectedWage' | 'availableFrom';
/** Fields to match, and `without`: optional fields that must be absent. */
type Expected = SmsIntent | { kind: 'register' | 'fields'; fields: Partial<RegistrationFields>; without?: Optional[] };

const R = (fields: Partial<RegistrationFields>, without?: Optional[]): Expected => ({ kind: 'register', fields, ...(without ? { without } : {}) });
const F = (fields: Partial<RegistrationFields>, without?: Optional[]): Expected => ({ kind: 'fields', fields, ...(without ? { without } : {}) });
const HELP: Expected = { kind: 'help' };
const ACCEPT: Expected = { kind: 'accept' };
const DECLINE: Expected = { kind: 'decline' };
const STATUS: Expected = { kind: 'status' };
const OPT_OUT: Expected = { kind: 'optOut' };
const OPT_IN: Expected = { kind: 'optIn' };

const HUZHOU = { code: '3305', name: '湖州市' };
const DONGGUAN = { code: '4419', name: '东莞市' };
const SHENZHEN = { code: '4403', name: '深圳市' };

const CORPUS: [text: string, expected: Expected][] = [
  // ── register: the DESIGN examples and their variants ──
  [
    `报名 王立学 ${ID1} 泥瓦工 浙江湖州 4500`,
    R({ name: '王立学', idNumber: ID1, skills: ['泥瓦工'], destinations: [HUZHOU], expectedWage: 4500, localOnly: false, povertySelfDeclared: false, unrecognised: [] }),
  ],
  [
    `登记#李芳#缝纫工#广东东莞#月薪四千五#身份证${ID2}`,
    R({ name: '李芳', idNumber: ID2, skills: ['缝纫工'], destinations: [DONGGUAN], expectedWage: 4500, unrecognised: [] }),
  ],
  [`BM 王立学 ${ID1}`, R({ name: '王立学', idNumber: ID1, unrecognised: [] })],
  ['bm王立学', R({ name: '王立学', unrecognised: [] })],
  ['Bm,张伟,电焊,4500', R({ name: '张伟', skills: ['焊工'], expectedWage: 4500, unrecognised: [] })],
  [`报名王立学${ID1}泥瓦工浙江湖州4500`, R({ name: '王立学', idNumber: ID1, skills: ['泥瓦工'], destinations: [HUZHOU], expectedWage: 4500, unrecognised: [] })],
  [
    `报名：姓名王立学 身份证号码${ID1} 工种瓦工 想去浙江湖州 月薪4500元`,
    R({ name: '王立学', idNumber: ID1, skills: ['泥瓦工'], destinations: [HUZHOU], expectedWage: 4500, unrecognised: [] }),
  ],
  ['报名　王立学　５１０８２２１９８５０３１５００１８　泥瓦工', R({ name: '王立学', idNumber: ID1, skills: ['泥瓦工'], unrecognised: [] })],
  [`你好，我要报名。王立学，${ID1}`, R({ name: '王立学', idNumber: ID1, unrecognised: [] })],
  ['我想报名 李芳 缝纫 东莞', R({ name: '李芳', skills: ['缝纫工'], destinations: [DONGGUAN], unrecognised: [] })],
  [
    `登记 张建国 ${ID3} 钢筋工 架子工 广西南宁 5000`,
    R({ name: '张建国', idNumber: ID3, skills: ['钢筋工', '架子工'], destinations: [{ code: '4501', name: '南宁市' }], expectedWage: 5000 }),
  ],
  [`报名 王立学 ${ID1} 水电工`, R({ skills: ['电工', '水暖工'], unrecognised: [] })],
  ['报名 王立学 水电', R({ skills: ['水暖工', '电工'] })],
  ['报名 刘德华 木匠 杭州 6000元', R({ name: '刘德华', skills: ['木工'], destinations: [{ code: '3301', name: '杭州市' }], expectedWage: 6000 })],
  ['报名 陈红 保姆 上海 8000', R({ name: '陈红', skills: ['育婴员'], destinations: [{ code: '31', name: '上海市' }], expectedWage: 8000 })],
  ['报名 赵小兵 开车 北京 一万二', R({ name: '赵小兵', skills: ['司机'], destinations: [{ code: '11', name: '北京市' }], expectedWage: 12000 })],
  ['报名 周强 砌砖 重庆 4千5', R({ name: '周强', skills: ['泥瓦工'], destinations: [{ code: '50', name: '重庆市' }], expectedWage: 4500 })],
  ['报名 黄丽 服务员 天津 3500块', R({ name: '黄丽', skills: ['服务员'], destinations: [{ code: '12', name: '天津市' }], expectedWage: 3500 })],
  ['报名 孙大伟 货车司机 内蒙古 9000', R({ skills: ['司机'], destinations: [{ code: '15', name: '内蒙古自治区' }], expectedWage: 9000 })],
  ['报名 吴芳 电子厂 苏州 4.5k', R({ name: '吴芳', skills: ['电子装配'], destinations: [{ code: '3205', name: '苏州市' }], expectedWage: 4500 })],
  ['报名 郑海 养猪 种地 本地', R({ name: '郑海', skills: ['养殖', '种植'], localOnly: true, destinations: [] })],
  ['报名 王秀英 保洁 县内 2000 贫困户', R({ name: '王秀英', skills: ['保洁'], localOnly: true, expectedWage: 2000, povertySelfDeclared: true, unrecognised: [] })],
  ['报名 马建华 建档立卡 门卫 就近', R({ name: '马建华', skills: ['保安'], localOnly: true, povertySelfDeclared: true })],
  ['报名 欧阳娜娜 厨子 深圳 5千', R({ name: '欧阳娜娜', skills: ['厨师'], destinations: [SHENZHEN], expectedWage: 5000 })],
  ['报名 买买提·艾力 司机 新疆 6000', R({ name: '买买提·艾力', skills: ['司机'], destinations: [{ code: '65', name: '新疆维吾尔自治区' }] })],
  ['报名 阿依古丽 护理 乌鲁木齐', R({ name: '阿依古丽', skills: ['护工'], destinations: [{ code: '6501', name: '乌鲁木齐市' }] })],
  ['报名 王立学 焊接 氩弧焊 广东东莞 6500 3月5日', R({ skills: ['焊工'], destinations: [DONGGUAN], expectedWage: 6500, availableFrom: '2027-03-05' })],
  ['报名 王立学 电焊工', R({ skills: ['焊工'] })],
  ['报名 李四 小工 杂工 力工', R({ name: '李四', skills: ['普工'] })],
  ['报名 王五 快递 送货', R({ name: '王五', skills: ['快递员'] })],
  ['报名 张三 月嫂 育儿', R({ name: '张三', skills: ['育婴员'] })],
  ['报名 李娜 清洁 打扫 家政', R({ name: '李娜', skills: ['保洁'] })],
  ['报名 王立学 油漆 刷漆 装修', R({ skills: ['油漆工', '装修工'] })],
  ['报名 王立学 搬运 装卸', R({ skills: ['搬运工'] })],
  ['报名 王立学 架子 钢筋', R({ skills: ['架子工', '钢筋工'] })],
  ['报名 王立学 服务', R({ skills: ['服务员'] })],
  ['报名 王立学 流水线组装', R({ skills: ['电子装配'] })],
  ['报名 王立学 车位 裁缝', R({ skills: ['缝纫工'] })],
  ['报名 王立学 驾驶员', R({ skills: ['司机'] })],
  ['报名 王立学 炒菜 厨工', R({ skills: ['厨师'] })],
  ['报名 王立学 种田 种菜 养鸡 养牛', R({ skills: ['种植', '养殖'] })],
  ['报名 王立学 普通工', R({ skills: ['普工'] })],
  ['报名 王立学 砖工 瓦工 泥瓦工', R({ skills: ['泥瓦工'] })],
  ['报名 王立学 水暖', R({ skills: ['水暖工'] })],
  ['报名 王立学 装饰 电子', R({ skills: ['装修工', '电子装配'] })],
  ['报名', R({ skills: [], destinations: [], localOnly: false, povertySelfDeclared: false, unrecognised: [] }, ['name', 'idNumber', 'invalidIdNumber', 'expectedWage', 'availableFrom'])],
  ['登记：', R({ unrecognised: [] })],
  ['报名 不知道', R({ unrecognised: [] }, ['name'])],
  ['报名 王立学 李芳', R({ name: '王立学', unrecognised: ['李芳'] })],
  ['报名 王立学 xyz', R({ name: '王立学', unrecognised: ['XYZ'] })],
  ['报名 王立学 😀', R({ name: '王立学', unrecognised: ['😀'] })],
  ['报名 禤国强 保安', R({ name: '禤国强', skills: ['保安'] })],
  ['报名 王立学 13912345678 泥瓦工', R({ name: '王立学', skills: ['泥瓦工'], unrecognised: [] }, ['expectedWage'])],

  // ── fields: completing a draft (no keyword) ──
  ['王立学', F({ name: '王立学', unrecognised: [] })],
  [ID1, F({ idNumber: ID1, unrecognised: [] })],
  [` ${ID1} `, F({ idNumber: ID1 })],
  [ID_X.toLowerCase(), F({ idNumber: ID_X })],
  [`身份证：${ID1}`, F({ idNumber: ID1, unrecognised: [] })],
  [`身份证号是${ID2}`, F({ idNumber: ID2, unrecognised: [] })],
  ['我叫王立学', F({ name: '王立学', unrecognised: [] })],
  ['姓名：李芳', F({ name: '李芳', unrecognised: [] })],
  ['名字 张伟', F({ name: '张伟' })],
  ['我是王立学的', F({ name: '王立学', unrecognised: [] })],
  ['泥瓦工', F({ skills: ['泥瓦工'] })],
  ['4500', F({ expectedWage: 4500 })],
  ['浙江湖州', F({ destinations: [HUZHOU] })],
  ['本地', F({ localOnly: true })],
  ['家门口', F({ localOnly: true })],
  ['附近就行', F({ localOnly: true })],
  ['贫困户', F({ povertySelfDeclared: true, unrecognised: [] }, ['name'])],
  ['建档立卡户 王立学', F({ povertySelfDeclared: true, name: '王立学', unrecognised: [] })],
  [`${ID1}王立学`, F({ idNumber: ID1, name: '王立学', unrecognised: [] })],
  ['510822 19850315 0018 王立学', F({ idNumber: ID1, name: '王立学', unrecognised: [] })],
  ['王立学男45岁', F({ name: '王立学', unrecognised: [] })],
  ['张伟 男 38岁 电工', F({ name: '张伟', skills: ['电工'], unrecognised: [] })],
  ['王胜男 保洁', F({ name: '王胜男', skills: ['保洁'] })],
  ['李想 水电工', F({ name: '李想', skills: ['电工', '水暖工'] })],
  ['刘江山 木匠', F({ name: '刘江山', skills: ['木工'], destinations: [] })],
  ['王海南泥瓦工', F({ name: '王海南', skills: ['泥瓦工'], destinations: [] })],
  ['王立学会电焊', F({ name: '王立学', skills: ['焊工'], unrecognised: [] })],
  ['会开车 去湖州', F({ skills: ['司机'], destinations: [HUZHOU], unrecognised: [] })],

  // ── invalid ID numbers ──
  [ID_BAD_CHECKSUM, F({ invalidIdNumber: { text: ID_BAD_CHECKSUM, reason: 'checksum' } })],
  [`报名 王立学 ${ID_FUTURE_BIRTH}`, R({ name: '王立学', invalidIdNumber: { text: ID_FUTURE_BIRTH, reason: 'birth-date' } }, ['idNumber'])],
  [`报名 王立学 ${ID_BAD_REGION}`, R({ invalidIdNumber: { text: ID_BAD_REGION, reason: 'region' } })],
  ['报名 王立学 51082219850315001', R({ name: '王立学', invalidIdNumber: { text: '51082219850315001', reason: 'format' } })],
  ['510822850315001', F({ invalidIdNumber: { text: '510822850315001', reason: 'first-generation' } })],

  // ── wages ──
  ['4500元', F({ expectedWage: 4500, unrecognised: [] })],
  ['4500块', F({ expectedWage: 4500, unrecognised: [] })],
  ['4.5K', F({ expectedWage: 4500 })],
  ['4千5', F({ expectedWage: 4500 })],
  ['四千五', F({ expectedWage: 4500 })],
  ['四千五百元', F({ expectedWage: 4500 })],
  ['五千', F({ expectedWage: 5000 })],
  ['5千', F({ expectedWage: 5000 })],
  ['月薪四千五', F({ expectedWage: 4500, unrecognised: [] })],
  ['每月4600元', F({ expectedWage: 4600, unrecognised: [] })],
  ['一万二', F({ expectedWage: 12000 })],
  ['1.2万', F({ expectedWage: 12000 })],
  ['1.2w', F({ expectedWage: 12000 })],
  ['１２０００', F({ expectedWage: 12000 })],
  ['4500-5000', F({ expectedWage: 4500 })],
  ['4500~5000元', F({ expectedWage: 4500 })],
  ['四五千', F({ expectedWage: 4000 })],
  ['工资5000以上', F({ expectedWage: 5000, unrecognised: [] })],
  ['4500元/月', F({ expectedWage: 4500, unrecognised: [] })],
  ['两万', F({ expectedWage: 20000 })],
  ['八千八', F({ expectedWage: 8800 })],
  ['期望工资：6000', F({ expectedWage: 6000, unrecognised: [] })],
  ['五千一个月', F({ expectedWage: 5000, unrecognised: [] })],
  ['报名 王立学 300', R({ name: '王立学', unrecognised: ['300'] }, ['expectedWage'])],
  ['报名 王立学 200000', R({ name: '王立学', unrecognised: ['200000'] }, ['expectedWage'])],
  ['13912345678', HELP],

  // ── dates (today 2027-02-10) ──
  ['3月5日', F({ availableFrom: '2027-03-05' })],
  ['3月5号', F({ availableFrom: '2027-03-05' })],
  ['3.5号', F({ availableFrom: '2027-03-05' })],
  ['报名 王立学 3/5', R({ availableFrom: '2027-03-05', unrecognised: [] })],
  ['2月1日', F({ availableFrom: '2028-02-01' })],
  ['2月10日', F({ availableFrom: '2027-02-10' })],
  ['2027-03-05', F({ availableFrom: '2027-03-05' })],
  ['2027年3月5日', F({ availableFrom: '2027-03-05' })],
  ['三月五日', F({ availableFrom: '2027-03-05' })],
  ['正月十五', F({ availableFrom: '2027-02-20' })],
  ['正月初三', F({ availableFrom: '2028-01-28' })],
  ['元宵节后', F({ availableFrom: '2027-02-20', unrecognised: [] })],
  ['明天', F({ availableFrom: '2027-02-11' })],
  ['15号出发', F({ availableFrom: '2027-02-15', unrecognised: [] })],
  ['出发时间：3月5号以后', F({ availableFrom: '2027-03-05', unrecognised: [] })],
  ['2月29日', F({ availableFrom: '2028-02-29' })],
  ['3月底', F({ availableFrom: '2027-03-31' })],
  ['3/5', HELP],
  ['报名 王立学 13月5日', R({ name: '王立学', unrecognised: ['13月5日'] }, ['availableFrom'])],

  // ── places ──
  ['北京朝阳', F({ destinations: [{ code: '110105', name: '朝阳区' }] })],
  ['朝阳', F({ destinations: [{ code: '2113', name: '朝阳市' }] })],
  ['报名 王立学 通州', R({ destinations: [], unrecognised: ['通州'] })],
  ['报名 王立学 江苏 通州', R({ destinations: [{ code: '320612', name: '通州区' }], unrecognised: [] })],
  ['报名 王立学 北京通州', R({ destinations: [{ code: '110112', name: '通州区' }] })],
  ['报名 王立学 鼓楼', R({ destinations: [], unrecognised: ['鼓楼'] })],
  ['福建鼓楼', F({ destinations: [{ code: '350102', name: '鼓楼区' }] })],
  ['四川广元旺苍', F({ destinations: [{ code: '510821', name: '旺苍县' }] })],
  ['旺苍', F({ destinations: [{ code: '510821', name: '旺苍县' }] })],
  ['旺苍县', F({ destinations: [{ code: '510821', name: '旺苍县' }] })],
  ['广西', F({ destinations: [{ code: '45', name: '广西壮族自治区' }] })],
  ['内蒙', F({ destinations: [{ code: '15', name: '内蒙古自治区' }] })],
  ['恩施州', F({ destinations: [{ code: '4228', name: '恩施土家族苗族自治州' }] })],
  ['吉林', F({ destinations: [{ code: '22', name: '吉林省' }] })],
  ['吉林市', F({ destinations: [{ code: '2202', name: '吉林市' }] })],
  ['海南', F({ destinations: [{ code: '46', name: '海南省' }] })],
  ['上海浦东', F({ destinations: [{ code: '310115', name: '浦东新区' }] })],
  ['广东 深圳 东莞', F({ destinations: [SHENZHEN, DONGGUAN] })],
  ['湖州 浙江', F({ destinations: [HUZHOU] })],
  ['浙江 广东', F({ destinations: [{ code: '33', name: '浙江省' }, { code: '44', name: '广东省' }] })],
  ['想去：浙江湖州', F({ destinations: [HUZHOU], unrecognised: [] })],
  ['家住四川广元 想去浙江', F({ destinations: [{ code: '33', name: '浙江省' }], unrecognised: [] })],
  ['湖州和杭州', F({ destinations: [HUZHOU, { code: '3301', name: '杭州市' }], unrecognised: [] }, ['name'])],
  ['去东莞 深圳也行', F({ destinations: [DONGGUAN, SHENZHEN] })],

  // ── harder, chattier messages ──
  [
    '本人王立学，男，40岁，四川旺苍人，会电焊，想去广东打工，工资五千左右',
    F({ name: '王立学', skills: ['焊工'], destinations: [{ code: '44', name: '广东省' }], expectedWage: 5000, unrecognised: [] }),
  ],
  ['报名 王立学 男 1985年3月15日 电工', R({ name: '王立学', skills: ['电工'], unrecognised: [] }, ['availableFrom'])],
  ['王立学 电话：139 1234 5678 瓦工', F({ name: '王立学', skills: ['泥瓦工'], unrecognised: [] }, ['expectedWage'])],
  ['王立学 139-1234-5678', F({ name: '王立学', unrecognised: [] }, ['expectedWage'])],
  ['报名 泥瓦工 浙江 工资面议', R({ skills: ['泥瓦工'], unrecognised: [] }, ['name', 'expectedWage'])],
  ['报名 笪晓东 泥瓦工', R({ unrecognised: ['笪晓东'] }, ['name'])],
  ['姓名：笪晓东 泥瓦工', F({ name: '笪晓东', skills: ['泥瓦工'] })],
  ['笪晓东', F({ name: '笪晓东' })],
  ['姓名：黄梅 泥瓦工 江苏', F({ name: '黄梅', destinations: [{ code: '32', name: '江苏省' }] })],
  ['我是贫困户 想在本地找工作', F({ povertySelfDeclared: true, localOnly: true, unrecognised: [] }, ['name'])],
  ['王立学 四十岁', F({ name: '王立学', unrecognised: [] })],
  ['江西人 电工', F({ skills: ['电工'], destinations: [] }, ['name'])],
  ['向龙华 泥瓦工', F({ name: '向龙华', destinations: [] })],
  ['李江华缝纫工', F({ name: '李江华', skills: ['缝纫工'], destinations: [] })],
  ['2027年3月', F({ availableFrom: '2027-03-01' })],
  ['三月初', F({ availableFrom: '2027-03-01' })],
  ['报名 王立学 4500 5000', R({ expectedWage: 4500, unrecognised: ['5000'] })],
  ['会电焊和木工', F({ skills: ['焊工', '木工'], unrecognised: [] })],
  ['ＢＭ　王立学', R({ name: '王立学' })],
  ['報名 王立学', R({ name: '王立学' })],
  ['报名 王立学 4500元/月 3月5日前到岗', R({ expectedWage: 4500, availableFrom: '2027-03-05', unrecognised: [] })],
  [`换号码 ${ID1}`, { kind: 'changePhone', idNumber: ID1 }],
  ['扎西顿珠 泥瓦工 本地', F({ name: '扎西顿珠', skills: ['泥瓦工'], localOnly: true })],
  [`报名 次仁 ${ID1}`, R({ name: '次仁', idNumber: ID1 })],
  ['什么时候发车', HELP],
  ['在干嘛', HELP],
  ['BMW', HELP],
  ['晚上好', HELP],
  ['辛苦了', HELP],
  ['收到', HELP],

  // ── intents ──
  ['1', ACCEPT],
  ['１', ACCEPT],
  [' 1 ', ACCEPT],
  ['接受', ACCEPT],
  ['同意', ACCEPT],
  ['是', ACCEPT],
  ['y', ACCEPT],
  ['Yes', ACCEPT],
  ['ＹＥＳ', ACCEPT],
  ['好', ACCEPT],
  ['好的！', ACCEPT],
  ['去', ACCEPT],
  ['好的，谢谢', ACCEPT],
  ['2', DECLINE],
  ['拒绝', DECLINE],
  ['不去', DECLINE],
  ['否', DECLINE],
  ['n', DECLINE],
  ['No.', DECLINE],
  ['不要', DECLINE],
  ['查询', STATUS],
  ['cx', STATUS],
  ['ｃｘ', STATUS],
  ['状态', STATUS],
  ['进度', STATUS],
  ['退订', OPT_OUT],
  ['td', OPT_OUT],
  ['Stop', OPT_OUT],
  ['T', OPT_OUT],
  ['订阅', OPT_IN],
  ['start', OPT_IN],
  ['DY', OPT_IN],
  ['帮助', HELP],
  ['?', HELP],
  ['？', HELP],
  ['help', HELP],
  ['bz', HELP],
  ['', HELP],
  ['   ', HELP],
  ['😀😀', HELP],
  ['你好', HELP],
  ['asdfgh', HELP],
  ['。。。', HELP],
  ['不知道', HELP],
  ['好的好的', HELP],
  ['在吗', HELP],
  ['通州', HELP],
  [`换号 ${ID1}`, { kind: 'changePhone', idNumber: ID1 }],
  [`换号${ID1}`, { kind: 'changePhone', idNumber: ID1 }],
  [`换号：${ID2}`, { kind: 'changePhone', idNumber: ID2 }],
  [`换手机号 身份证${ID3}`, { kind: 'changePhone', idNumber: ID3 }],
  ['换号', { kind: 'changePhone' }],
  [`换号 ${ID_BAD_CHECKSUM}`, { kind: 'changePhone', invalidIdNumber: { text: ID_BAD_CHECKSUM, reason: 'checksum' } }],
];

describe('parseSms corpus', () => {
  it('has at least 120 messages, built on sound test IDs', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(120);
    expect(ID_X.endsWith('X')).toBe(true);
  });

  it.each(CORPUS)('%j', (text, expected) => {
    const actual = parseSms(text, TODAY);
    if (!('fields' in expected)) {
      expect(actual).toEqual(expected);
      return;
    }
    const { without = [], ...match } = expected as { without?: Optional[] } & Record<string, unknown>;
    expect(actual).toMatchObject(match);
    for (const key of without) expect((actual as { fields: RegistrationFields }).fields).not.toHaveProperty(key);
  });

  it('only ever yields well-formed fields', () => {
    for (const [text] of CORPUS) {
      const intent = parseSms(text, TODAY);
      if (intent.kind !== 'register' && intent.kind !== 'fields') continue;
      const f = intent.fields;
      expect(f.skills.every(isSkill), text).toBe(true);
      expect(new Set(f.skills).size, text).toBe(f.skills.length);
      for (const d of f.destinations) expect(placeByCode(d.code)?.code, text).toBe(d.code);
      expect(new Set(f.destinations.map((d) => d.code)).size, text).toBe(f.destinations.length);
      if (f.expectedWage !== undefined) expect(f.expectedWage >= 500 && f.expectedWage <= 100_000, text).toBe(true);
      if (f.availableFrom !== undefined) expect(f.availableFrom, text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (f.name !== undefined) expect(f.name, text).toMatch(/^[\u4e00-\u9fff·]{2,15}$/u);
    }
  });
});

describe('missingForRegistration', () => {
  it('asks for exactly what is missing', () => {
    const fields = (text: string) => {
      const intent = parseSms(text, TODAY);
      if (intent.kind !== 'register' && intent.kind !== 'fields') throw new Error(`not fields: ${text}`);
      return intent.fields;
    };
    expect(missingForRegistration(fields(`报名 王立学 ${ID1}`))).toEqual([]);
    expect(missingForRegistration(fields('报名 王立学 泥瓦工'))).toEqual(['idNumber']);
    expect(missingForRegistration(fields(`报名 ${ID1}`))).toEqual(['name']);
    expect(missingForRegistration(fields('报名'))).toEqual(['name', 'idNumber']);
    expect(missingForRegistration(fields(`报名 王立学 ${ID_BAD_CHECKSUM}`))).toEqual(['idNumber']);
  });
});

describe('today', () => {
  it('reads dates in China time, whatever the instant', () => {
    // 2027-03-05T20:00Z is already 2027-03-06 in China: 3月5日 is next year's.
    const late = new Date('2027-03-05T20:00:00Z');
    expect(parseSms('3月5日', late)).toMatchObject({ fields: { availableFrom: '2028-03-05' } });
    expect(parseSms('3月6日', late)).toMatchObject({ fields: { availableFrom: '2027-03-06' } });
  });

  it('survives an invalid Date', () => {
    expect(parseSms(`报名 王立学 ${ID1} 3月5日`, new Date(Number.NaN))).toMatchObject({ kind: 'register', fields: { name: '王立学' } });
  });
});
