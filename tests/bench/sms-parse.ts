// SMS parsing throughput (DESIGN §8: ≥ 20,000 messages/s): a realistic mix of inbound messages —
// registrations in every spelling, draft completions, offer answers, chit-chat — parsed ≥ 100,000 times
// per run after a warm-up; the median of 5 runs is reported.
//
//   npx tsx tests/bench/sms-parse.ts
import { pathToFileURL } from 'node:url';
import { idNumberChecksum } from '../../functions/domain/id-number.js';
import { parseSms } from '../../functions/domain/sms/parse-sms.js';

const TODAY = new Date('2027-02-10T09:30:00+08:00');
const MESSAGES_PER_RUN = 100_000;
const RUNS = 5;

/** A small deterministic generator, so every run parses the same corpus. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏'];
const GIVEN = [...'立学芳伟强军明华丽敏静磊洋勇艳杰涛超霞刚桂英秀兰玉红娟燕萍飞鹏辉斌宇浩凯健俊帆旭龙波志国建文云春梅'];
const REGIONS = ['510822', '510821', '330502', '450324', '441900', '422802', '522630', '431230', '360730', '411522'];
const SKILLS = ['泥瓦工', '瓦工', '电焊', '木匠', '钢筋工', '架子工', '水电工', '油漆', '装修', '缝纫工', '车位', '厨师', '炒菜',
  '服务员', '保洁', '家政', '门卫', '开车', '货车司机', '搬运', '快递', '电子厂', '护理', '月嫂', '种地', '养猪', '小工', '普工'];
const PLACES = ['浙江湖州', '广东东莞', '深圳', '江苏苏州', '上海', '北京', '福建厦门', '浙江义乌', '广州', '佛山', '四川成都',
  '重庆', '宁波', '昆山', '温州', '杭州', '新疆', '北京朝阳', '江苏通州', '本地', '县内', '就近'];
const WAGES = ['4500', '4500元', '4.5k', '4千5', '四千五', '五千', '5千', '月薪四千五', '每月4600元', '一万二', '1.2万', '6000块',
  '工资5000以上', '4500-5000', '３５００'];
const DATES = ['3月5日', '3月5号', '3.5号', '3/5', '正月十五', '15号出发', '2月20日', '明天', '三月初'];
/** Labelled forms as counties published them (tests/unit/sms/county-forms.ts): places with roles, day wages. */
const FORM_PLACES = ['固始县', '光山', '城步县儒林镇', '宣汉县南坝镇黄龙村2组', '台江', '秀山汽车站', '仁寿县城', '宣威市富牛镇玉龙村'];
const FORM_WAGES = ['一天300', '日薪350', '300元/天', '四千5', '万把块', '兩千六', '期望薪资6500'];
const SEPARATORS = [' ', ',', '，', '、', '#', '；', '：', '\n', '　'];
const SHORT = ['1', '2', '接受', '拒绝', '好的', '不去', 'Y', 'n', '查询', 'CX', '退订', 'TD', '订阅', '帮助', '？', 'help',
  '你好', '谢谢', '在吗', '什么时候发车', '😀', '好的，谢谢', '换号'];

function buildCorpus(size: number): string[] {
  const random = lcg(2027);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const idNumber = () => {
    const first17 = `${pick(REGIONS)}19${String(60 + Math.floor(random() * 40))}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
    return first17 + idNumberChecksum(first17);
  };
  const name = () => pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
  const corpus: string[] = [];
  while (corpus.length < size) {
    const r = random();
    if (r < 0.1) {
      // a message copied from a county's registration form
      const fields = [
        `姓名：${name()}`, `身份证号：${idNumber()}`, `${pick(['出发地点', '上车点', '家庭住址', '户籍地'])}：${pick(FORM_PLACES)}`,
        `${pick(['目的地点', '务工地点', '在外工作单位'])}：${pick(PLACES)}${pick(['', '长安', '华丰电子有限公司', '工业园区'])}`,
        `工种：${pick(SKILLS)}`, `返岗时间：${pick(DATES)}`, pick(FORM_WAGES), `是否建档立卡贫困户：${pick(['是', '否'])}`,
      ];
      corpus.push(fields.join(pick([' ', '，', '\n'])));
    } else if (r < 0.45) {
      // a full registration, fields in any order, some labelled or glued
      const fields = [name(), idNumber(), pick(SKILLS), pick(PLACES), pick(WAGES)];
      if (random() < 0.5) fields.push(pick(SKILLS));
      if (random() < 0.4) fields.push(pick(DATES));
      if (random() < 0.2) fields.push('贫困户');
      if (random() < 0.2) fields[0] = `姓名：${fields[0]}`;
      if (random() < 0.2) fields[1] = `身份证${fields[1]}`;
      fields.sort(() => random() - 0.5);
      const glue = random() < 0.15 ? '' : pick(SEPARATORS);
      corpus.push(`${pick(['报名', '登记', 'BM', 'bm', '报名：', '你好，我要报名 '])}${glue}${fields.join(glue || pick(SEPARATORS))}`);
    } else if (r < 0.65) {
      // completing a draft: a name, an ID, or a few fields
      const k = random();
      corpus.push(k < 0.4 ? name() : k < 0.7 ? idNumber() : `${pick(SKILLS)} ${pick(PLACES)} ${pick(WAGES)}`);
    } else if (r < 0.95) {
      corpus.push(pick(SHORT));
    } else {
      corpus.push(random() < 0.5 ? `换号 ${idNumber()}` : `我叫${name()}，${pick(['男', '女'])}，${20 + Math.floor(random() * 35)}岁，会${pick(SKILLS)}，想去${pick(PLACES)}，工资${pick(WAGES)}左右`);
    }
  }
  return corpus;
}

function runOnce(corpus: readonly string[], messages: number): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < messages; i++) sink += parseSms(corpus[i % corpus.length]!, TODAY).kind.length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink === 0) throw new Error('nothing parsed');
  return messages / seconds;
}

export async function measureSmsParse(): Promise<{ perSecond: number }> {
  const corpus = buildCorpus(2000);
  runOnce(corpus, 30_000); // warm-up: JIT and the lexicon maps
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    rates.push(runOnce(corpus, MESSAGES_PER_RUN));
    await new Promise((resolve) => setImmediate(resolve));
  }
  rates.sort((a, b) => a - b);
  return { perSecond: Math.round(rates[Math.floor(RUNS / 2)]!) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { perSecond } = await measureSmsParse();
  console.log(`smsParse.perSecond  ${perSecond}  (target ≥ 20000; median of ${RUNS} runs × ${MESSAGES_PER_RUN} messages)`);
}
