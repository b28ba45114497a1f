// The workers coming to a vacancy (GET /vacancies/{id}/workers): each accepted offer, with the person, the
// bus and where they stand — offered, accepted, on a bus, arrived, at work, left (issue #18). An item per
// acceptance (vacancyWorker) makes it one query of the vacancy, whatever counties the workers come from.
import { workerStatus } from '#domain/after-bus/worker-status.js';
import type { TxPart } from '#store/transact.js';
import type { Deps } from './deps.js';
import { chinaToday } from '#domain/calendar.js';
import type { OfferItem } from './offer-view.js';
import { canSettle } from './placement.js';
import { riderPickup } from './rider-pickup.js';
import { toTripView, type TripItem } from './trip-view.js';
import type { VacancyWorker } from '#domain/views/after-bus.js';

export type { VacancyWorker };

/** Written in the acceptance's transaction (offer-life-cycle.ts). */
export function vacancyWorkerPart(offer: Pick<OfferItem, 'vacancyId' | 'offerId' | 'labourerId' | 'county'>, at: string): TxPart {
  return {
    name: 'vacancyWorker',
    item: ({ vacancyWorker }) =>
      vacancyWorker.put({ vacancyId: offer.vacancyId, offerId: offer.offerId, labourerId: offer.labourerId, county: offer.county, createdAt: at }).commit(),
  };
}

/** China's day of an ISO time. */
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

/** Buses still to arrive, whose seats are looked for: booked or on the road, from a week back. */
const ON_THE_WAY = ['booked', 'boarding', 'departed'] as const;

/**
 * The bus each given labourer holds a seat on (booked, boarding or departed): the county's such buses from
 * a week back, those listing the labourer, confirmed by the seat itself.
 */
async function seatedBuses(deps: Pick<Deps, 'db' | 'clock'>, wanted: { labourerId: string; county: string }[]): Promise<Map<string, TripItem>> {
  const found = new Map<string, TripItem>();
  const since = chinaToday(new Date(deps.clock.now().getTime() - 7 * 86_400_000));
  for (const county of new Set(wanted.map((w) => w.county))) {
    const ids = new Set(wanted.filter((w) => w.county === county).map((w) => w.labourerId));
    const trips = (
      await Promise.all(
        // gte on the sort key reads past the status's own keys: each query keeps its own status.
        ON_THE_WAY.map(async (status) => (await deps.db.entities.trip.query.tripsByCounty({ county, status }).gte({ date: since }).go({ pages: 'all' })).data.filter((t) => t.status === status)),
      )
    ).flat();
    const pairs = trips.flatMap((t) => t.passengers.filter((id) => ids.has(id)).map((labourerId) => ({ tripId: t.tripId, labourerId })));
    const byId = new Map(trips.map((t) => [t.tripId, t]));
    for (let i = 0; i < pairs.length; i += 100) {
      const { data } = await deps.db.entities.seat.get(pairs.slice(i, i + 100)).go({ attributes: ['tripId', 'labourerId'] });
      for (const seat of data) {
        const trip = byId.get(seat.tripId!)!;
        const had = found.get(seat.labourerId!);
        if (!had || trip.date < had.date) found.set(seat.labourerId!, trip as TripItem);
      }
    }
  }
  return found;
}

/**
 * Those of the given labourers marked absent on a bus that has left (departed or arrived): one read of each
 * county's such buses, those listing them, confirmed by the seat.
 */
async function missedBuses(deps: Pick<Deps, 'db'>, wanted: { labourerId: string; county: string }[]): Promise<Set<string>> {
  const missed = new Set<string>();
  for (const county of new Set(wanted.map((w) => w.county))) {
    const ids = new Set(wanted.filter((w) => w.county === county).map((w) => w.labourerId));
    const trips = (
      await Promise.all(
        (['departed', 'arrived'] as const).map(async (status) =>
          (await deps.db.entities.trip.query.tripsByCounty({ county, status }).go({ pages: 'all', attributes: ['tripId', 'status', 'passengers'] })).data.filter((t) => t.status === status),
        ),
      )
    ).flat();
    const pairs = trips.flatMap((t) => (t.passengers ?? []).filter((id) => ids.has(id)).map((labourerId) => ({ tripId: t.tripId!, labourerId })));
    for (let i = 0; i < pairs.length; i += 100) {
      const { data } = await deps.db.entities.seat.get(pairs.slice(i, i + 100)).go({ attributes: ['labourerId', 'boarding'] });
      for (const seat of data) if (seat.boarding === 'absent') missed.add(seat.labourerId!);
    }
  }
  return missed;
}

