// The county dashboard's figures, computed from the county's labourers, offers and posts.
//
// Computing reads every item of the county (projected to the few attributes needed): instant for most
// counties, but for one of hundreds of thousands ≈ 280 MB and many seconds, on every dashboard refresh.
// So a big county (more than LIVE_LABOURERS registered) is served its figures as last computed, at most
// FRESH_MINUTES old, with the time they are from (`asOf`); the first request after that recomputes them,
// and the scheduled matcher refreshes kept figures after each run. Small counties are always computed
// live.
import { chinaToday } from '#domain/calendar.js';
import type { Deps } from './deps.js';
import type { CountyStats, RetentionGroup } from '#domain/views/county-stats.js';

export type { CountyStats, RetentionGroup };

/** Counties with more registered labourers are served their figures as last computed. */
export const LIVE_LABOURERS = 20_000;
/** How old such figures may be before a request recomputes them. */
export const FRESH_MINUTES = 15;

export interface CountyStatsOptions {
  /** Default LIVE_LABOURERS. */
  liveLabourers?: number;
}

/** The county's figures: live, or for a big county as last computed when that is recent. */
export async function countyStats(deps: Pick<Deps, 'db' | 'clock'>, county: string, options: CountyStatsOptions = {}): Promise<CountyStats> {
  const live = options.liveLabourers ?? LIVE_LABOURERS;
  const { data: kept } = await deps.db.entities.countyFigures.get({ county }).go();
  const age = kept ? deps.clock.now().getTime() - Date.parse(kept.computedAt) : Infinity;
  if (kept && kept.labourers > live && age < FRESH_MINUTES * 60_000) return JSON.parse(kept.figures) as CountyStats;
  return refreshCountyFigures(deps, county, options, kept !== null);
}

/**
 * The scheduled matcher's refresh: recomputes the figures of a county that has them kept (a big one),
 * so its dashboard is current after a run; a small county is computed live anyway and is not read here.
 */
export async function refreshKeptFigures(deps: Pick<Deps, 'db' | 'clock'>, county: string, options: CountyStatsOptions = {}): Promise<void> {
  const { data: kept } = await deps.db.entities.countyFigures.get({ county }).go();
  if (kept) await refreshCountyFigures(deps, county, options, true);
}

/** Computes the county's figures now, and keeps them when the county is big enough to be served from them. */
async function refreshCountyFigures(deps: Pick<Deps, 'db' | 'clock'>, county: string, options: CountyStatsOptions, kept: boolean): Promise<CountyStats> {
  const figures = await computeCountyStats(deps, county);
  if (figures.registered > (options.liveLabourers ?? LIVE_LABOURERS)) {
    await deps.db.entities.countyFigures
      .put({ county, figures: JSON.stringify(figures), labourers: figures.registered, computedAt: figures.asOf })
      .go();
  } else if (kept) {
    // Now small enough to be computed live: kept figures would otherwise be served, stale, once it grows back.
    await deps.db.entities.countyFigures.delete({ county }).go();
  }
  return figures;
}

const RUNNING_TRIPS = ['booked', 'boarding', 'departed', 'arrived'] as const;

