// Why an offer was made, in Chinese for the labourer and the coordinator, each line behind a stable
// English code (POVERTY, POST, SKILL, HOME, PLACE, WAGE, DATE) that programs can read.
import { regionName, type PairFit } from './feasibility.js';
import type { MatchLabourer, MatchVacancy } from './types.js';

export function offerReasons(labourer: MatchLabourer, vacancy: MatchVacancy, pair: PairFit): string[] {
  const reasons: string[] = [];
  if (labourer.poverty) reasons.push('POVERTY: 建档立卡优先');
  if (vacancy.kind === 'post') reasons.push('POST: 公益岗位（本县居民）');
  reasons.push(
    pair.skill.fit === 'exact' ? `SKILL: 技能匹配: ${pair.skill.skills.join('、')}` : 'SKILL: 普工岗位，不限技能',
  );
  reasons.push(pair.place.via === 'home' ? 'HOME: 本县就业' : `PLACE: 意向地: ${regionName(pair.place.code)}`);
  reasons.push(`WAGE: 月薪 ${vacancy.monthlyWage} ≥ 期望 ${labourer.expectedWage}`);
  if (labourer.availableFrom) {
    reasons.push(`DATE: ${labourer.availableFrom.slice(0, 10)} 可到岗，${vacancy.startDate.slice(0, 10)} 开工`);
  }
  return reasons;
}
