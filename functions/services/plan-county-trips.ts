// Planning a county's 春风行动 buses: every accepted offer whose job lies outside the home county becomes
// a traveller; the domain planner finds the fewest buses; the proposal replaces the county's previous one.
import { chinaToday } from '#domain/calendar.js';
import { countyByCode, placeByCode } from '#domain/divisions.js';
import { planTrips, seatsPerBus, type PlanOptions, type TripPlan, type Traveller } from '#domain/transport/index.js';
import type { Deps } from './deps.js';
import { toTripView, type TripView } from './trip-view.js';

export interface TripPlanRequest extends PlanOptions {
  county: string;
  pickupPoint?: string;
  departureTime?: string;
}

export interface CountyTripPlan extends Omit<TripPlan, 'trips'> {
  planId: string;
  trips: TripView[];
}

export async function planCountyTrips(deps: Deps, request: TripPlanRequest): Promise<CountyTripPlan> {
  const { offer, labourer, vacancy, trip } = deps.db.entities;
  const { county } = request;
  const today = chinaToday(deps.clock.now());
  const { data: accepted } = await offer.query.offersByCounty({ county, status: 'accepted' }).go({ pages: 'all' });
  // ElectroDB splits batch gets into DynamoDB's 100-key requests itself.
  const vacancyIds = [...new Set(accepted.map((o) => o.vacancyId))];
  const { data: people } = accepted.length > 0 ? await labourer.get(accepted.map((o) => ({ labourerId: o.labourerId }))).go() : { data: [] };
  const { data: jobs } = vacancyIds.length > 0 ? await vacancy.get(vacancyIds.map((vacancyId) => ({ vacancyId }))).go() : { data: [] };
  const personById = new Map(people.map((p) => [p.labourerId, p]));
  const jobById = new Map(jobs.map((v) => [v.vacancyId, v]));

  const travellers: Traveller[] = [];
  for (const o of accepted) {
    const person = personById.get(o.labourerId);
    const job = jobById.get(o.vacancyId);
    // Only those still waiting for a bus (not seated, not gone) and whose job is away from home.
    if (!person || !job || person.status !== 'accepted' || job.county === person.homeCounty) continue;
    const earliest = person.availableFrom && person.availableFrom > today ? person.availableFrom : today;
    travellers.push({ labourerId: person.labourerId, originCounty: county, destinationCity: job.county.slice(0, 4), earliest, latest: job.startDate });
  }
  const plan = planTrips(travellers, request);

  // A new proposal replaces the previous one; booked trips stay as they are.
  const { data: stale } = await trip.query.tripsByCounty({ county, status: 'proposed' }).go({ pages: 'all', attributes: ['tripId'] });
  if (stale.length > 0) await trip.delete(stale.map((t) => ({ tripId: t.tripId! }))).go();

  const planId = deps.newId();
  const createdAt = deps.clock.now().toISOString();
  const seats = seatsPerBus(request);
  const pickupPoint = request.pickupPoint ?? defaultPickupPoint(county);
  const items = plan.trips.map((t) => ({
    tripId: deps.newId(),
    planId,
    county,
    destination: t.destination,
    destinationName: placeByCode(t.destination)?.name ?? t.destination,
    date: t.date,
    departureTime: request.departureTime ?? '07:30',
    pickupPoint,
    passengers: t.passengers,
    seats,
    seatsTaken: 0,
    status: 'proposed' as const,
    createdAt,
  }));
  if (items.length > 0) await trip.put(items).go();
  return { ...plan, planId, trips: items.map((i) => toTripView(i)) };
}

/** The county seat's bus station until a county configures its own pickup point. */
export function defaultPickupPoint(county: string): string {
  return `${countyByCode(county)?.name ?? county}汽车客运站`;
}