async function computeCountyStats(deps: Pick<Deps, 'db' | 'clock'>, county: string): Promise<CountyStats> {
  const asOf = deps.clock.now().toISOString();
  const { labourer, offer, vacancy, trip } = deps.db.entities;
  const [{ data: people }, { data: offers }, { data: posts }, { data: trips }] = await Promise.all([
    labourer.query.labourersByCounty({ homeCounty: county }).go({ pages: 'all', attributes: ['status', 'poverty', 'optedOut', 'createdAt', 'watchSince'] }),
    offer.query.offersByCounty({ county }).go({
      pages: 'all',
      attributes: ['status', 'vacancyCounty', 'vacancyId', 'vacancyTitle', 'placedAt', 'leftAt', 'leftReason', 'checkInUnknown'],
    }),
    vacancy.query.vacanciesByCounty({ county, kind: 'post' }).go({ pages: 'all', attributes: ['openings', 'filled'] }),
    // A bus counts from its booking until it arrives (not only while `booked`): one query per status.
    Promise.all(
      RUNNING_TRIPS.map(async (status) => {
        const { data } = await trip.query.tripsByCounty({ county, status }).go({ pages: 'all', attributes: ['tripId', 'status'] });
        return data.filter((t) => t.status === status);
      }),
    ).then((pages) => ({ data: pages.flat() })),
  ]);
  const byStatus = (s: string) => people.filter((p) => p.status === s).length;
  const offersBy = (s: string) => offers.filter((o) => o.status === s).length;
  const days = new Map<string, number>();
  for (const p of people) {
    const day = chinaToday(new Date(p.createdAt!));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  const destinations = new Map<string, number>();
  for (const o of offers) if (o.status === 'accepted') destinations.set(o.vacancyCounty!, (destinations.get(o.vacancyCounty!) ?? 0) + 1);
  return {
    county,
    registered: people.length,
    poverty: people.filter((p) => p.poverty).length,
    offered: byStatus('offered'),
    accepted: byStatus('accepted'),
    placed: byStatus('placed'),
    travelling: byStatus('travelling'),
    optedOut: people.filter((p) => p.optedOut).length,
    watchList: people.filter((p) => p.watchSince && p.status === 'registered').length,
    offers: { offered: offersBy('offered'), accepted: offersBy('accepted'), declined: offersBy('declined'), expired: offersBy('expired') },
    posts: { count: posts.length, openings: posts.reduce((s, p) => s + p.openings!, 0), filled: posts.reduce((s, p) => s + p.filled!, 0) },
    trips: trips.length,
    registrationsByDay: [...days].sort().map(([date, count]) => ({ date, count })),
    placementsByDestination: [...destinations].sort().map(([code, count]) => ({ code, count })),
    arrived: byStatus('arrived'),
    ...retentionFigures(offers, deps.clock.now()),
    asOf,
  };
}

type RetentionOffer = { status?: string; vacancyCounty?: string; vacancyId?: string; vacancyTitle?: string; placedAt?: string; leftAt?: string; leftReason?: string; checkInUnknown?: boolean };

/** Retention after placement: at work N days after 上岗 (still, or having left later), leavers and why. */
function retentionFigures(offers: RetentionOffer[], now: Date) {
  const days = (o: RetentionOffer) => ((o.leftAt ? Date.parse(o.leftAt) : now.getTime()) - Date.parse(o.placedAt!)) / 86_400_000;
  const placed = offers.filter((o) => o.placedAt);
  const leavers = offers.filter((o) => o.status === 'left' || o.status === 'not_arrived');
  const group = (keyOf: (o: RetentionOffer) => string): RetentionGroup[] => {
    const groups = new Map<string, RetentionGroup>();
    for (const o of [...placed, ...leavers.filter((l) => !l.placedAt)]) {
      const key = keyOf(o);
      const g = groups.get(key) ?? { key, placed: 0, atWork: 0, retained30: 0, retained60: 0, retained90: 0, leavers: 0 };
      if (keyOf === byVacancy) g.title = o.vacancyTitle;
      if (o.placedAt) {
        g.placed++;
        if (o.status === 'placed') g.atWork++;
        if (days(o) >= 30) g.retained30++;
        if (days(o) >= 60) g.retained60++;
        if (days(o) >= 90) g.retained90++;
      }
      if (o.status === 'left' || o.status === 'not_arrived') g.leavers++;
      groups.set(key, g);
    }
    return [...groups.values()].sort((a, b) => b.placed - a.placed || a.key.localeCompare(b.key));
  };
  const byVacancy = (o: RetentionOffer) => o.vacancyId!;
  const reason = (r: string) => leavers.filter((o) => o.leftReason === r).length;
  return {
    retained30: placed.filter((o) => days(o) >= 30).length,
    retained60: placed.filter((o) => days(o) >= 60).length,
    retained90: placed.filter((o) => days(o) >= 90).length,
    leavers: leavers.length,
    leftReasons: { left: reason('left'), change: reason('change'), not_arrived: reason('not_arrived') },
    checkInUnknown: offers.filter((o) => o.status === 'placed' && o.checkInUnknown).length,
    retentionByEmployer: group(byVacancy),
    retentionByDestination: group((o) => o.vacancyCounty!),
  };
}
