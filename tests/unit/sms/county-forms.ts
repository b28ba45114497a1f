// Messages typed after the registration forms counties published for 春风行动 / 返岗 in 2020–2022, each with
// its expected fields. The forms' field labels as labourers copy them into an SMS:
//   Henan 点对点返岗专列 (固始, 光山, 商城): 姓名 身份证号 联系电话 出发地点 目的地点 务工单位 工种 返岗时间
//   湖南 城步: 姓名 身份证号码 家庭住址(乡镇、村) 务工地点 务工单位 工种 是否建档立卡贫困户 返岗时间
//   云南 宣威: 姓名 身份证号 户籍地址 联系电话 务工地 务工单位 返岗时间 是否建档立卡贫困户
//   江苏 常州 返常直报: 姓名 身份证号 手机 户籍地 离常时间 出行目的地 返常时间 工作单位
//   四川 宣汉: 姓名 身份证号 住址(镇村组) 在外工作单位 在外工作地址 从事工种 月收入 返岗日期 乘车点
//   贵州 台江: 姓名 性别 民族 身份证号 家庭住址 务工地点 工种 工资(日薪) 上车点
//   四川 仁寿: 姓名 身份证 联系电话 村(社区) 务工地点 务工单位 工种 返岗时间
//   重庆 秀山: 姓名 身份证号码 户籍所在地 务工地点 拟从事工种 期望薪资 上车点 是否脱贫户
// Places have roles: only where someone wants to work is a destination (home, pickup and via are kept apart).
import { idNumberChecksum } from '../../../functions/domain/id-number.js';
import type { RegistrationFields } from '../../../functions/domain/sms/parse-sms.js';

/** 2027-02-10 in China: 2月18日 is this year; 正月十六 is 2027-02-21 (春节 2027-02-06). */
export const TODAY = new Date('2027-02-10T09:30:00+08:00');

const id = (first17: string) => first17 + idNumberChecksum(first17);
const GUSHI = id('41152519880312051');
const GUANGSHAN = id('41152219910405002');
const SHANGCHENG = id('41152419790921003');
const CHENGBU = id('43052919850616004');
const XUANWEI = id('53038119900228005');
const XUANHAN = id('51172219821111006');
const TAIJIANG = id('52263019950701007');
const RENSHOU = id('51142119871203008');
const XIUSHAN = id('50024119930519009');
const HK_PERMIT = id('81000019900101002');
const FOREIGN = id('93115619880808003');

const P = (code: string, name: string) => ({ code, name });
const NINGBO = P('3302', '宁波市');
const SUZHOU = P('3205', '苏州市');
const DONGGUAN = P('4419', '东莞市');
const SHANGHAI = P('31', '上海市');
const SONGJIANG = P('310117', '松江区');
const HUZHOU = P('3305', '湖州市');
const KUNSHAN = P('320583', '昆山市');
const CHANGZHOU = P('3204', '常州市');
const HANGZHOU = P('3301', '杭州市');
const YIWU = P('330782', '义乌市');
const SHENZHEN = P('4403', '深圳市');
const GUANGZHOU = P('4401', '广州市');
const FOSHAN = P('4406', '佛山市');
const XIAMEN = P('3502', '厦门市');
const JINJIANG = P('350582', '晋江市');
const ZHONGSHAN = P('4420', '中山市');
const WUJIN = P('320412', '武进区');
const WENZHOU = P('3303', '温州市');
const CHENGDU = P('5101', '成都市');
const BEIJING = P('11', '北京市');

const C_GUSHI = P('411525', '固始县');
const C_GUANGSHAN = P('411522', '光山县');
const C_SHANGCHENG = P('411524', '商城县');
const C_CHENGBU = P('430529', '城步苗族自治县');
const C_XUANWEI = P('530381', '宣威市');
const C_XUANHAN = P('511722', '宣汉县');
const C_TAIJIANG = P('522630', '台江县');
const C_RENSHOU = P('511421', '仁寿县');
const C_XIUSHAN = P('500241', '秀山土家族苗族自治县');

/** `kind`: register (报名 …) or fields (a form copied without the keyword) by default. */
export type Expected = Partial<RegistrationFields> & { kind?: 'register' | 'fields' | 'help'; absent?: (keyof RegistrationFields)[] };

