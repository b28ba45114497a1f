// A county's matching run: its open labourers against every open vacancy and post, solved optimally by
// the domain engine; each offer is then written with its place, the labourer's new status and the SMS
// in one transaction that re-checks capacity (a place taken meanwhile just skips that offer, and so does
// a write that still conflicts after its retries: its place stays free for the next run). The run keeps a
// record: its progress, then who it left out and why (matching-run-record.ts).
import { logger } from '#adapters/logger.js';
import { chinaToday } from '#domain/calendar.js';
import { explainUnmatched, matchCounty, type MatchOffer, type UnmatchedReason } from '#domain/matching/index.js';
import { TransactionConflictError, writeTransaction, type TxPart } from '#store/transact.js';
import type { Deps } from './deps.js';
import type { LabourerItem } from './labourer-view.js';
import { listOpenVacancies } from './manage-vacancies.js';
import { toMatchLabourer, toMatchVacancy } from './matching-input.js';
import { failRunRecord, finishRunRecord, recordRunProgress, startRunRecord } from './matching-run-record.js';
import { takePlace } from './offer-places.js';
import { offerSms } from './offer-sms.js';
import { moveLabourer } from './labourer-status.js';
import { outboxPart } from './outbox.js';
import type { VacancyView } from './vacancy-view.js';

export const OFFER_HOURS = 48;
const WRITE_CONCURRENCY = 8;
/** How often a long run's record shows its progress. */
const PROGRESS_EVERY_MS = 2000;

export interface MatchingRunResult {
  runId: string;
  /** Offers written (an offer whose place was taken meanwhile is skipped, not counted). */
  offers: number;
  unmatched: number;
  objective: number;
  poorPlaced: number;
  /** Offers not written: their place was taken meanwhile, or their write kept conflicting. */
  skipped: number;
  /** Of the skipped, those whose transaction still conflicted after its retries. */
  conflicted: number;
  /** Unmatched labourers per reason code (GET /matching/runs/{id}/unmatched lists them). */
  byReason: Partial<Record<UnmatchedReason, number>>;
}

export interface CountyMatchingOptions {
  /**
   * The vacancies the county may fill; default: every open vacancy and post. A national run passes
   * the jobs capped at the county's allocation (`remaining` = its quota) and the county's own posts.
   */
  vacancies?: () => Promise<VacancyView[]>;
}

export async function runCountyMatching(deps: Deps, county: string, options: CountyMatchingOptions = {}): Promise<MatchingRunResult> {
  const runId = deps.newId();
  await startRunRecord(deps, runId, county);
  try {
    return await matchAndOffer(deps, runId, county, options);
  } catch (error) {
    await failRunRecord(deps, runId).catch((e: unknown) => logger.warn('matching run record not marked failed', { runId, error: e as Error }));
    throw error;
  }
}

async function matchAndOffer(deps: Deps, runId: string, county: string, options: CountyMatchingOptions): Promise<MatchingRunResult> {
  const { labourer, offer } = deps.db.entities;
  const now = deps.clock.now();
  const today = chinaToday(now);
  const [{ data: open }, { data: declined }, vacancies] = await Promise.all([
    labourer.query.labourersByCounty({ homeCounty: county, status: 'registered' }).go({ pages: 'all' }),
    offer.query.offersByCounty({ county, status: 'declined' }).go({ pages: 'all', attributes: ['labourerId', 'vacancyId'] }),
    (options.vacancies ?? (() => listOpenVacancies(deps)))(),
  ]);
  const declinedBy = new Map<string, string[]>();
  for (const d of declined) declinedBy.set(d.labourerId!, [...(declinedBy.get(d.labourerId!) ?? []), d.vacancyId!]);

  const matchLabourers = open.map((l) => toMatchLabourer(l, declinedBy.get(l.labourerId)));
  const result = matchCounty(matchLabourers, vacancies.filter((v) => v.remaining > 0).map(toMatchVacancy), { today });
  await recordRunProgress(deps, runId, 0, result.offers.length);

  const labourers = new Map(open.map((l) => [l.labourerId, l]));
  const byId = new Map(vacancies.map((v) => [v.id, v]));
  let written = 0;
  let conflicted = 0;
  const notWritten: string[] = [];
  let reported = performance.now();
  for (let i = 0; i < result.offers.length; i += WRITE_CONCURRENCY) {
    const batch = result.offers.slice(i, i + WRITE_CONCURRENCY);
    const outcomes = await Promise.all(
      batch.map((o) => writeOffer(deps, offerParts(deps, runId, now, o, labourers.get(o.labourerId)!, byId.get(o.vacancyId)!))),
    );
    outcomes.forEach((o, k) => (o === 'written' ? written++ : notWritten.push(batch[k]!.labourerId)));
    conflicted += outcomes.filter((o) => o === 'conflicted').length;
    if (performance.now() - reported > PROGRESS_EVERY_MS) {
      await recordRunProgress(deps, runId, i + batch.length, result.offers.length);
      reported = performance.now();
    }
  }
  if (conflicted > 0) logger.warn('matching run gave up offers after write conflicts', { runId, county, conflicted });

  const unmatchedIds = new Set(result.unmatched);
  const reasons = explainUnmatched(
    matchLabourers.filter((l) => unmatchedIds.has(l.id)),
    vacancies.map(toMatchVacancy),
    { today },
  );
  // An offer whose place was taken meanwhile leaves its labourer out for want of a place.
  for (const id of notWritten) reasons.set(id, 'vacancies_full');
  const byReason = await finishRunRecord(deps, runId, { planned: result.offers.length, offers: written, objective: result.objective, poorPlaced: result.poorPlaced, reasons });
  return {
    runId,
    offers: written,
    unmatched: reasons.size,
    objective: result.objective,
    poorPlaced: result.poorPlaced,
    skipped: result.offers.length - written,
    conflicted,
    byReason,
  };
}

/** One offer's transaction; one that keeps conflicting is given up, not the whole run. */
async function writeOffer(deps: Deps, parts: TxPart[]): Promise<'written' | 'taken' | 'conflicted'> {
  try {
    return (await writeTransaction(deps.db, parts)).ok ? 'written' : 'taken';
  } catch (error) {
    if (error instanceof TransactionConflictError) return 'conflicted';
    throw error;
  }
}

function offerParts(deps: Deps, runId: string, now: Date, match: MatchOffer, person: LabourerItem, vacancy: VacancyView): TxPart[] {
  const offerId = deps.newId();
  const respondBy = new Date(now.getTime() + OFFER_HOURS * 3600_000).toISOString();
  const sms = offerSms(person, vacancy, OFFER_HOURS);
  return [
    {
      name: 'offer',
      item: ({ offer }) =>
        offer
          .create({
            offerId,
            runId,
            labourerId: person.labourerId,
            vacancyId: vacancy.id,
            county: person.homeCounty,
            vacancyCounty: vacancy.county,
            vacancyKind: vacancy.kind,
            vacancyTitle: vacancy.title,
            poverty: person.poverty,
            fit: match.fit,
            reasons: match.reasons,
            status: 'offered',
            createdAt: now.toISOString(),
            respondBy,
          })
          .commit(),
    },
    takePlace(vacancy, person.poverty),
    moveLabourer(person, 'registered', 'offered', { onlyIfSubscribed: true }),
    outboxPart(deps, { to: person.phone, sms, county: person.homeCounty }),
  ];
}
