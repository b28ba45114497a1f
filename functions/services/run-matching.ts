// A county's matching run: its open labourers against every open vacancy and post, solved optimally by
// the domain engine; each offer is then written with its place, the labourer's new status and the SMS
// in one transaction that re-checks capacity (a place taken meanwhile just skips that offer, and so does
// a write that still conflicts after its retries: its place stays free for the next run). The run keeps a
// record: its progress, then who it left out and why (matching-run-record.ts).
// A big county's run is written by a background worker that may stop before its time is up (`shouldPause`)
// and hand on: the next one solves again what is still open (the labourers already offered are no longer
// `registered`, the places taken are gone) and goes on, adding to what the record says was written. A run
// that stops on an error is marked failed with what it wrote; those offers stand, and the next run only
// sees who is still open — every offer's transaction is conditional on the labourer still `registered` and
// the place still free, so nothing is offered twice.
import { logger } from '#adapters/logger.js';
import { chinaToday } from '#domain/calendar.js';
import { explainUnmatched, matchCounty, type MatchOffer, type UnmatchedReason } from '#domain/matching/index.js';
import { TransactionConflictError, writeTransaction, type TxPart } from '#store/transact.js';
import type { Deps } from './deps.js';
import type { LabourerItem } from './labourer-view.js';
import { listOpenVacancies } from './manage-vacancies.js';
import { toMatchLabourer, toMatchVacancy } from './matching-input.js';
import {
  failRunRecord,
  finishRunRecord,
  NOTHING_YET,
  pauseRunRecord,
  recordRunProgress,
  startRunRecord,
  type RunSoFar,
} from './matching-run-record.js';
import { takePlace } from './offer-places.js';
import { offerSms } from './offer-sms.js';
import { moveLabourer } from './labourer-status.js';
import { outboxPart, smsNotBefore } from './outbox.js';
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

export interface RunTurnOptions extends CountyMatchingOptions {
  /** Asked before each batch of writes (after the first): true stops the turn, the run is then paused. */
  shouldPause?: () => boolean;
  /** Told of each progress record (a background job mirrors it). */
  onProgress?: (done: number, total: number) => Promise<void>;
}

export type RunTurn = { state: 'done'; result: MatchingRunResult } | { state: 'paused'; soFar: RunSoFar };

export async function runCountyMatching(deps: Deps, county: string, options: CountyMatchingOptions = {}): Promise<MatchingRunResult> {
  const runId = deps.newId();
  await startRunRecord(deps, runId, county);
  const turn = await continueMatchingRun(deps, runId, county, options);
  // Without shouldPause a turn always runs to the end.
  if (turn.state !== 'done') throw new Error('matching run paused without being asked to');
  return turn.result;
}

/** One turn of a run whose record exists: solve what is open, write its offers until done or asked to pause. */
export async function continueMatchingRun(
  deps: Deps,
  runId: string,
  county: string,
  options: RunTurnOptions = {},
  soFar: RunSoFar = NOTHING_YET,
): Promise<RunTurn> {
  const tally = { ...soFar };
  try {
    return await matchAndOffer(deps, runId, county, options, soFar, tally);
  } catch (error) {
    await failRunRecord(deps, runId, tally).catch((e: unknown) => logger.warn('matching run record not marked failed', { runId, error: e as Error }));
    throw error;
  }
}

