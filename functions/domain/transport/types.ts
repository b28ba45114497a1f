// The shapes of chartered-vehicle planning (DESIGN §7): who needs a seat, and the plan that carries them.

/** Where a labourer boards: a pickup point's code when it has one, and its name. */
export interface Pickup {
  code?: string;
  name: string;
}

/** One accepted offer that needs travel: a labourer leaving their home county for a vacancy's city. */
export interface Traveller {
  labourerId: string;
  /** Home county, 6-digit GB/T 2260 code. */
  originCounty: string;
  /** The vacancy's city, 4-digit code: where the vehicle drops them. */
  destinationCity: string;
  /** ISO date: max(availableFrom, today), the first day they may leave. */
  earliest: string;
  /** ISO date: the job's start date, the last day they may arrive. */
  latest: string;
  /** Where they board; absent = the plan's default pickup (the county's station). */
  pickup?: Pickup;
}

export interface PlannedStop {
  kind: 'pickup' | 'drop';
  /** Pickup: the point's code if it has one; drop: the 4-digit city code. */
  code?: string;
  /** Pickup: the point's name; drop: the city code again (the service names it). */
  name: string;
  /** Pickups: HH:MM, staggered from the departure time. */
  time?: string;
  /** Drops: the ISO day the vehicle reaches it. */
  date?: string;
}

export interface PlannedRider {
  labourerId: string;
  /** The pickup stop's key (its code, else its name) and the drop's city code. */
  pickup: string;
  drop: string;
}

/** One chartered vehicle: one origin county, up to maxStops pickups, up to maxDrops drops, one day. */
export interface PlannedTrip {
  origin: string;
  /** The first drop's city. */
  destination: string;
  /** Departure day (ISO). */
  date: string;
  departureTime: string;
  /** The day it reaches its last drop. */
  arrivalDate: string;
  /** The vehicle type's own seats, and the seats usable under the load factor. */
  vehicleSeats: number;
  seats: number;
  cost: number;
  /** Pickups in route order, then drops in route order. */
  stops: PlannedStop[];
  /** labourerIds, sorted. */
  passengers: string[];
  riders: PlannedRider[];
}

/**
 * `empty-window`: no departure day lets them leave on or after their earliest day and arrive by the
 * start date inside the coordinator's window or batch days (or a date is not a real ISO date).
 * `day-cap`: the per-county departures-per-day cap left no vehicle for them inside their window.
 */
export type UnplannedReason = 'empty-window' | 'day-cap';

/** A corridor: destinations of one origin whose passengers may share vehicles (one alone when maxDrops = 1). */
export interface GroupSummary {
  origin: string;
  /** The corridor's first destination (code order), and all of them. */
  destination: string;
  destinations: string[];
  /** Travellers of the corridor the plan carries. */
  passengers: number;
  /** No plan carries them for less (lower-bound.ts). */
  lowerBound: number;
  /** Vehicles, and their cost. */
  buses: number;
  cost: number;
}

export interface TripPlan {
  trips: PlannedTrip[];
  /** Vehicles (the name kept from when every vehicle was a bus). */
  buses: number;
  vehicles: number;
  /** Σ vehicle cost. */
  cost: number;
  /** Σ over corridors of their lower bound on cost. */
  lowerBound: number;
  /** cost − lowerBound (≥ 0). */
  gap: number;
  /** Σ over carried passengers of (departure − earliest), in days. */
  waitingDays: number;
  /** Σ over carried passengers of the days they arrive earlier than 2 days before their start. */
  earlyDays: number;
  unplanned: { labourerId: string; reason: UnplannedReason }[];
  groups: GroupSummary[];
}

/** A vehicle type: its seats and its relative cost (a chartered day's price, in any unit). */
export interface VehicleType {
  seats: number;
  cost: number;
}

export interface PlanOptions {
  /** Seats of the one vehicle type when no fleet is given (the season-1 option). */
  capacity?: number;
  /** Vehicle types; default DEFAULT_FLEET, or [{seats: capacity, cost: 1}] when only capacity is given. */
  fleet?: readonly VehicleType[];
  /** Share of seats used, e.g. 0.5 under the 2020 distancing rule; default 1. */
  loadFactor?: number;
  /** Vehicles leaving one origin county on one day (分批有序错峰); undefined = no cap. */
  maxDeparturesPerDay?: number;
  /** Pickup points one vehicle stops at; default 3. */
  maxStops?: number;
  /** Destinations one vehicle drops at; default 2 (1 = strict point to point). */
  maxDrops?: number;
  /** Destinations this close (km) and in the same direction may share a vehicle; default 100. */
  dropRadiusKm?: number;
  /** ISO dates: no departure before / after. */
  departFrom?: string;
  departTo?: string;
  /** ISO dates: the only days vehicles may leave (a county's batch days). */
  departureDates?: readonly string[];
  /** HH:MM of the first pickup; default 07:30. */
  departureTime?: string;
  /** The default pickup for travellers without one (the county's station). */
  defaultPickup?: Pickup;
  /** Pickup keys (code, else name) in route order; others follow in code-unit order. */
  pickupOrder?: readonly string[];
}
