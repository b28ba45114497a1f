// A trip as the /trips routes return it.
import type { EntityItem } from 'electrodb';
import type { tripEntity } from '#store/entities/trip.js';

export type TripItem = EntityItem<typeof tripEntity>;

export interface TripView {
  id: string;
  planId: string;
  county: string;
  destination: string;
  destinationName: string;
  date: string;
  departureTime: string;
  pickupPoint: string;
  passengers: string[];
  seats: number;
  seatsTaken: number;
  status: TripItem['status'];
  vehiclePlate?: string;
  escort?: string;
}

export function toTripView(item: TripItem): TripView {
  return {
    id: item.tripId,
    planId: item.planId,
    county: item.county,
    destination: item.destination,
    destinationName: item.destinationName,
    date: item.date,
    departureTime: item.departureTime,
    pickupPoint: item.pickupPoint,
    passengers: item.passengers,
    seats: item.seats,
    seatsTaken: item.seatsTaken,
    status: item.status,
    ...(item.vehiclePlate ? { vehiclePlate: item.vehiclePlate } : {}),
    ...(item.escort ? { escort: item.escort } : {}),
  };
}