/** `county`: only the workers from this county (a coordinator's view). */
export async function vacancyWorkers(deps: Pick<Deps, 'db' | 'clock'>, vacancyId: string, county?: string): Promise<VacancyWorker[]> {
  const { data: rows } = await deps.db.entities.vacancyWorker.query.byVacancy({ vacancyId }).go({ pages: 'all' });
  const mine = county ? rows.filter((r) => r.county === county) : rows;
  const offers = new Map<string, OfferItem>();
  const people = new Map<string, { name?: string; phone?: string; idNumberMasked?: string; status?: string }>();
  for (let i = 0; i < mine.length; i += 100) {
    const part = mine.slice(i, i + 100);
    const [{ data: o }, { data: p }] = await Promise.all([
      deps.db.entities.offer.get(part.map((r) => ({ offerId: r.offerId }))).go(),
      deps.db.entities.labourer.get(part.map((r) => ({ labourerId: r.labourerId }))).go({ attributes: ['labourerId', 'name', 'phone', 'idNumberMasked', 'status'] }),
    ]);
    for (const x of o) offers.set(x.offerId, x);
    for (const x of p) people.set(x.labourerId!, x);
  }
  // The bus of each: the one they arrived on (the offer has it), else the one holding their seat.
  const arrivedOn = new Map<string, TripItem>();
  const arrivedIds = [...new Set([...offers.values()].flatMap((o) => (o.tripId ? [o.tripId] : [])))];
  for (let i = 0; i < arrivedIds.length; i += 100) {
    const { data } = await deps.db.entities.trip.get(arrivedIds.slice(i, i + 100).map((tripId) => ({ tripId }))).go();
    for (const t of data) arrivedOn.set(t.tripId, t as TripItem);
  }
  const seated = await seatedBuses(
    deps,
    mine.filter((r) => offers.get(r.offerId)?.status === 'accepted' && !offers.get(r.offerId)?.tripId && people.get(r.labourerId)?.status === 'travelling'),
  );
  // No-shows waiting for another bus: the employer may give them up.
  const missed = await missedBuses(
    deps,
    mine.filter((r) => {
      const offer = offers.get(r.offerId);
      return offer?.status === 'accepted' && offer.vacancyCounty !== offer.county && people.get(r.labourerId)?.status === 'accepted';
    }),
  );
  return mine.flatMap((r): VacancyWorker[] => {
    const offer = offers.get(r.offerId);
    const who = people.get(r.labourerId);
    const status = offer && workerStatus(offer.status, who?.status);
    if (!offer || !status) return [];
    const bus = offer.tripId ? arrivedOn.get(offer.tripId) : seated.get(r.labourerId);
    const busView = bus && toTripView(bus);
    return [
      {
        offerId: r.offerId,
        labourerId: r.labourerId,
        name: who?.name ?? '',
        idNumberMasked: who?.idNumberMasked ?? '',
        phone: who?.phone ?? '',
        status,
        county: r.county,
        needsBus: offer.vacancyCounty !== offer.county,
        canSettle: canSettle(offer, who?.status),
        canMarkNotArrived: canSettle(offer, who?.status) || missed.has(r.labourerId),
        ...(offer.tripId ? { tripId: offer.tripId } : busView ? { tripId: busView.id } : {}),
        ...(busView
          ? {
              tripDate: busView.departedAt ? chinaDay(busView.departedAt) : busView.date,
              tripTime: riderPickup(busView, r.labourerId).time,
              tripStatus: busView.status,
            }
          : {}),
        ...(offer.arrivedAt
          ? { arrivalDate: chinaDay(offer.arrivedAt), arrived: true }
          : busView
            ? { arrivalDate: busView.arrivalDate ?? busView.date, arrived: false }
            : {}),
        ...(offer.placedAt ? { placedAt: offer.placedAt } : {}),
        ...(offer.leftAt ? { leftAt: offer.leftAt, leftReason: offer.leftReason } : {}),
        ...(offer.retention ? { retention: offer.retention } : {}),
      },
    ];
  });
}
