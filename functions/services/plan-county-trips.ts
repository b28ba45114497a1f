// Planning a county's 春风行动 vehicles: every accepted offer whose job lies outside the home county
// becomes a traveller (boarding at their own pickup point, else the county's default station); the
// domain planner finds the cheapest vehicles (DESIGN §7); the proposal replaces the county's previous one.
import { chinaToday } from '#domain/calendar.js';
import { placeByCode } from '#domain/divisions.js';
import { planTrips, type Pickup, type PlanOptions, type TripPlan, type Traveller } from '#domain/transport/index.js';
import { writeTransaction } from '#store/transact.js';
import type { Deps } from './deps.js';
import { countyPickupPoints } from './pickup-points.js';
import { toTripView, type TripView } from './trip-view.js';

export interface TripPlanRequest extends Omit<PlanOptions, 'defaultPickup' | 'pickupOrder'> {
  county: string;
  /** The default pickup's name for this plan (else the county's default station). */
  pickupPoint?: string;
}

export interface CountyTripPlan extends Omit<TripPlan, 'trips'> {
  planId: string;
  trips: TripView[];
}

export async function planCountyTrips(deps: Deps, request: TripPlanRequest): Promise<CountyTripPlan> {
  const { offer, labourer, vacancy, trip } = deps.db.entities;
  const { county, pickupPoint: pickupName, ...options } = request;
  const today = chinaToday(deps.clock.now());
  const beingBooked = await dropProposals(deps, county);
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
    // Only those still waiting for a vehicle (not seated, not gone) and whose job is away from home.
    if (!person || !job || person.status !== 'accepted' || job.county === person.homeCounty) continue;
    if (beingBooked.has(person.labourerId)) continue;
    const earliest = person.availableFrom && person.availableFrom > today ? person.availableFrom : today;
    const pickup = person.pickup?.name ? { ...(person.pickup.code ? { code: person.pickup.code } : {}), name: person.pickup.name } : undefined;
    travellers.push({
      labourerId: person.labourerId,
      originCounty: county,
      destinationCity: job.county.slice(0, 4),
      earliest,
      latest: job.startDate,
      ...(pickup ? { pickup } : {}),
    });
  }
  // The county's list gives the route order and, first, the default point (its bus station without a list).
  const points = await countyPickupPoints(deps, county);
  const defaultPickup: Pickup = pickupName ? { name: pickupName } : points[0]!;
  const plan = planTrips(travellers, { ...options, defaultPickup, pickupOrder: points.map((p) => p.code ?? p.name) });

  const planId = deps.newId();
  const createdAt = deps.clock.now().toISOString();
  const items = plan.trips.map((t) => {
    const names = new Map(t.stops.filter((s) => s.kind === 'drop').map((s) => [s.code!, placeByCode(s.code!)?.name ?? s.code!]));
    return {
      tripId: deps.newId(),
      planId,
      county,
      destination: t.destination,
      destinationName: names.get(t.destination) ?? t.destination,
      date: t.date,
      departureTime: t.departureTime,
      arrivalDate: t.arrivalDate,
      // The first pickup: what notices and manifests written before stops existed show.
      pickupPoint: t.stops.find((s) => s.kind === 'pickup')?.name ?? defaultPickup.name,
      passengers: t.passengers,
      seats: t.seats,
      vehicleSeats: t.vehicleSeats,
      vehicleCost: t.cost,
      stops: t.stops.map((s) => ({
        kind: s.kind,
        ...(s.code ? { code: s.code } : {}),
        name: s.kind === 'drop' ? names.get(s.code!)! : s.name,
        ...(s.time ? { time: s.time } : {}),
      })),
      riders: t.riders,
      seatsTaken: 0,
      status: 'proposed' as const,
      createdAt,
    };
  });
  if (items.length > 0) await trip.put(items).go();
  return { ...plan, planId, trips: items.map((i) => toTripView(i)) };
}

const DELETE_CONCURRENCY = 16;

/**
 * Deletes the county's previous proposal, each vehicle only while it is proposed with no seat taken
 * (one conditional delete each): a vehicle someone started booking stays, and booked ones are never
 * touched. Returns the planned passengers of the vehicles that stayed, so they are not planned twice.
 */
async function dropProposals(deps: Deps, county: string): Promise<Set<string>> {
  const { data: stale } = await deps.db.entities.trip.query
    .tripsByCounty({ county, status: 'proposed' })
    .go({ pages: 'all', attributes: ['tripId', 'passengers'] });
  const kept = new Set<string>();
  for (let i = 0; i < stale.length; i += DELETE_CONCURRENCY) {
    await Promise.all(
      stale.slice(i, i + DELETE_CONCURRENCY).map(async ({ tripId, passengers }) => {
        const outcome = await writeTransaction(deps.db, [
          {
            name: 'proposal',
            item: ({ trip }) =>
              trip
                .delete({ tripId: tripId! })
                .where((a, { eq }) => `${eq(a.status, 'proposed')} AND ${eq(a.seatsTaken, 0)}`)
                .commit(),
          },
        ]);
        if (!outcome.ok) for (const id of passengers ?? []) kept.add(id);
      }),
    );
  }
  return kept;
}