export const FORMS: [text: string, expected: Expected][] = [
  // ── Henan 点对点返岗专列: 出发地点 + 目的地点, the first place boards ──
  [`姓名：张建设 身份证号：${GUSHI} 联系电话：13837612345 出发地点+目的地点：固始县+江苏苏州 务工单位：苏州华丰电子有限公司 工种：普工 返岗时间：2月18日`,
    { name: '张建设', idNumber: GUSHI, pickup: C_GUSHI, destinations: [SUZHOU], skills: ['普工'], availableFrom: '2027-02-18', unrecognised: [] }],
  [`报名 姓名:李秀兰 身份证号:${GUANGSHAN} 出发地点:光山县 目的地点:浙江宁波 务工单位:宁波舜宇光电 工种:电子装配 返岗时间:2月20日`,
    { name: '李秀兰', pickup: C_GUANGSHAN, destinations: [NINGBO], skills: ['电子装配'], availableFrom: '2027-02-20' }],
  [`报名#王国庆#${SHANGCHENG}#出发地点商城县#目的地点上海松江#工种钢筋工#返岗时间正月十六`,
    { name: '王国庆', pickup: C_SHANGCHENG, destinations: [SONGJIANG], skills: ['钢筋工'], availableFrom: '2027-02-21' }],
  [`登记 陈大勇 ${GUSHI} 出发地点 固始 目的地点 东莞长安 工种 注塑 返岗时间 2月25日`,
    { name: '陈大勇', pickup: C_GUSHI, destinations: [DONGGUAN], availableFrom: '2027-02-25' }],
  [`姓名 刘桂芝 身份证 ${GUANGSHAN} 出发地点及目的地点 光山-苏州 工种 缝纫 返岗时间 2.22号`,
    { name: '刘桂芝', pickup: C_GUANGSHAN, destinations: [SUZHOU], skills: ['缝纫工'], availableFrom: '2027-02-22' }],
  [`报名 周海军 ${SHANGCHENG} 出发地：商城县汽车站 目的地：北京 工种：架子工 返岗时间：3月1日`,
    { name: '周海军', pickup: C_SHANGCHENG, destinations: [BEIJING], skills: ['架子工'], availableFrom: '2027-03-01' }],
  [`报名 孙玉梅 ${GUSHI} 固始上车 去苏州昆山 电子厂 4千五`,
    { name: '孙玉梅', pickup: C_GUSHI, destinations: [KUNSHAN], skills: ['电子装配'], expectedWage: 4500 }],
  [`报名 郑卫东 ${GUANGSHAN} 从光山出发到浙江义乌 普工 四千5`,
    { name: '郑卫东', pickup: C_GUANGSHAN, destinations: [YIWU], expectedWage: 4500 }],
  [`报名 赵红霞 ${SHANGCHENG} 上车点 商城 下车点 杭州 保洁 3500`,
    { name: '赵红霞', pickup: C_SHANGCHENG, destinations: [HANGZHOU], skills: ['保洁'], expectedWage: 3500 }],
  [`报名 吴长江 ${GUSHI} 固始出发 途经郑州 到广东深圳 电工 6000`,
    { name: '吴长江', pickup: C_GUSHI, destinations: [SHENZHEN], skills: ['电工'], expectedWage: 6000 }],
  [`报名 冯小燕 ${GUANGSHAN} 经过武汉 中转长沙 去广州 服务员 兩千六`,
    { name: '冯小燕', destinations: [GUANGZHOU], skills: ['服务员'], expectedWage: 2600 }],
  [`报名 何建军 ${GUSHI} 家住固始县陈淋子镇 目的地江苏常州武进 焊工 一天300`,
    { name: '何建军', home: C_GUSHI, destinations: [WUJIN], skills: ['焊工'], dailyWage: 300, expectedWage: 7800 }],

  // ── 湖南 城步: 家庭住址 (乡镇、村), 是否建档立卡贫困户 ──
  [`姓名：杨秀英 身份证号码：${CHENGBU} 家庭住址：儒林镇楠木村二组 务工地点：广东东莞 务工单位：东莞虎门服装厂 工种：缝纫工 是否建档立卡贫困户：是 返岗时间：2月16日`,
    { name: '杨秀英', destinations: [DONGGUAN], skills: ['缝纫工'], povertySelfDeclared: true, availableFrom: '2027-02-16' }],
  [`姓名：蓝海波 身份证号码：${CHENGBU} 家庭住址：城步县丹口镇 务工地点：深圳 工种：普工 是否建档立卡贫困户：否`,
    { name: '蓝海波', home: C_CHENGBU, destinations: [SHENZHEN], povertySelfDeclared: false }],
  [`报名 戴红梅 ${CHENGBU} 老家城步 务工地点东莞厚街 鞋厂普工 建档立卡贫困户`,
    { name: '戴红梅', home: C_CHENGBU, destinations: [DONGGUAN], povertySelfDeclared: true }],
  [`报名 肖志平 ${CHENGBU} 城步人 在广东佛山做木工 一天350`,
    { name: '肖志平', home: C_CHENGBU, destinations: [FOSHAN], skills: ['木工'], dailyWage: 350, expectedWage: 9100 }],
  [`报名，杨光明，${CHENGBU}，家住白毛坪乡黄龙村2组，想去浙江湖州织里，车位，万把块`,
    { name: '杨光明', destinations: [HUZHOU], skills: ['缝纫工'], expectedWage: 10000 }],
  [`报名 姓名 罗小军 身份证 ${CHENGBU} 住址 城步县儒林镇 务工地 湖州 工种 缝纫 是否贫困户 否`,
    { name: '罗小军', home: C_CHENGBU, destinations: [HUZHOU], povertySelfDeclared: false }],
  [`报名 刘春花 ${CHENGBU} 城步 湖南 广东中山 电子厂 四五千`,
    { name: '刘春花', home: C_CHENGBU, destinations: [ZHONGSHAN], expectedWage: 4000 }],
  [`报名 邓勇 ${CHENGBU} 户籍地城步 务工地点 广东东莞长安镇 模具 日薪280`,
    { name: '邓勇', home: C_CHENGBU, destinations: [DONGGUAN], dailyWage: 280, expectedWage: 7280 }],

  // ── 云南 宣威: 户籍地址, 务工地, 返岗时间 ──
  [`姓名：浦红伟 身份证号：${XUANWEI} 户籍地址：宣威市板桥街道 联系电话：15912345678 务工地：浙江温州 务工单位：温州鞋业 返岗时间：2月19日`,
    { name: '浦红伟', home: C_XUANWEI, destinations: [WENZHOU], availableFrom: '2027-02-19' }],
  [`报名 朱永福 ${XUANWEI} 户籍宣威 务工地点 上海 工种 保安 5000 是否建档立卡贫困户 是`,
    { name: '朱永福', home: C_XUANWEI, destinations: [SHANGHAI], skills: ['保安'], expectedWage: 5000, povertySelfDeclared: true }],
  [`报名 徐丽芬 ${XUANWEI} 宣威市富牛镇玉龙村 去江苏昆山 电子装配 4500`,
    { name: '徐丽芬', destinations: [KUNSHAN], skills: ['电子装配'], expectedWage: 4500 }],
  [`报名 张永刚 ${XUANWEI} 家在宣威 宣威上车 去福建晋江 鞋厂 一天二百五`,
    { name: '张永刚', home: C_XUANWEI, pickup: C_XUANWEI, destinations: [JINJIANG], dailyWage: 250, expectedWage: 6500 }],
  [`报名 管云芳 ${XUANWEI} 务工地：厦门 工种：服务员 4千`,
    { name: '管云芳', destinations: [XIAMEN], skills: ['服务员'], expectedWage: 4000 }],
  [`报名 钱国华 ${XUANWEI} 云南宣威人 深圳 开车 8000`,
    { name: '钱国华', home: C_XUANWEI, destinations: [SHENZHEN], skills: ['司机'], expectedWage: 8000 }],
  [`报名 李文 ${XUANWEI} 宣威 本地 保洁 2000 脱贫户`,
    { name: '李文', localOnly: true, povertySelfDeclared: true, expectedWage: 2000 }],
  [`报名 孔德明 ${XUANWEI} 在外工作单位 昆山立讯精密 工种 普工 返岗时间 2月17日`,
    { name: '孔德明', destinations: [KUNSHAN], availableFrom: '2027-02-17' }],

  // ── 江苏 常州 返常直报: 离常时间 (past) is no availability; 出行目的地 is the trip home ──
  [`姓名：唐文斌 身份证号：${XUANHAN} 手机：13912345678 户籍地：四川宣汉 离常时间：1月20日 出行目的地：四川宣汉 返常时间：2月22日 工作单位：常州天合光能`,
    { name: '唐文斌', home: C_XUANHAN, destinations: [CHANGZHOU], availableFrom: '2027-02-22' }],
  [`报名 胡海燕 ${RENSHOU} 离常时间1月25日 出行目的地四川仁寿 返常时间2月24日 工作单位常州武进 普工`,
    { name: '胡海燕', home: C_RENSHOU, destinations: [WUJIN], availableFrom: '2027-02-24' }],
  [`报名 贺军 ${GUSHI} 户籍地 河南固始 离开时间 1月18日 返岗时间 2月20日 工作单位 常州 电焊`,
    { name: '贺军', home: C_GUSHI, destinations: [CHANGZHOU], skills: ['焊工'], availableFrom: '2027-02-20' }],
  [`报名 蒋丽 ${XIUSHAN} 返乡时间1月15日 返岗时间2月26日 常州 缝纫工`,
    { name: '蒋丽', destinations: [CHANGZHOU], skills: ['缝纫工'], availableFrom: '2027-02-26' }],
  [`报名 韩志强 ${TAIJIANG} 出行目的地 贵州台江 返常时间 3月2日 常州 钢筋工`,
    { name: '韩志强', home: C_TAIJIANG, destinations: [CHANGZHOU], availableFrom: '2027-03-02' }],

  // ── 四川 宣汉: 住址 (镇村组), 在外工作单位 / 地址, 乘车点 ──
  [`姓名：向成林 身份证号：${XUANHAN} 住址：宣汉县南坝镇黄龙村2组 在外工作单位：浙江湖州吴兴童装厂 从事工种：车位 月收入：6000 返岗日期：2月20日 乘车点：南坝镇`,
    { name: '向成林', home: C_XUANHAN, destinations: [P('330502', '吴兴区')], skills: ['缝纫工'], expectedWage: 6000, availableFrom: '2027-02-20', pickup: { name: '南坝镇' } }],
  [`报名 冉启华 ${XUANHAN} 住址宣汉县 在外工作地址 上海市松江区东明路88号 工种 装修 一天500`,
    { name: '冉启华', home: C_XUANHAN, destinations: [SONGJIANG], skills: ['装修工'], dailyWage: 500, expectedWage: 13000 }],
  [`报名 符红英 ${XUANHAN} 宣汉人 在外工作单位 东莞厚街 鞋厂 3500`,
    { name: '符红英', home: C_XUANHAN, destinations: [DONGGUAN], expectedWage: 3500 }],
  [`报名 王德贵 ${XUANHAN} 乘车点 宣汉县城 去新疆 摘棉花 日薪200`,
    { name: '王德贵', pickup: C_XUANHAN, dailyWage: 200, expectedWage: 5200 }],
  [`报名 李春梅 ${XUANHAN} 老家四川宣汉 现在广东广州 服务员 3千5`,
    { name: '李春梅', home: C_XUANHAN, destinations: [GUANGZHOU], skills: ['服务员'], expectedWage: 3500 }],
  [`报名 邓小平 ${XUANHAN} 家住宣汉县峰城镇 上海路 不去 去成都 泥瓦工 300一天`,
    { name: '邓小平', home: C_XUANHAN, destinations: [CHENGDU], skills: ['泥瓦工'], dailyWage: 300, expectedWage: 7800 }],
  [`报名 唐英 ${XUANHAN} 返岗地点 浙江杭州 工种 保姆 6千`,
    { name: '唐英', destinations: [HANGZHOU], skills: ['育婴员'], expectedWage: 6000 }],
  [`报名 杨华 ${XUANHAN} 南坝镇上车 宁波下车 普工 4500`,
    { name: '杨华', destinations: [NINGBO], expectedWage: 4500, pickup: { name: '南坝镇' } }],

  // ── 贵州 台江: 性别 民族, 日薪, 上车点 ──
  [`姓名：张阿妹 性别：女 民族：苗族 身份证号：${TAIJIANG} 家庭住址：台江县台拱街道 务工地点：浙江义乌 工种：普工 工资：一天180`,
    { name: '张阿妹', home: C_TAIJIANG, destinations: [YIWU], dailyWage: 180, expectedWage: 4680 }],
  [`报名 邰昌明 男 苗族 ${TAIJIANG} 台江上车 广东佛山 钢筋工 日工资400`,
    { name: '邰昌明', pickup: C_TAIJIANG, destinations: [FOSHAN], skills: ['钢筋工'], dailyWage: 400, expectedWage: 10400 }],
  [`报名 潘玉兰 女 ${TAIJIANG} 上车点台江县城 目的地 福建厦门 服务员 3000`,
    { name: '潘玉兰', pickup: C_TAIJIANG, destinations: [XIAMEN], skills: ['服务员'], expectedWage: 3000 }],
  [`报名 龙老岩 ${TAIJIANG} 户籍 贵州台江 务工地 浙江温州 电焊 计件 一天400`,
    { name: '龙老岩', home: C_TAIJIANG, destinations: [WENZHOU], skills: ['焊工'], dailyWage: 400 }],
  [`报名 姜美 ${TAIJIANG} 台江 去深圳 电子厂 300/天`,
    { name: '姜美', home: C_TAIJIANG, destinations: [SHENZHEN], dailyWage: 300, expectedWage: 7800 }],
  [`报名 万福 ${TAIJIANG} 家庭住址台江县方召镇 务工地点东莞虎门 搬运 两百八一天`,
    { name: '万福', home: C_TAIJIANG, destinations: [DONGGUAN], skills: ['搬运工'], dailyWage: 280 }],
  [`报名 刘阿香 ${TAIJIANG} 苗族 台江人 想去湖州织里 车工 每天300`,
    { name: '刘阿香', home: C_TAIJIANG, destinations: [HUZHOU], dailyWage: 300, expectedWage: 7800 }],

  // ── 四川 仁寿: 村(社区), 务工地点, 务工单位 ──
  [`姓名：陈志刚 身份证：${RENSHOU} 联系电话：18912345678 村（社区）：文林镇高家村 务工地点：广东深圳 务工单位：深圳富士康 工种：普工 返岗时间：2月21日`,
    { name: '陈志刚', destinations: [SHENZHEN], availableFrom: '2027-02-21' }],
  [`报名 杜小红 ${RENSHOU} 仁寿县视高镇 务工地点 成都 保洁 2800`,
    { name: '杜小红', home: C_RENSHOU, destinations: [CHENGDU], skills: ['保洁'], expectedWage: 2800 }],
  [`报名 黄志强 ${RENSHOU} 家住仁寿 务工单位 苏州工业园区 电子装配 5千`,
    { name: '黄志强', home: C_RENSHOU, destinations: [P('320576', '苏州工业园区')], expectedWage: 5000 }],
  [`报名 彭德华 ${RENSHOU} 仁寿人 在外工作单位 北京建工集团 木工 一天五百`,
    { name: '彭德华', home: C_RENSHOU, skills: ['木工'], dailyWage: 500, expectedWage: 13000 }],
  [`报名 曾秀琼 ${RENSHOU} 现住仁寿县文林镇 务工地点 浙江杭州 育婴员 8000`,
    { name: '曾秀琼', home: C_RENSHOU, destinations: [HANGZHOU], expectedWage: 8000 }],
  [`报名 余光荣 ${RENSHOU} 务工地点：东莞长安 务工单位：长安五金厂 工种：冲压 返岗时间：2月28日`,
    { name: '余光荣', destinations: [DONGGUAN], availableFrom: '2027-02-28' }],

  // ── 重庆 秀山: 户籍所在地, 拟从事工种, 期望薪资, 上车点 ──
  [`姓名：田茂林 身份证号码：${XIUSHAN} 户籍所在地：秀山县清溪场镇 务工地点：浙江宁波 拟从事工种：电工 期望薪资：6500 上车点：秀山汽车站`,
    { name: '田茂林', home: C_XIUSHAN, destinations: [NINGBO], skills: ['电工'], expectedWage: 6500, pickup: C_XIUSHAN }],
  [`报名 白秀芝 ${XIUSHAN} 秀山上车 去湖州 缝纫 4千5 是否脱贫户 是`,
    { name: '白秀芝', pickup: C_XIUSHAN, destinations: [HUZHOU], expectedWage: 4500, povertySelfDeclared: true }],
  [`报名 吴正 ${XIUSHAN} 户籍所在地重庆秀山 务工地点福建厦门 期望薪资四千五 是否脱贫户 否`,
    { name: '吴正', home: C_XIUSHAN, destinations: [XIAMEN], expectedWage: 4500, povertySelfDeclared: false }],
  [`报名 石林 ${XIUSHAN} 秀山 就近 保安 2500`,
    { name: '石林', localOnly: true, expectedWage: 2500 }],
  [`报名 杨胜 ${XIUSHAN} 上车点 秀山县城 目的地点 广州 搬运 日结300`,
    { name: '杨胜', pickup: C_XIUSHAN, destinations: [GUANGZHOU], dailyWage: 300 }],
  [`报名 彭芳 ${XIUSHAN} 籍贯秀山 想去浙江 义乌 普工 3800`,
    { name: '彭芳', home: C_XIUSHAN, destinations: [YIWU], expectedWage: 3800 }],

  // ── draft completions and short follow-ups typed from the same forms ──
  [`出发地点：固始县`, { kind: 'fields', pickup: C_GUSHI, destinations: [] }],
  [`目的地点：江苏苏州`, { kind: 'fields', destinations: [SUZHOU] }],
  [`家住宣汉县南坝镇`, { kind: 'fields', home: C_XUANHAN, destinations: [] }],
  [`返岗时间 2月23日`, { kind: 'fields', availableFrom: '2027-02-23' }],
  [`日薪300`, { kind: 'fields', dailyWage: 300, expectedWage: 7800 }],
  [`一天500`, { kind: 'fields', dailyWage: 500, expectedWage: 13000 }],
  [`工资300一天`, { kind: 'fields', dailyWage: 300, expectedWage: 7800 }],
  [`四千5`, { kind: 'fields', expectedWage: 4500 }],
  [`4千五`, { kind: 'fields', expectedWage: 4500 }],
  [`月薪兩千六`, { kind: 'fields', expectedWage: 2600 }],
  [`万把块`, { kind: 'fields', expectedWage: 10000 }],
  [`是否建档立卡贫困户：是`, { kind: 'fields', povertySelfDeclared: true }],
  [`上车点：秀山汽车站`, { kind: 'fields', pickup: C_XIUSHAN }],
  [`途经郑州`, { kind: 'help' }],

  // ── IDs as they come: 15 digits, permits, foreign residence, never-assigned regions ──
  [`报名 王立新 510822850315001 瓦工 湖州`, { kind: 'register', name: '王立新', invalidIdNumber: { text: '510822850315001', reason: 'first-generation' } }],
  [`报名 陈家豪 ${HK_PERMIT} 厨师 深圳`, { name: '陈家豪', idNumber: HK_PERMIT, destinations: [SHENZHEN] }],
  [`报名 林志明 ${HK_PERMIT} 现住宣汉县 普工 东莞`, { name: '林志明', idNumber: HK_PERMIT, home: C_XUANHAN, destinations: [DONGGUAN] }],
  [`报名 安娜 ${FOREIGN} 服务员 上海`, { name: '安娜', idNumber: FOREIGN, destinations: [SHANGHAI] }],
  [`报名 王假 ${id('11111119900101001')} 普工`, { invalidIdNumber: { text: id('11111119900101001'), reason: 'region' } }],

  // ── streets and towns never make places; towns and districts resolve to their city ──
  [`报名 范小兵 ${GUSHI} 上海路 东莞虎门 普工`, { name: '范小兵', destinations: [DONGGUAN] }],
  [`报名 谭军 ${GUSHI} 万安塘西工业区 东莞 普工`, { name: '谭军', destinations: [DONGGUAN] }],
  [`报名 马小芳 ${GUSHI} 苏州园区 4500`, { name: '马小芳', destinations: [SUZHOU] }],
  [`报名 姓名钟祥 ${GUSHI} 钟祥镇 湖州`, { name: '钟祥', destinations: [HUZHOU] }],
  [`报名 付强 ${GUSHI} 广东佛山禅城 木工`, { name: '付强', destinations: [P('440604', '禅城区')] }],
  [`报名 蔡永 ${GUSHI} 到东莞厚街下车 普工`, { name: '蔡永', destinations: [DONGGUAN] }],
  [`报名 彭家乐 ${GUSHI} 宁波北仑 普工`, { name: '彭家乐', destinations: [P('330206', '北仑区')] }],
  [`报名 许二妹 ${GUSHI} 湖州织里镇 车位 一天三百`, { name: '许二妹', destinations: [HUZHOU], dailyWage: 300 }],

  // ── the labourer's own county, unlabelled, is home: a bus is never planned to it ──
  [`我叫杨军，${CHENGBU}，城步县长安营乡人，在浙江温州瑞安做鞋子，日工资260，正月十八出门，建档立卡户`,
    { name: '杨军', home: C_CHENGBU, destinations: [P('330381', '瑞安市')], dailyWage: 260, availableFrom: '2027-02-23', povertySelfDeclared: true, unrecognised: [] }],
  [`宣威 朱丽 ${XUANWEI} 去上海嘉定 电子厂 每天280 过完十五走`,
    { name: '朱丽', home: C_XUANWEI, destinations: [P('310114', '嘉定区')], dailyWage: 280, availableFrom: '2027-02-20', unrecognised: [] }],
  [`报名 仁寿县 李建 ${RENSHOU} 汪洋镇 四川仁寿上车 到江苏昆山 注塑 3月1日`,
    { name: '李建', home: C_RENSHOU, pickup: C_RENSHOU, destinations: [KUNSHAN], skills: ['普工'], availableFrom: '2027-03-01' }],
  [`报名 周华 ${GUSHI} 离开固始时间1月25日 返回务工地时间2月17日 务工地江苏常州`,
    { name: '周华', home: C_GUSHI, destinations: [CHANGZHOU], availableFrom: '2027-02-17', unrecognised: [] }],
  [`刘德明 ${CHENGBU} 湖南城步 广东佛山顺德 木工 350一天`,
    { name: '刘德明', home: C_CHENGBU, destinations: [P('440606', '顺德区')], skills: ['木工'], dailyWage: 350, expectedWage: 9100 }],
  [`报名 陶红 ${XUANWEI} 云南省曲靖市宣威市 去昆明 保洁 2500`,
    { name: '陶红', home: C_XUANWEI, destinations: [P('5301', '昆明市')], skills: ['保洁'], expectedWage: 2500 }],
  [`报名 陈勇 ${XUANHAN} 宣汉到广州 搬运工 一天两百`,
    { name: '陈勇', home: C_XUANHAN, destinations: [GUANGZHOU], dailyWage: 200, expectedWage: 5200 }],
  [`报名 龙梅 ${TAIJIANG} 苗族 女 台江县台拱镇 浙江义乌 小商品 一个月3千`,
    { name: '龙梅', home: C_TAIJIANG, destinations: [YIWU], expectedWage: 3000 }],
  [`报名，姓名何春燕，身份证${XUANHAN}，现住宣汉县胡家镇，务工地广东省东莞市长安镇，单位东莞长安某电子厂，工种普工，月工资4000左右，2月20号出发`,
    { name: '何春燕', home: C_XUANHAN, destinations: [DONGGUAN], expectedWage: 4000, availableFrom: '2027-02-20' }],
  [`姓名:刘强 性别:男 身份证号码:${GUSHI} 联系电话:13598765432 家庭住址:固始县陈淋子镇新店村 出发地点:固始 目的地点:浙江省宁波市北仑区 返岗日期:2月15日 务工单位:宁波吉利汽车 工种:装配工`,
    { name: '刘强', home: C_GUSHI, pickup: C_GUSHI, destinations: [P('330206', '北仑区')], skills: ['普工'], availableFrom: '2027-02-15' }],
  [`秀山县 吴兴旺 ${XIUSHAN} 户籍：重庆市秀山县 务工地：浙江省湖州市吴兴区 工种：缝纫 期望月薪：6千 乘车点：秀山县城`,
    { name: '吴兴旺', home: C_XIUSHAN, pickup: C_XIUSHAN, destinations: [P('330502', '吴兴区')], skills: ['缝纫工'], expectedWage: 6000, unrecognised: [] }],
  [`${TAIJIANG} 张老二 台江县南宫镇交汪村3组 福建泉州晋江 制鞋 计件 月入五六千`,
    { name: '张老二', home: C_TAIJIANG, destinations: [JINJIANG], skills: ['普工'], expectedWage: 5000 }],

  // ── numbered form lines, times of day, regions named last, firms without a city ──
  [`1.姓名：罗建国\n2.身份证号：${XUANHAN}\n3.联系电话：13912345678\n4.家庭住址：宣汉县天生镇\n5.务工地点：浙江省杭州市萧山区\n6.工种：钢筋工\n7.返岗时间：2月18日\n8.是否需要乘坐返岗专车：是`,
    { name: '罗建国', home: C_XUANHAN, destinations: [P('330109', '萧山区')], skills: ['钢筋工'], availableFrom: '2027-02-18', povertySelfDeclared: false, unrecognised: [] }],
  [`【返岗登记】姓名:韦小宝 身份证:${TAIJIANG} 目的地:广东省广州市白云区 上车地点:台江县汽车客运站 出发时间:2月16日上午8点`,
    { name: '韦小宝', pickup: C_TAIJIANG, destinations: [P('440111', '白云区')], availableFrom: '2027-02-16', unrecognised: [] }],
  [`报名 马小平 ${XUANWEI} 宣威市宛水街道 外出务工地点：江苏省苏州市昆山市 务工单位：仁宝电脑 岗位：普工 是否贫困户：是`,
    { name: '马小平', home: C_XUANWEI, destinations: [KUNSHAN], skills: ['普工'], povertySelfDeclared: true, unrecognised: [] }],
  [`杨光辉 ${CHENGBU} 城步 男 35岁 电焊工 去深圳龙华 月薪8千以上 3月初可以走`,
    { name: '杨光辉', home: C_CHENGBU, destinations: [P('440309', '龙华区')], skills: ['焊工'], expectedWage: 8000, availableFrom: '2027-03-01', unrecognised: [] }],
  [`报名 孙丽 ${RENSHOU} 仁寿 江苏无锡 纺织厂 4千左右 贫困户 2月底`,
    { name: '孙丽', home: C_RENSHOU, destinations: [P('3202', '无锡市')], skills: ['普工'], expectedWage: 4000, povertySelfDeclared: true, availableFrom: '2027-02-28' }],
  [`报名 杜鹃 ${XIUSHAN} 秀山 准备去浙江宁波慈溪 做电子厂 4000-5000 正月初十`,
    { name: '杜鹃', home: C_XIUSHAN, destinations: [P('330282', '慈溪市')], expectedWage: 4000, availableFrom: '2027-02-15' }],
  [`姓名：刘洪 身份证：${GUSHI} 出发地：河南省固始县 到达地：上海市闵行区 工种：快递 工资：6000 返岗日期：2月21日`,
    { name: '刘洪', pickup: C_GUSHI, destinations: [P('310112', '闵行区')], skills: ['快递员'], expectedWage: 6000, availableFrom: '2027-02-21' }],
  [`报名 何大勇 ${GUSHI} 河南固始 北京大兴 工地 小工 一天两百五`,
    { name: '何大勇', home: C_GUSHI, destinations: [P('110115', '大兴区')], skills: ['普工'], dailyWage: 250, expectedWage: 6500 }],
  [`报名 余强 ${XUANHAN} 四川达州宣汉 去福建厦门湖里区 保安 3500 随时可以走`,
    { name: '余强', home: C_XUANHAN, destinations: [P('350206', '湖里区')], skills: ['保安'], expectedWage: 3500, availableFrom: '2027-02-10' }],

  // ── more labels of the same forms: 企业所在地, 外出务工地址, 在常住址, 离常前往地 ──
  [`姓名 周红 身份证号 ${GUSHI} 户籍地址 固始县往流镇 用工企业名称 昆山仁宝 企业所在地 江苏省昆山市 返岗时间 2月19日 是否需要乘坐专车 是`,
    { name: '周红', home: C_GUSHI, destinations: [KUNSHAN], availableFrom: '2027-02-19', povertySelfDeclared: false, unrecognised: [] }],
  [`报名 罗强 ${CHENGBU} 户籍所在地(乡镇、村组) 城步县丹口镇 外出务工地址 广东省中山市小榄镇 务工单位 中山某灯饰厂`,
    { name: '罗强', home: C_CHENGBU, destinations: [ZHONGSHAN], unrecognised: [] }],
  [`报名 陆明 ${XUANHAN} 离常前往地 四川宣汉 在常住址 常州市武进区湖塘镇 返常时间 2月24日`,
    { name: '陆明', home: C_XUANHAN, destinations: [WUJIN], availableFrom: '2027-02-24', unrecognised: [] }],

  [`报名 长安镇 王五 ${GUSHI} 东莞`, { name: '王五', destinations: [DONGGUAN], unrecognised: [] }],
  [`报名 汪洋镇 李建 ${RENSHOU} 昆山 注塑`, { name: '李建', destinations: [KUNSHAN], skills: ['普工'], unrecognised: [] }],

  // ── free text around the same fields ──
  [`你好，我是宣汉县的，叫李明，身份证${XUANHAN}，想去浙江打工，做电工，工资5000`,
    { name: '李明', home: C_XUANHAN, destinations: [P('33', '浙江省')], skills: ['电工'], expectedWage: 5000 }],
  [`张伟，${XUANHAN}，老家宣汉，在东莞厚街鞋厂上班，2月20号回厂`,
    { name: '张伟', home: C_XUANHAN, destinations: [DONGGUAN], availableFrom: '2027-02-20', unrecognised: [] }],
  [`何军 ${XUANHAN} 我在昆山，宣汉人，电子厂，日结200`,
    { name: '何军', home: C_XUANHAN, destinations: [KUNSHAN], dailyWage: 200, expectedWage: 5200, unrecognised: [] }],
  [`报名 黄明 ${CHENGBU} 城步县 儒林镇 塘底村 四组 浙江 义乌 普工`,
    { name: '黄明', home: C_CHENGBU, destinations: [YIWU] }],

  // ── wages in every form a form's 工资 box gets ──
  [`报名 陆海 ${RENSHOU} 工资要求 日薪350`, { name: '陆海', dailyWage: 350, expectedWage: 9100 }],
  [`报名 秦兵 ${RENSHOU} 300元/天`, { name: '秦兵', dailyWage: 300, expectedWage: 7800 }],
  [`报名 尤芳 ${RENSHOU} 期望工资4千五以上`, { name: '尤芳', expectedWage: 4500 }],
  [`报名 施强 ${RENSHOU} 一万把块`, { name: '施强', expectedWage: 10000 }],
  [`报名 章红 ${RENSHOU} 月薪四千到五千`, { name: '章红', expectedWage: 4000 }],
  [`报名 严伟 ${RENSHOU} 点工 一天280`, { name: '严伟', dailyWage: 280, expectedWage: 7280 }],
];
