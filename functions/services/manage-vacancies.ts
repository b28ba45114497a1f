// The supply side's use cases: employers post and change vacancies, coordinators create
// public-welfare posts; everyone lists what they may see.
import { addMonths } from '#domain/calendar.js';
import { countyByCode } from '#domain/divisions.js';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.js';
import type { Skill } from '#domain/skills.js';
import type { VACANCY_KINDS } from '#store/entities/vacancy.js';
import type { Deps } from './deps.js';
import { toVacancyView, type VacancyView } from './vacancy-view.js';

type Kind = (typeof VACANCY_KINDS)[number];

function assertRealCounty(county: string): void {
  if (!countyByCode(county)) {
    throw new ValidationError('县级行政区划代码无效', [{ path: 'county', message: `没有这个县级行政区划代码：${county}` }]);
  }
}

export interface NewVacancy {
  employerId: string;
  employerKind: 'enterprise' | 'workshop' | 'leading';
  title: string;
  skills: Skill[];
  county: string;
  openings: number;
  monthlyWage: number;
  startDate: string;
}

/** What every new vacancy or post starts with: open, all its places free. */
function freshSupply(deps: Deps, openings: number) {
  return {
    vacancyId: deps.newId(),
    filled: 0,
    offered: 0,
    remaining: openings,
    nonPoorCommitted: 0,
    status: 'open' as const,
    createdAt: deps.clock.now().toISOString(),
  };
}

export async function postVacancy(deps: Deps, input: NewVacancy): Promise<VacancyView> {
  assertRealCounty(input.county);
  const { data } = await deps.db.entities.vacancy
    .create({ ...input, ...freshSupply(deps, input.openings), kind: 'job', ownerId: `employer:${input.employerId}` })
    .go();
  return toVacancyView(data);
}

export interface NewPost {
  title: string;
  county: string;
  openings: number;
  monthlyWage: number;
  months: number;
  poorShareMin: number;
  startDate: string;
  skills: Skill[];
}

export async function createPost(deps: Deps, input: NewPost): Promise<VacancyView> {
  assertRealCounty(input.county);
  const { data } = await deps.db.entities.vacancy
    .create({
      ...input,
      ...freshSupply(deps, input.openings),
      kind: 'post',
      ownerId: `county:${input.county}`,
      endDate: addMonths(input.startDate, input.months),
    })
    .go();
  return toVacancyView(data);
}

export async function getVacancy(deps: Deps, vacancyId: string): Promise<VacancyView> {
  const { data } = await deps.db.entities.vacancy.get({ vacancyId }).go();
  if (!data) throw new NotFoundError('没有这个岗位');
  return toVacancyView(data);
}

/** Every open vacancy and post in the country: what a matching run may offer. */
export async function listOpenVacancies(deps: Pick<Deps, 'db'>): Promise<VacancyView[]> {
  const { data } = await deps.db.entities.vacancy.query.openVacancies({ status: 'open' }).go({ pages: 'all' });
  return data.map(toVacancyView);
}

export async function listCountyVacancies(deps: Deps, county: string, kind?: Kind): Promise<VacancyView[]> {
  const { data } = await deps.db.entities.vacancy.query
    .vacanciesByCounty({ county, ...(kind ? { kind } : {}) })
    .go({ pages: 'all' });
  return data.map(toVacancyView);
}

export async function listEmployerVacancies(deps: Deps, employerId: string): Promise<VacancyView[]> {
  const { data } = await deps.db.entities.vacancy.query.vacanciesByOwner({ ownerId: `employer:${employerId}` }).go({ pages: 'all' });
  return data.map(toVacancyView);
}

export interface VacancyChange {
  openings?: number;
  status?: 'open' | 'closed';
}

/**
 * Changes openings or closes a vacancy. Openings never go below the places already filled or offered:
 * `remaining` moves with openings, and the write is conditional on it staying ≥ 0 and on the openings
 * it was computed from, so a concurrent offer, acceptance or change wins and this one is refused.
 */
export async function updateVacancy(deps: Deps, current: VacancyView, change: VacancyChange): Promise<VacancyView> {
  if (current.status === 'ended') throw new ConflictError('岗位已结束，不能修改');
  const committed = current.filled + current.offered;
  if (change.openings !== undefined && change.openings < committed) {
    throw new ConflictError('岗位数不能少于已录用和已发出录用通知的人数', [
      { path: 'openings', message: `至少 ${committed}（已录用 ${current.filled}，待答复 ${current.offered}）` },
    ]);
  }
  const delta = change.openings === undefined ? 0 : change.openings - current.openings;
  try {
    const { data } = await deps.db.entities.vacancy
      .patch({ vacancyId: current.id })
      .set({ ...change })
      .add({ remaining: delta })
      // The open-vacancies index is keyed on status and county: a status change rebuilds it.
      .composite({ county: current.county })
      .where(({ remaining, openings }, { eq, gte }) => `${gte(remaining, -delta)} AND ${eq(openings, current.openings)}`)
      .go({ response: 'all_new' });
    return toVacancyView(data as never);
  } catch (error) {
    if ((error as Error).message.includes('conditional request failed')) {
      throw new ConflictError('岗位刚刚被其他操作修改，请刷新后重试');
    }
    throw error;
  }
}
