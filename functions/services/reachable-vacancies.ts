// The open vacancies a county's labourers can reach: jobs anywhere inside one of their destinations (a
// province, city or county), and everything in the county itself, which suits everyone (DESIGN §7).
// What the 岗位 view shows a coordinator deciding whom to call, beside the county's own list.
import { regionContains } from '#domain/divisions.js';
import type { Deps } from './deps.js';
import { listOpenVacancies } from './manage-vacancies.js';
import type { VacancyView } from './vacancy-view.js';

export async function reachableVacancies(deps: Deps, county: string): Promise<VacancyView[]> {
  const [destinations, open] = await Promise.all([countyDestinations(deps, county), listOpenVacancies(deps)]);
  return open.filter((v) => v.county === county || (v.kind === 'job' && [...destinations].some((d) => regionContains(d, v.county))));
}

/** The distinct destinations of the county's labourers who can travel (only that attribute is read). */
async function countyDestinations(deps: Deps, county: string): Promise<Set<string>> {
  const { data } = await deps.db.entities.labourer.query
    .labourersByCounty({ homeCounty: county })
    .go({ pages: 'all', attributes: ['destinations', 'canTravel'] });
  return new Set(data.filter((l) => l.canTravel).flatMap((l) => (l.destinations ?? []).map((d) => d.code)));
}
