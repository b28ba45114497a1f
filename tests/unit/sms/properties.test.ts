// Properties of the SMS grammar (DESIGN §6): total on any input, width- and separator-insensitive,
// and the Chinese numerals round-trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberChecksum } from '../../../functions/domain/id-number.js';
import { SKILLS, isSkill } from '../../../functions/domain/skills.js';
import { formatChineseInteger, parseChineseInteger } from '../../../functions/domain/sms/chinese-numbers.js';
import { foldWidth } from '../../../functions/domain/sms/fold-width.js';
import { placeCandidates } from '../../../functions/domain/sms/place-names.js';
import { SKILL_SPELLINGS } from '../../../functions/domain/sms/skill-synonyms.js';
import { parseSms, type SmsIntent } from '../../../functions/domain/sms/parse-sms.js';

const TODAY = new Date('2027-02-10T09:30:00+08:00');
const KINDS = new Set(['register', 'fields', 'accept', 'decline', 'status', 'optOut', 'optIn', 'changePhone', 'help']);

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Pieces of the grammar, so that random text reaches deep into the parser rather than only into "help". */
const grammarPiece = fc.constantFrom(
  '报名', '登记', 'BM', 'bm', '换号', '王立学', '李', '江山', '·', '.', '-', '~', '/', '、', '，', '#', '：', '。', ' ', '\n',
  '510822198503150018', '51082219850315001X', '1', '12', '3/5', '3.5', '号', '日', '月', '正月', '十五', '初', '四千五',
  '万', '千', 'K', '4500', '元', '块', '岁', '泥瓦工', '水电', '浙江', '湖州', '朝阳', '通州', '北京', '本地', '贫困户',
  '会', '去', '男', '的', '我叫', '家住', '人', '１２３', 'Ｘ', '\u3000', '😀', '\uD800', '\uDC00', '\u00b7', '\uE000',
);

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: codeUnit, maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(grammarPiece, { maxLength: 25 }).map((parts) => parts.join('')),
);

const anyDate = fc.oneof(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }),
  fc.constant(new Date(Number.NaN)),
);

function wellFormed(intent: SmsIntent): boolean {
  if (!KINDS.has(intent.kind)) return false;
  if (intent.kind !== 'register' && intent.kind !== 'fields') return true;
  const f = intent.fields;
  return (
    Array.isArray(f.skills) &&
    f.skills.every(isSkill) &&
    Array.isArray(f.destinations) &&
    f.destinations.every((d) => /^(\d{2}|\d{4}|\d{6})$/.test(d.code) && d.name.length > 0) &&
    typeof f.localOnly === 'boolean' &&
    typeof f.povertySelfDeclared === 'boolean' &&
    Array.isArray(f.unrecognised) &&
    (f.expectedWage === undefined || (f.expectedWage >= 500 && f.expectedWage <= 100_000)) &&
    (f.availableFrom === undefined || /^\d{4}-\d{2}-\d{2}$/.test(f.availableFrom)) &&
    (f.idNumber === undefined || /^\d{17}[\dX]$/.test(f.idNumber))
  );
}

/** Re-widens random ASCII characters and spaces (the inverse of folding, chosen per character). */
function widen(text: string, mask: readonly boolean[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wide = mask[i % Math.max(mask.length, 1)] ?? false;
    if (wide && c >= 0x21 && c <= 0x7e) out += String.fromCharCode(c + 0xfee0);
    else if (wide && c === 0x20) out += '\u3000';
    else out += text[i];
  }
  return out;
}

