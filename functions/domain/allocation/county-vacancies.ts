// A county's share of the open vacancies under a national allocation (level 2's input): its jobs
// with `remaining` replaced by its quota (never above what is still left), and its own county's
// public-welfare posts untouched — posts take residents only, so they never leave their county.
import type { MatchVacancy } from '../matching/index.js';
import type { NationalAllocation } from './types.js';

export function countyVacancies(
  allocation: Pick<NationalAllocation, 'quotas'>,
  county: string,
  vacancies: readonly MatchVacancy[],
): MatchVacancy[] {
  const mine = allocation.quotas[county] ?? {};
  const out: MatchVacancy[] = [];
  for (const v of vacancies) {
    if (v.kind === 'post') {
      if (v.county === county) out.push(v);
      continue;
    }
    const places = Math.min(Math.floor(v.remaining), mine[v.id] ?? 0);
    if (places > 0) out.push({ ...v, remaining: places });
  }
  return out;
}
