// Which vacancies a run may still fill: places left and, when today is known, not started yet — the
// rule matchCounty applies (feasibility.ts vacancyOpen); pairFit re-checks it on every arc.
import type { MatchVacancy } from '../matching/index.js';

export function isOpen(vacancy: Pick<MatchVacancy, 'remaining' | 'startDate'>, today?: string): boolean {
  return Math.floor(vacancy.remaining) > 0 && (today === undefined || vacancy.startDate.slice(0, 10) >= today.slice(0, 10));
}
