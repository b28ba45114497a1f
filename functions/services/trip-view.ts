// A trip as the /trips routes return it.
import type { EntityItem } from 'electrodb';
import type { TripStop } from '#domain/views/trip.js';
import type { tripEntity } from '#store/entities/trip.js';

export type { TripStop };

export type TripItem = EntityItem<typeof tripEntity>;


export interface TripRider {
  labourerId: string;
  /** A stop's code, else its name. */
  pickup: string;
  drop: string;
}

export interface TripView {
  id: string;
  planId: string;
  county: string;
  /** The origin county (the same as `county`; named as DESIGN §7 names it). */
  origin: string;
  destination: string;
  destinationName: string;
  date: string;
  departureTime: string;
  arrivalDate?: string;
  pickupPoint: string;
  passengers: string[];
  seats: number;
  vehicleSeats: number;
  vehicleCost?: number;
  stops: TripStop[];
  riders: TripRider[];
  seatsTaken: number;
  status: TripItem['status'];
  vehiclePlate?: string;
  escort?: string;
  escortPhone?: string;
  departedAt?: string;
  arrivedAt?: string;
}

export function toTripView(item: TripItem): TripView {
  return {
    id: item.tripId,
    planId: item.planId,
    county: item.county,
    origin: item.county,
    destination: item.destination,
    destinationName: item.destinationName,
    date: item.date,
    departureTime: item.departureTime,
    ...(item.arrivalDate ? { arrivalDate: item.arrivalDate } : {}),
    pickupPoint: item.pickupPoint,
    passengers: item.passengers,
    seats: item.seats,
    vehicleSeats: item.vehicleSeats ?? item.seats,
    ...(item.vehicleCost !== undefined ? { vehicleCost: item.vehicleCost } : {}),
    // Trips planned before stops existed: one pickup (the county's station), one drop (the city).
    stops: item.stops ?? [
      { kind: 'pickup', name: item.pickupPoint, time: item.departureTime },
      { kind: 'drop', code: item.destination, name: item.destinationName },
    ],
    riders: item.riders ?? item.passengers.map((labourerId) => ({ labourerId, pickup: item.pickupPoint, drop: item.destination })),
    seatsTaken: item.seatsTaken,
    status: item.status,
    ...(item.vehiclePlate ? { vehiclePlate: item.vehiclePlate } : {}),
    ...(item.escort ? { escort: item.escort } : {}),
    ...(item.escortPhone ? { escortPhone: item.escortPhone } : {}),
    ...(item.departedAt ? { departedAt: item.departedAt } : {}),
    ...(item.arrivedAt ? { arrivedAt: item.arrivedAt } : {}),
  };
}
