// A stored vacancy or post as every route returns it (DESIGN §5).
import type { EntityItem } from 'electrodb';
import type { vacancyEntity } from '#store/entities/vacancy.js';

export type VacancyItem = EntityItem<typeof vacancyEntity>;

export interface VacancyView {
  id: string;
  kind: VacancyItem['kind'];
  title: string;
  skills: string[];
  county: string;
  openings: number;
  filled: number;
  offered: number;
  remaining: number;
  nonPoorCommitted: number;
  monthlyWage: number;
  startDate: string;
  status: VacancyItem['status'];
  employerId?: string;
  employerKind?: VacancyItem['employerKind'];
  months?: number;
  endDate?: string;
  poorShareMin?: number;
  createdAt: string;
}

export function toVacancyView(item: VacancyItem): VacancyView {
  return {
    id: item.vacancyId,
    kind: item.kind,
    title: item.title,
    skills: item.skills,
    county: item.county,
    openings: item.openings,
    filled: item.filled,
    offered: item.offered,
    remaining: item.remaining,
    nonPoorCommitted: item.nonPoorCommitted,
    monthlyWage: item.monthlyWage,
    startDate: item.startDate,
    status: item.status,
    ...(item.employerId ? { employerId: item.employerId, employerKind: item.employerKind } : {}),
    ...(item.kind === 'post' ? { months: item.months, endDate: item.endDate, poorShareMin: item.poorShareMin } : {}),
    createdAt: item.createdAt,
  };
}
