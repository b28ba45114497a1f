// The canonical skill vocabulary (DESIGN §5). Labourers, vacancies and matching use exactly these
// names; extend the list at the end, never rename an entry.
//
// Synonyms (瓦工 → 泥瓦工, 电焊 → 焊工 …) are input spellings, not skills: they belong in the SMS
// grammar, which maps them onto these names.
export const SKILLS = [
  '普工',
  '泥瓦工',
  '木工',
  '钢筋工',
  '架子工',
  '电工',
  '焊工',
  '水暖工',
  '油漆工',
  '装修工',
  '缝纫工',
  '厨师',
  '服务员',
  '保洁',
  '保安',
  '司机',
  '搬运工',
  '快递员',
  '电子装配',
  '护工',
  '育婴员',
  '种植',
  '养殖',
] as const;

export type Skill = (typeof SKILLS)[number];

const SKILL_SET: ReadonlySet<string> = new Set(SKILLS);

export function isSkill(s: unknown): s is Skill {
  return typeof s === 'string' && SKILL_SET.has(s);
}
