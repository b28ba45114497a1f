// The workers coming to a vacancy (GET /vacancies/{id}/workers): each accepted offer, with the person, the
// bus and where they stand — offered, accepted, on a bus, arrived, at work, left (issue #18). An item per
// acceptance (vacancyWorker) makes it one query of the vacancy, whatever counties the workers come from.
import { workerStatus, type WorkerStatus } from '#domain/after-bus/worker-status.js';
import type { TxPart } from '#store/transact.js';
import type { Deps } from './deps.js';
import type { OfferItem } from './offer-view.js';

export interface VacancyWorker {
  offerId: string;
  labourerId: string;
  name: string;
  idNumberMasked: string;
  phone: string;
  status: WorkerStatus;
  /** The labourer's home county. */
  county: string;
  tripId?: string;
  /** The day (China) the bus arrived. */
  arrivalDate?: string;
  placedAt?: string;
  leftAt?: string;
  leftReason?: string;
  retention?: OfferItem['retention'];
}

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

/** `county`: only the workers from this county (a coordinator's view). */
export async function vacancyWorkers(deps: Pick<Deps, 'db'>, vacancyId: string, county?: string): Promise<VacancyWorker[]> {
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
  return mine.flatMap((r): VacancyWorker[] => {
    const offer = offers.get(r.offerId);
    const who = people.get(r.labourerId);
    const status = offer && workerStatus(offer.status, who?.status);
    if (!offer || !status) return [];
    return [
      {
        offerId: r.offerId,
        labourerId: r.labourerId,
        name: who?.name ?? '',
        idNumberMasked: who?.idNumberMasked ?? '',
        phone: who?.phone ?? '',
        status,
        county: r.county,
        ...(offer.tripId ? { tripId: offer.tripId } : {}),
        ...(offer.arrivedAt ? { arrivalDate: chinaDay(offer.arrivedAt) } : {}),
        ...(offer.placedAt ? { placedAt: offer.placedAt } : {}),
        ...(offer.leftAt ? { leftAt: offer.leftAt, leftReason: offer.leftReason } : {}),
        ...(offer.retention ? { retention: offer.retention } : {}),
      },
    ];
  });
}