describe('parseSms is total', () => {
  it('never throws and always yields a well-formed intent, for any string and any Date', () => {
    fc.assert(
      fc.property(anyText, anyDate, (text, today) => {
        const intent = parseSms(text, today);
        expect(wellFormed(intent)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('survives non-string input and very long input', () => {
    expect(parseSms(undefined as unknown as string, TODAY)).toEqual({ kind: 'help' });
    expect(parseSms(null as unknown as string, TODAY)).toEqual({ kind: 'help' });
    expect(parseSms(42 as unknown as string, TODAY)).toEqual({ kind: 'help' });
    expect(wellFormed(parseSms('报名 王立学 '.repeat(20_000), TODAY))).toBe(true);
    expect(wellFormed(parseSms('1'.repeat(100_000), TODAY))).toBe(true);
  });
});

describe('width folding', () => {
  it('parsing a text equals parsing its width-folded form', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(parseSms(text, TODAY)).toEqual(parseSms(foldWidth(text), TODAY));
      }),
      { numRuns: 2000 },
    );
  });

  it('full-width and half-width spellings of the same message parse alike', () => {
    fc.assert(
      fc.property(
        fc.array(grammarPiece, { maxLength: 20 }).map((parts) => parts.join('')),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
        (text, mask) => {
          expect(parseSms(widen(text, mask), TODAY)).toEqual(parseSms(text, TODAY));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(fc.property(anyText, (text) => foldWidth(foldWidth(text)) === foldWidth(text)));
  });
});

// ── separator insensitivity and round trips on generated registrations ──

const SURNAME_POOL = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN_POOL = [...'立学芳伟强军明华丽敏静磊洋勇艳杰涛超霞刚桂英秀兰玉红娟燕萍飞鹏辉斌宇浩凯健俊帆旭龙波志国建文云春梅翠德福贵荣海'];

/** Names that are not spellings of anything else (a name that is a place, such as 龙华, reads as the place: DESIGN §6). */
const nameArb = fc
  .tuple(fc.constantFrom(...SURNAME_POOL), fc.array(fc.constantFrom(...GIVEN_POOL), { minLength: 1, maxLength: 2 }))
  .map(([surname, given]) => surname + given.join(''))
  .filter((name) => placeCandidates(name).length === 0 && !SKILL_SPELLINGS.has(name));

const idArb = fc
  .tuple(
    fc.constantFrom('510822', '330502', '450324', '441900', '422802', '110105', '371302'),
    fc.integer({ min: 1950, max: 2005 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([region, y, m, d, seq]) => {
    const first17 = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
    return first17 + idNumberChecksum(first17);
  });

/** Unambiguous places: [how it is written, code]. */
const PLACES: [string, string][] = [
  ['浙江', '33'], ['湖州', '3305'], ['浙江湖州', '3305'], ['广东东莞', '4419'], ['深圳', '4403'], ['四川广元旺苍', '510821'],
  ['北京', '11'], ['上海', '31'], ['重庆', '50'], ['江苏苏州', '3205'], ['福建厦门', '3502'], ['广西', '45'], ['内蒙古', '15'],
  ['杭州市', '3301'], ['义乌', '330782'], ['昆山', '320583'], ['新疆', '65'], ['宁波', '3302'], ['佛山', '4406'],
];

const WAGES: [string, number][] = [
  ['4500', 4500], ['4500元', 4500], ['4.5k', 4500], ['4千5', 4500], ['四千五', 4500], ['五千', 5000], ['5千', 5000],
  ['月薪四千五', 4500], ['每月4600元', 4600], ['一万二', 12000], ['1.2万', 12000], ['4500块', 4500], ['６０００', 6000],
];

const DATES: [string, string][] = [
  ['3月5日', '2027-03-05'], ['3月5号', '2027-03-05'], ['3.5号', '2027-03-05'], ['3/5', '2027-03-05'], ['三月五日', '2027-03-05'],
  ['2月1日', '2028-02-01'], ['正月十五', '2027-02-20'], ['4月20号出发', '2027-04-20'],
];

const SEPARATORS = [' ', ',', '，', '、', '#', ';', '；', ':', '：', '/', '\n', '。', '　', '  ', ' , '];

interface Generated {
  fields: string[];
  name: string;
  idNumber: string;
  skills: string[];
  place?: [string, string];
  wage?: [string, number];
  date?: [string, string];
  local: boolean;
  poverty: boolean;
}

const registrationArb: fc.Arbitrary<Generated> = fc
  .record({
    name: nameArb,
    idNumber: idArb,
    skills: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 3 }),
    place: fc.option(fc.constantFrom(...PLACES), { nil: undefined }),
    wage: fc.option(fc.constantFrom(...WAGES), { nil: undefined }),
    date: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
    local: fc.boolean(),
    poverty: fc.boolean(),
    order: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
  })
  .map(({ order, ...r }) => {
    const fields = [
      r.name,
      r.idNumber,
      ...r.skills,
      ...(r.place ? [r.place[0]] : []),
      ...(r.wage ? [r.wage[0]] : []),
      ...(r.date ? [r.date[0]] : []),
      ...(r.local ? ['本地'] : []),
      ...(r.poverty ? ['贫困户'] : []),
    ];
    // any order
    const shuffled = fields
      .map((f, i) => ({ f, k: order[i % order.length]! * 31 + i }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.f);
    return { ...r, fields: shuffled };
  });

function join(fields: readonly string[], separators: readonly string[]): string {
  return fields.map((f, i) => (i === 0 ? f : separators[i % separators.length]! + f)).join('');
}

describe('separators', () => {
  it('joining the same fields with any allowed separators gives the same parse', () => {
    fc.assert(
      fc.property(
        registrationArb,
        fc.array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (r, separators, keyword) => {
          const fields = keyword ? ['报名', ...r.fields] : r.fields;
          expect(parseSms(join(fields, separators), TODAY)).toEqual(parseSms(fields.join(' '), TODAY));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('a generated registration parses back to its values, in any order', () => {
    fc.assert(
      fc.property(registrationArb, fc.constantFrom(...SEPARATORS), (r, separator) => {
        const intent = parseSms(['报名', ...r.fields].join(separator), TODAY);
        expect(intent.kind).toBe('register');
        if (intent.kind !== 'register') return;
        const f = intent.fields;
        expect(f.name).toBe(r.name);
        expect(f.idNumber).toBe(r.idNumber);
        expect([...f.skills].sort()).toEqual([...r.skills].sort());
        expect(f.destinations.map((d) => d.code)).toEqual(r.place ? [r.place[1]] : []);
        expect(f.expectedWage).toBe(r.wage?.[1]);
        expect(f.availableFrom).toBe(r.date?.[1]);
        expect(f.localOnly).toBe(r.local);
        expect(f.povertySelfDeclared).toBe(r.poverty);
        expect(f.unrecognised).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('Chinese numerals', () => {
  it('round-trip every integer 1–99,999 through the canonical form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (n) => {
        const text = formatChineseInteger(n);
        expect(text).toBeDefined();
        expect(parseChineseInteger(text!)).toBe(n);
      }),
      { numRuns: 5000 },
    );
    for (let n = 1; n <= 99_999; n++) if (parseChineseInteger(formatChineseInteger(n)!) !== n) throw new Error(`${n}`);
  });

  it('read the elided forms: 四千五 = 4500, 一万二 = 12000, 三百五 = 350', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (a, b) => {
        const d = '一二三四五六七八九';
        expect(parseChineseInteger(`${d[a - 1]}千${d[b - 1]}`)).toBe(a * 1000 + b * 100);
        expect(parseChineseInteger(`${d[a - 1]}万${d[b - 1]}`)).toBe(a * 10_000 + b * 1000);
        expect(parseChineseInteger(`${d[a - 1]}百${d[b - 1]}`)).toBe(a * 100 + b * 10);
        expect(parseChineseInteger(`${d[a - 1]}千零${d[b - 1]}`)).toBe(a * 1000 + b);
      }),
    );
    expect(parseChineseInteger('两千')).toBe(2000);
    expect(parseChineseInteger('四五零零')).toBe(4500);
    expect(parseChineseInteger('十五')).toBe(15);
    expect(parseChineseInteger('一十五')).toBe(15);
    for (const bad of ['', '万', '千', '四千四千', '十百', '张三', '四五千', '五零十']) expect(parseChineseInteger(bad), bad).toBeUndefined();
  });

  it('a wage written as a canonical Chinese numeral or in digits parses to its value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 500, max: 99_999 }), (n) => {
        expect(parseSms(formatChineseInteger(n)!, TODAY)).toMatchObject({ kind: 'fields', fields: { expectedWage: n } });
        expect(parseSms(`${n}元`, TODAY)).toMatchObject({ kind: 'fields', fields: { expectedWage: n } });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('place roles', () => {
  const PLACES = ['湖州', '东莞', '苏州', '宁波', '宣汉', '固始县', '杭州市', '深圳', '成都', '义乌'];
  const HOME_LABELS = ['家住', '老家', '户籍地', '住址', '现住', '出行目的地', '家庭住址：'];
  const PICKUP_LABELS = ['出发地点', '上车点', '乘车点：', '从'];
  const VIA_LABELS = ['途经', '经过', '中转'];

  it('a place after a home, pickup or via label is never a destination; after a destination label it is', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLACES),
        fc.constantFrom(...HOME_LABELS, ...PICKUP_LABELS, ...VIA_LABELS),
        fc.constantFrom('', ' '),
        (place, label, gap) => {
          // 从 is a label only glued to its place (从光山出发); alone it may be a surname.
          const intent = parseSms(`报名 王立学 ${label}${label === '从' ? '' : gap}${place} 普工`, TODAY);
          if (intent.kind !== 'register') return false;
          const codes = placeCandidates(place.replace(/[：:]/g, '')).map((c) => c.code);
          return intent.fields.destinations.every((d) => !codes.includes(d.code));
        },
      ),
    );
    for (const place of PLACES) {
      const intent = parseSms(`报名 王立学 目的地：${place}`, TODAY);
      expect(intent.kind === 'register' && intent.fields.destinations.length, place).toBe(1);
    }
  });

  it('the first of two stacked labels takes the first place (出发地点+目的地点)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLACES), fc.constantFrom(...PLACES), fc.constantFrom('+', '/', '、', ' '), (from, to, glue) => {
        fc.pre(from !== to);
        const intent = parseSms(`报名 王立学 出发地点${glue}目的地点：${from}${glue}${to}`, TODAY);
        if (intent.kind !== 'register') return false;
        const fromCodes = placeCandidates(from).map((c) => c.code);
        return intent.fields.pickup !== undefined && intent.fields.destinations.every((d) => !fromCodes.includes(d.code));
      }),
    );
  });
});
