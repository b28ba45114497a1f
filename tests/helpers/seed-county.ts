// Seeding a county straight into the table through the entities (batch writes, 25 items a call, several
// calls at once): the bench's 100,000 labourers and the tests' few thousand in seconds, not the hours the
// API would take. What is skipped is only what matching does not read: the uniqueness guards of ID
// number and phone, the welcome SMS, the registration code.
import { newId } from '../../functions/adapters/ids.js';
import { placeByCode } from '../../functions/domain/divisions.js';
import type { MatchLabourer, MatchVacancy } from '../../functions/domain/matching/index.js';
import type { Deps } from '../../functions/services/deps.js';
import { syntheticCounty, TODAY, type SyntheticOptions } from '../unit/matching/synthetic-county.js';

const BATCH = 25;
const PARALLEL = 16;

async function putAll<T>(items: T[], put: (batch: T[]) => Promise<{ unprocessed: unknown[] }>): Promise<void> {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
  for (let i = 0; i < batches.length; i += PARALLEL) {
    const results = await Promise.all(batches.slice(i, i + PARALLEL).map(put));
    const left = results.reduce((n, r) => n + r.unprocessed.length, 0);
    if (left > 0) throw new Error(`${left} seeded items not written`);
  }
}

const shift = (date: string | undefined, days: number) =>
  date === undefined ? undefined : new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export type SeedLabourer = Pick<MatchLabourer, 'homeCounty' | 'skills' | 'destinations' | 'canTravel' | 'expectedWage' | 'poverty' | 'availableFrom'> & {
  id?: string;
  optedOut?: boolean;
};

/** Labourers `registered`, with distinct phones (`prefix` keeps seeds of one table apart). Returns their ids. */
export async function seedLabourers(deps: Pick<Deps, 'db'>, people: SeedLabourer[], prefix = 7): Promise<string[]> {
  const now = Date.now();
  const items = people.map((p, i) => ({
    labourerId: p.id ?? newId(),
    name: '王立学',
    phone: `+8613${prefix}${String(i).padStart(8, '0')}`,
    idHash: `seed-${prefix}-${i}`,
    idNumberMasked: `${p.homeCounty}********${String(i % 10_000).padStart(4, '0')}`,
    homeCounty: p.homeCounty,
    skills: [...p.skills],
    destinations: p.destinations.map((code) => ({ code, name: placeByCode(code)?.name ?? code })),
    canTravel: p.canTravel,
    expectedWage: p.expectedWage,
    ...(p.availableFrom ? { availableFrom: p.availableFrom } : {}),
    poverty: p.poverty,
    status: 'registered' as const,
    optedOut: p.optedOut === true,
    channel: 'web' as const,
    // Registration order: ids and times rise together.
    createdAt: new Date(now - people.length + i).toISOString(),
  }));
  await putAll(items, (batch) => deps.db.entities.labourer.put(batch).go());
  return items.map((i) => i.labourerId);
}

/** Open vacancies (jobs and posts) as an employer or coordinator would have posted them. Returns their ids. */
export async function seedVacancies(deps: Pick<Deps, 'db'>, vacancies: Omit<MatchVacancy, 'id'>[]): Promise<string[]> {
  const createdAt = new Date().toISOString();
  const items = vacancies.map((v) => ({
    vacancyId: newId(),
    kind: v.kind,
    ownerId: v.kind === 'post' ? `coordinator:${v.county}` : 'employer:seed',
    ...(v.kind === 'job' ? { employerId: 'seed' } : {}),
    title: v.kind === 'post' ? '公益岗位' : `${v.skills[0]}`,
    skills: [...v.skills],
    county: v.county,
    openings: v.openings,
    filled: v.openings - v.remaining,
    offered: 0,
    remaining: v.remaining,
    nonPoorCommitted: v.nonPoorCommitted ?? 0,
    monthlyWage: v.monthlyWage,
    startDate: v.startDate,
    ...(v.poorShareMin !== undefined ? { poorShareMin: v.poorShareMin, months: 6 } : {}),
    status: 'open' as const,
    createdAt,
  }));
  await putAll(items, (batch) => deps.db.entities.vacancy.put(batch).go());
  return items.map((i) => i.vacancyId);
}

/**
 * The matching bench's synthetic county (tests/unit/matching/synthetic-county.ts) in the table, its
 * dates moved so that its "today" is `today`. Labourers of the neighbouring counties it mixes in are kept.
 */
export async function seedSyntheticCounty(deps: Pick<Deps, 'db'>, options: SyntheticOptions, today: string): Promise<{ labourers: number; openings: number }> {
  const county = syntheticCounty(options);
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${TODAY}T00:00:00Z`)) / 86_400_000);
  await seedVacancies(
    deps,
    county.vacancies.map(({ id: _id, ...v }) => ({ ...v, startDate: shift(v.startDate, days)! })),
  );
  await seedLabourers(
    deps,
    county.labourers.map((l) => ({
      homeCounty: l.homeCounty,
      skills: l.skills,
      destinations: l.destinations,
      canTravel: l.canTravel,
      expectedWage: l.expectedWage,
      poverty: l.poverty,
      optedOut: l.optedOut,
      ...(l.availableFrom ? { availableFrom: shift(l.availableFrom, days)! } : {}),
    })),
  );
  return { labourers: county.labourers.length, openings: county.vacancies.reduce((n, v) => n + v.remaining, 0) };
}
