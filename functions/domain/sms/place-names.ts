// Place names as labourers write them → GB/T 2260 provinces, cities and counties (functions/domain/divisions.ts).
//
// Every place is known by its full name (浙江省, 湖州市, 旺苍县) and, when at least two characters
// remain, by its name without the administrative suffix: 省 市 县 区 旗 盟 地区 林区 特区 新区 and
// the autonomous forms (广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边 / 延边州, 长阳土家族自治县 →
// 长阳). Several places can share a spelling (朝阳: a city in 辽宁 and districts in 北京 and 长春);
// `resolvePlace` picks among them. The alias map is built once, at module load.
import { listPlaces, type Place } from '../divisions.js';

/** The 56 peoples as they appear inside autonomous-area names (族 optional: 伊犁哈萨克自治州). */
const PEOPLES = [
  '维吾尔', '柯尔克孜', '乌孜别克', '俄罗斯', '鄂温克', '鄂伦春', '达斡尔', '塔吉克', '塔塔尔', '哈萨克',
  '蒙古', '布依', '朝鲜', '土家', '哈尼', '傈僳', '高山', '拉祜', '东乡', '纳西', '景颇', '仫佬', '布朗',
  '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '德昂', '保安', '裕固', '独龙', '门巴', '珞巴', '基诺',
  '回', '藏', '苗', '彝', '壮', '满', '侗', '瑶', '白', '傣', '黎', '佤', '畲', '水', '土', '羌', '怒', '京',
];
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${PEOPLES.join('|')}|各)族?)*族?自治(区|州|县|旗)$`);
const PLAIN_SUFFIX = /^(.{2,}?)(地区|林区|特区|新区|省|市|县|区|旗|盟)$/;
/** Development zones and the like: known by their full name only. */
const ZONE = /开发区|园区|示范区|管理区|实验区|聚集区|委员会|管委会|新城$|群岛|海域|食品区|改革/;
/** A banner such as 阿拉善左旗 keeps its 左/右/前/中/后: 阿拉善左 is not a name anyone writes. */
const BANNER_SIDE = /[左右前中后]$/;

/**
 * Counties' short forms nobody writes for the place: generic words, given names and greetings
 * (平安, 合作, 光明 …). Their full names (平安区, 合作市 …) still work.
 */
const NOT_COUNTY_SHORT_FORMS: ReadonlySet<string> = new Set([
  '城关', '城中', '市中', '新城', '老城', '开发', '高新', '平安', '合作', '光明', '长寿', '和平', '友好',
  '团结', '向阳', '红旗', '工农', '五一', '民主', '新华', '前进', '胜利', '吉利', '大方', '安定', '新兴',
  '东方', '太平', '安宁', '城北', '城东', '城西', '城南', '永和', '同心', '和顺', '安居', '大安', '通道',
  '互助', '石林', '温泉', '老城', '长安', '青山', '东山', '南山', '文明', '建设', '先锋', '红星', '解放',
]);

/** Aliases people use that the suffix rules do not produce. */
const EXTRA_ALIASES: Readonly<Record<string, string>> = { 内蒙: '15', 新疆维吾尔: '65', 广西壮族: '45', 宁夏回族: '64' };

export interface PlaceCandidate {
  readonly code: string;
  /** Display name (湖州市). */
  readonly name: string;
  readonly level: Place['level'];
}

function shortForms(place: Place): string[] {
  const name = place.name;
  if (ZONE.test(name)) return [];
  const forms: string[] = [];
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous) {
    forms.push(autonomous[1]!);
    if (autonomous[2] === '州') forms.push(`${autonomous[1]}州`); // 凉山州, 恩施州
    if (autonomous[2] === '县') forms.push(`${autonomous[1]}县`); // 城步县, 秀山县: how their own people write them
  } else {
    const plain = PLAIN_SUFFIX.exec(name);
    if (plain && !(plain[2] === '旗' && BANNER_SIDE.test(plain[1]!))) forms.push(plain[1]!);
  }
  return forms.filter(
    (form) => form.length >= 2 && form !== name && !(place.level === 'county' && NOT_COUNTY_SHORT_FORMS.has(form)),
  );
}

function buildAliases(): Map<string, PlaceCandidate[]> {
  const aliases = new Map<string, PlaceCandidate[]>();
  const add = (alias: string, place: Place) => {
    const list = aliases.get(alias);
    const candidate: PlaceCandidate = { code: place.code, name: place.name, level: place.level };
    if (!list) aliases.set(alias, [candidate]);
    else if (!list.some((c) => c.code === place.code)) list.push(candidate);
  };
  const places = listPlaces();
  const provinceNames = new Set(places.filter((p) => p.level === 'province').map((p) => p.name));
  for (const place of places) {
    // Municipalities' city rows (北京市 under 北京市) and 省直辖县级行政区划 are table artefacts, not places people name.
    if (place.level === 'city' && (provinceNames.has(place.name) || place.name.endsWith('直辖县级行政区划'))) continue;
    add(place.name, place);
    for (const form of shortForms(place)) add(form, place);
  }
  const byCode = new Map(places.map((p) => [p.code, p]));
  for (const [alias, code] of Object.entries(EXTRA_ALIASES)) {
    const place = byCode.get(code);
    if (place) add(alias, place);
  }
  return aliases;
}

const PLACE_ALIASES: ReadonlyMap<string, readonly PlaceCandidate[]> = buildAliases();

/** Every spelling of a place (full names and short forms) → the places it may mean. */
export function placeAliases(): ReadonlyMap<string, readonly PlaceCandidate[]> {
  return PLACE_ALIASES;
}

/** The places a spelling may mean (empty when none). */
export function placeCandidates(spelling: string): readonly PlaceCandidate[] {
  return PLACE_ALIASES.get(spelling) ?? [];
}

const LEVEL_RANK: Readonly<Record<Place['level'], number>> = { province: 0, city: 1, county: 2 };

/** The single highest-level candidate, or `undefined` when two share the highest level. */
function highestLevel(candidates: readonly PlaceCandidate[]): PlaceCandidate | undefined {
  let best: PlaceCandidate | undefined;
  let tie = false;
  for (const c of candidates) {
    if (!best || LEVEL_RANK[c.level] < LEVEL_RANK[best.level]) {
      best = c;
      tie = false;
    } else if (LEVEL_RANK[c.level] === LEVEL_RANK[best.level]) tie = true;
  }
  return tie ? undefined : best;
}

/**
 * Picks the place a spelling means, given the region codes named earlier in the message (`context`,
 * 2-, 4- or 6-digit codes):
 *   1. candidates lying inside an earlier-named region win, the region named last first (北京 … 朝阳 → 北京市朝阳区);
 *   2. among the remaining, the highest level wins (province > city > county: 吉林 → 吉林省, 朝阳 → 朝阳市);
 *   3. a tie at that level is not guessed: `undefined` (通州, 鼓楼 with no context).
 */
export function resolvePlace(
  candidates: readonly PlaceCandidate[],
  context: readonly string[],
): PlaceCandidate | undefined {
  if (candidates.length === 1) return candidates[0];
  // A place named again is the same place (东莞 … 东莞虎门服装厂: the city, not the county-level row 441900).
  const again = candidates.find((c) => context.includes(c.code));
  if (again) return again;
  // The region named last counts first (广东省广州市白云区 for someone whose ID is from 贵州: 广州's 白云区).
  for (let k = context.length - 1; k >= 0; k--) {
    const region = context[k]!;
    const inside = candidates.filter((c) => c.code.length > region.length && c.code.startsWith(region));
    if (inside.length > 0) return highestLevel(inside);
  }
  return highestLevel(candidates);
}
