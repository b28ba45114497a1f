// A chartered 春风行动 vehicle: leaves its origin county on one day, picks up at up to `maxStops` points
// and drops at up to `maxDrops` cities close together. Proposed by the planner, booked by the coordinator
// (seats assigned, notices sent), then boarded, departed and arrived on the day.
import { TRIP_STATUSES } from '#domain/views/trip.js';
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export { TRIP_STATUSES, type TripStatus } from '#domain/views/trip.js';

export const tripEntity = new Entity({
  model: { entity: 'trip', version: '1', service: SERVICE },
  attributes: {
    tripId: { type: 'string', required: true, readOnly: true },
    planId: { type: 'string', required: true, readOnly: true },
    county: { type: 'string', required: true, readOnly: true },
    /** 4-digit city code of the first drop. */
    destination: { type: 'string', required: true, readOnly: true },
    destinationName: { type: 'string', required: true, readOnly: true },
    /** Departure day (ISO); a coordinator may move it. */
    date: { type: 'string', required: true },
    departureTime: { type: 'string', required: true },
    /** ISO day the last drop is reached (date + travel days); absent on trips planned before it existed. */
    arrivalDate: { type: 'string' },
    /** Name of the first pickup (kept for the notices and manifests written before `stops`). */
    pickupPoint: { type: 'string', required: true },
    /** The planned passengers (labourer ids); booking gives each a seat. */
    passengers: { type: 'list', items: { type: 'string' }, required: true },
    /** Seats usable: floor(vehicleSeats × loadFactor). */
    seats: { type: 'number', required: true },
    /** The vehicle type's own seats (53, 45, 35, 19, 7 …). */
    vehicleSeats: { type: 'number' },
    /** The plan's load factor: a vehicle changed later keeps floor(vehicleSeats × loadFactor) seats usable. */
    loadFactor: { type: 'number' },
    /** The vehicle type's relative cost, as the plan's fleet gave it. */
    vehicleCost: { type: 'number' },
    /** Pickups (origin county, route order) then drops, each with its time where known. */
    stops: {
      type: 'list',
      items: {
        type: 'map',
        properties: {
          kind: { type: ['pickup', 'drop'] as const, required: true },
          code: { type: 'string' },
          name: { type: 'string', required: true },
          time: { type: 'string' },
        },
      },
    },
    /** Where each passenger boards and leaves: `pickup` and `drop` name a stop (its code, else its name). */
    riders: {
      type: 'list',
      items: {
        type: 'map',
        properties: {
          labourerId: { type: 'string', required: true },
          pickup: { type: 'string', required: true },
          drop: { type: 'string', required: true },
        },
      },
    },
    seatsTaken: { type: 'number', required: true, default: 0 },
    vehiclePlate: { type: 'string' },
    escort: { type: 'string' },
    /** The escort's mobile (E.164), given to passengers at departure. */
    escortPhone: { type: 'string' },
    departedAt: { type: 'string' },
    arrivedAt: { type: 'string' },
    /** The day-before reminder went out (set once, with the reminders). */
    reminderSent: { type: 'boolean' },
    status: { type: TRIP_STATUSES, required: true },
    createdAt: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tripId'] },
      sk: { field: 'sk', composite: [] },
    },
    /** A county's buses by status and day: the coordinator's trips list and re-planning. */
    tripsByCounty: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['county'] },
      sk: { field: 'gsi1sk', composite: ['status', 'date', 'tripId'] },
    },
  },
});
