// The county dashboard's figures, computed from the county's labourers, offers and posts.
// Reads the county's items (projected to the few attributes needed); a county of hundreds of thousands
// would want running counters instead — noted for when dashboards meet county scale.
import { chinaToday } from '#domain/calendar.js';
import type { Deps } from './deps.js';

export interface CountyStats {
  county: string;
  registered: number;
  poverty: number;
  offered: number;
  accepted: number;
  placed: number;
  travelling: number;
  optedOut: number;
  /** Still unplaced a week after registering: candidates for public-welfare posts or local jobs. */
  watchList: number;
  offers: { offered: number; accepted: number; declined: number; expired: number };
  posts: { count: number; openings: number; filled: number };
  /** Booked buses. */
  trips: number;
  /** By the day in China. */
  registrationsByDay: { date: string; count: number }[];
  placementsByDestination: { code: string; count: number }[];
}

export async function countyStats(deps: Pick<Deps, 'db'>, county: string): Promise<CountyStats> {
  const { labourer, offer, vacancy, trip } = deps.db.entities;
  const [{ data: people }, { data: offers }, { data: posts }, { data: trips }] = await Promise.all([
    labourer.query.labourersByCounty({ homeCounty: county }).go({ pages: 'all', attributes: ['status', 'poverty', 'optedOut', 'createdAt', 'watchSince'] }),
    offer.query.offersByCounty({ county }).go({ pages: 'all', attributes: ['status', 'vacancyCounty'] }),
    vacancy.query.vacanciesByCounty({ county, kind: 'post' }).go({ pages: 'all', attributes: ['openings', 'filled'] }),
    trip.query.tripsByCounty({ county, status: 'booked' }).go({ pages: 'all', attributes: ['tripId'] }),
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
  };
}
