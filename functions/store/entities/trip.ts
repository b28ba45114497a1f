// A chartered 春风行动 bus: one origin county → one destination city on one day. Proposed by the planner,
// booked by the coordinator (seats assigned, notices sent).
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const TRIP_STATUSES = ['proposed', 'booked', 'cancelled'] as const;

export const tripEntity = new Entity({
  model: { entity: 'trip', version: '1', service: SERVICE },
  attributes: {
    tripId: { type: 'string', required: true, readOnly: true },
    planId: { type: 'string', required: true, readOnly: true },
    county: { type: 'string', required: true, readOnly: true },
    /** 4-digit city code. */
    destination: { type: 'string', required: true, readOnly: true },
    destinationName: { type: 'string', required: true, readOnly: true },
    date: { type: 'string', required: true, readOnly: true },
    departureTime: { type: 'string', required: true },
    pickupPoint: { type: 'string', required: true },
    /** The planned passengers (labourer ids); booking gives each a seat. */
    passengers: { type: 'list', items: { type: 'string' }, required: true, readOnly: true },
    seats: { type: 'number', required: true, readOnly: true },
    seatsTaken: { type: 'number', required: true, default: 0 },
    vehiclePlate: { type: 'string' },
    escort: { type: 'string' },
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
