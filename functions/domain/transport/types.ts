// The shapes of chartered-bus planning (DESIGN §7): who needs a seat, and the plan that carries them.

/** One accepted offer that needs travel: a labourer leaving their home county for a vacancy's city. */
export interface Traveller {
  labourerId: string;
  /** Home county, 6-digit GB/T 2260 code. */
  originCounty: string;
  /** The vacancy's city, 4-digit code. */
  destinationCity: string;
  /** ISO date: max(availableFrom, today). */
  earliest: string;
  /** ISO date: the vacancy's start date. */
  latest: string;
}

/** One chartered bus: one origin county → one destination city, on one day. */
export interface PlannedTrip {
  origin: string;
  destination: string;
  date: string;
  /** labourerIds, sorted. */
  passengers: string[];
}

/**
 * `empty-window`: latest < earliest, or a date that is not a real ISO date — no bus can take them.
 * `day-cap`: the per-county departures-per-day cap left no bus for them inside their window.
 */
export type UnplannedReason = 'empty-window' | 'day-cap';

export interface GroupSummary {
  origin: string;
  destination: string;
  /** Travellers of the group the plan carries. */
  passengers: number;
  /** ceil(passengers / seats): no plan carries them in fewer buses. */
  lowerBound: number;
  buses: number;
}

export interface TripPlan {
  trips: PlannedTrip[];
  buses: number;
  /** Σ over groups of ceil(carried / seats). */
  lowerBound: number;
  /** buses − lowerBound (≥ 0). */
  gap: number;
  /** Σ over carried passengers of (departure − earliest), in days. */
  waitingDays: number;
  unplanned: { labourerId: string; reason: UnplannedReason }[];
  groups: GroupSummary[];
}

export interface PlanOptions {
  /** Seats of a bus before distancing; default 45. */
  capacity?: number;
  /** Share of seats used, e.g. 0.4 under epidemic distancing; default 1. */
  loadFactor?: number;
  /** Buses leaving one origin county on one day (分批有序错峰); undefined = no cap. */
  maxDeparturesPerDay?: number;
}