async function matchAndOffer(
  deps: Deps,
  runId: string,
  county: string,
  options: RunTurnOptions,
  soFar: RunSoFar,
  /** Kept current as offers are written: what the run has written if this turn fails. */
  tally: RunSoFar,
): Promise<RunTurn> {
  const { labourer, offer } = deps.db.entities;
  const now = deps.clock.now();
  const today = chinaToday(now);
  const [{ data: open }, { data: declined }, { data: left }, { data: notArrived }, vacancies] = await Promise.all([
    labourer.query.labourersByCounty({ homeCounty: county, status: 'registered' }).go({ pages: 'all' }),
    offer.query.offersByCounty({ county, status: 'declined' }).go({ pages: 'all', attributes: ['labourerId', 'vacancyId'] }),
    // A job left, or never started, is not offered to the same person again (issue #18).
    offer.query.offersByCounty({ county, status: 'left' }).go({ pages: 'all', attributes: ['labourerId', 'vacancyId'] }),
    offer.query.offersByCounty({ county, status: 'not_arrived' }).go({ pages: 'all', attributes: ['labourerId', 'vacancyId'] }),
    (options.vacancies ?? (() => listOpenVacancies(deps)))(),
  ]);
  const declinedBy = new Map<string, string[]>();
  for (const d of [...declined, ...left, ...notArrived]) declinedBy.set(d.labourerId!, [...(declinedBy.get(d.labourerId!) ?? []), d.vacancyId!]);

  const matchLabourers = open.map((l) => toMatchLabourer(l, declinedBy.get(l.labourerId)));
  const result = matchCounty(matchLabourers, vacancies.filter((v) => v.remaining > 0).map(toMatchVacancy), { today });
  const total = soFar.done + result.offers.length;
  const progress = async (done: number) => {
    await recordRunProgress(deps, runId, done, total);
    await options.onProgress?.(done, total);
  };
  await progress(soFar.done);

  const labourers = new Map(open.map((l) => [l.labourerId, l]));
  const byId = new Map(vacancies.map((v) => [v.id, v]));
  let written = 0;
  let conflicted = 0;
  const notWritten: string[] = [];
  let reported = performance.now();
  for (let i = 0; i < result.offers.length; i += WRITE_CONCURRENCY) {
    if (i > 0 && options.shouldPause?.()) {
      await pauseRunRecord(deps, runId, tally, total);
      await options.onProgress?.(tally.done, total);
      return { state: 'paused', soFar: tally };
    }
    const batch = result.offers.slice(i, i + WRITE_CONCURRENCY);
    // Settled one by one: a batch that fails part-way still counts the offers it wrote before the run stops.
    const settled = await Promise.allSettled(
      batch.map((o) => writeOffer(deps, offerParts(deps, runId, now, o, labourers.get(o.labourerId)!, byId.get(o.vacancyId)!))),
    );
    const outcomes = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    settled.forEach((s, k) => {
      if (s.status === 'rejected') return;
      const o = s.value;
      const offer = batch[k]!;
      tally.done++;
      if (o === 'written') {
        written++;
        tally.offers++;
        const poor = labourers.get(offer.labourerId)!.poverty;
        tally.objective += offer.fit + (poor ? result.povertyWeight : 0);
        if (poor) tally.poorPlaced++;
      } else {
        notWritten.push(offer.labourerId);
        tally.skipped++;
      }
    });
    conflicted += outcomes.filter((o) => o === 'conflicted').length;
    tally.conflicted += outcomes.filter((o) => o === 'conflicted').length;
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure) throw failure.reason;
    if (performance.now() - reported > PROGRESS_EVERY_MS) {
      await progress(tally.done);
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
  // The last turn's objective is its plan's (as a run in one turn reports it); earlier turns add what they wrote.
  const objective = soFar.objective + result.objective;
  const poorPlaced = soFar.poorPlaced + result.poorPlaced;
  const offers = soFar.offers + written;
  const byReason = await finishRunRecord(deps, runId, { planned: total, offers, objective, poorPlaced, reasons });
  return {
    state: 'done',
    result: {
      runId,
      offers,
      unmatched: reasons.size,
      objective,
      poorPlaced,
      skipped: soFar.skipped + result.offers.length - written,
      conflicted: soFar.conflicted + conflicted,
      byReason,
    },
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
  const sms = offerSms(person, vacancy, OFFER_HOURS);
  const smsMessageId = deps.newId();
  // The hours run from when the SMS goes: at night, from the end of quiet hours (offer-deadline.ts).
  const sendsAt = smsNotBefore(deps, { to: person.phone, sms }) ?? now;
  const respondBy = new Date(sendsAt.getTime() + OFFER_HOURS * 3600_000).toISOString();
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
            smsMessageId,
          })
          .commit(),
    },
    takePlace(vacancy, person.poverty),
    moveLabourer(person, 'registered', 'offered', { onlyIfSubscribed: true }),
    outboxPart(deps, { to: person.phone, sms, county: person.homeCounty, messageId: smsMessageId }),
  ];
}
