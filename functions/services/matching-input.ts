// Stored labourers and vacancies as the matching engine sees them.
import type { MatchLabourer, MatchVacancy } from '#domain/matching/index.js';
import type { LabourerItem } from './labourer-view.js';
import type { VacancyView } from './vacancy-view.js';

export function toMatchLabourer(item: LabourerItem, declinedVacancyIds: readonly string[] = []): MatchLabourer {
  return {
    id: item.labourerId,
    homeCounty: item.homeCounty,
    skills: item.skills,
    destinations: item.destinations.map((d) => d.code),
    canTravel: item.canTravel,
    expectedWage: item.expectedWage,
    availableFrom: item.availableFrom,
    poverty: item.poverty,
    optedOut: item.optedOut,
    unreachable: item.unreachable === true,
    registeredAt: item.createdAt,
    declinedVacancyIds,
  };
}

export function toMatchVacancy(vacancy: VacancyView): MatchVacancy {
  return {
    id: vacancy.id,
    kind: vacancy.kind,
    county: vacancy.county,
    skills: vacancy.skills,
    monthlyWage: vacancy.monthlyWage,
    startDate: vacancy.startDate,
    openings: vacancy.openings,
    remaining: vacancy.remaining,
    poorShareMin: vacancy.poorShareMin,
    nonPoorCommitted: vacancy.nonPoorCommitted,
  };
}
