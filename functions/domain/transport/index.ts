// Chartered-vehicle planning: the public surface of functions/domain/transport.
export { DEFAULT_FLEET, departuresCap, seatsPerBus, vehiclesOf } from './plan-options.js';
export { MINUTES_PER_PICKUP, planTrips } from './plan-trips.js';
export { arrivalOffsetDays, roadKm } from './travel.js';
export type {
  GroupSummary,
  Pickup,
  PlanOptions,
  PlannedRider,
  PlannedStop,
  PlannedTrip,
  Traveller,
  TripPlan,
  UnplannedReason,
  VehicleType,
} from './types.js';
