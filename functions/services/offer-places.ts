// The vacancy side of an offer's life: taking a place when offered, turning it into a filled place on
// acceptance, giving it back on a decline or expiry. Each is a conditional update inside the offer's
// transaction, so places are never overbooked under any concurrency.
import { nonPoorPlaces } from '#domain/matching/index.js';
import type { TxPart } from '#store/transact.js';
import { toMatchVacancy } from './matching-input.js';
import type { VacancyView } from './vacancy-view.js';

/** A non-poor labourer's place on a post counts against the post's non-poor cap. */
const countsAgainstCap = (vacancy: Pick<VacancyView, 'kind'>, poverty: boolean) => vacancy.kind === 'post' && !poverty;

export function takePlace(vacancy: VacancyView, poverty: boolean): TxPart {
  const capped = countsAgainstCap(vacancy, poverty);
  // The post's whole non-poor allowance: what nonPoorPlaces leaves when nothing is committed yet.
  const cap = capped ? nonPoorPlaces({ ...toMatchVacancy(vacancy), remaining: vacancy.openings, nonPoorCommitted: 0 }) : 0;
  return {
    name: 'vacancyPlace',
    item: ({ vacancy: entity }) =>
      entity
        .patch({ vacancyId: vacancy.id })
        .add({ offered: 1, remaining: -1, nonPoorCommitted: capped ? 1 : 0 })
        .where((a, { gte, eq, lt }) =>
          [gte(a.remaining, 1), eq(a.status, 'open'), ...(capped ? [lt(a.nonPoorCommitted, cap)] : [])].join(' AND '),
        )
        .commit(),
  };
}

export function fillPlace(vacancy: Pick<VacancyView, 'id'>): TxPart {
  return {
    name: 'vacancyPlace',
    item: ({ vacancy: entity }) =>
      entity
        .patch({ vacancyId: vacancy.id })
        .add({ offered: -1, filled: 1 })
        .where((a, { gte }) => gte(a.offered, 1))
        .commit(),
  };
}

export function releasePlace(vacancy: Pick<VacancyView, 'id' | 'kind'>, poverty: boolean): TxPart {
  return {
    name: 'vacancyPlace',
    item: ({ vacancy: entity }) =>
      entity
        .patch({ vacancyId: vacancy.id })
        .add({ offered: -1, remaining: 1, nonPoorCommitted: countsAgainstCap(vacancy, poverty) ? -1 : 0 })
        .where((a, { gte }) => gte(a.offered, 1))
        .commit(),
  };
}

/** A filled place given back: the worker never started, or left (issue #18); the next run may fill it. */
export function vacateFilledPlace(vacancy: Pick<VacancyView, 'id' | 'kind'>, poverty: boolean): TxPart {
  return {
    name: 'vacancyPlace',
    item: ({ vacancy: entity }) =>
      entity
        .patch({ vacancyId: vacancy.id })
        .add({ filled: -1, remaining: 1, nonPoorCommitted: countsAgainstCap(vacancy, poverty) ? -1 : 0 })
        .where((a, { gte }) => gte(a.filled, 1))
        .commit(),
  };
}
