// Chartered-bus planning: the public surface of functions/domain/transport.
export { departuresCap, seatsPerBus } from './plan-options.js';
export { planTrips } from './plan-trips.js';
export type { GroupSummary, PlanOptions, PlannedTrip, Traveller, TripPlan, UnplannedReason } from './types.js';
