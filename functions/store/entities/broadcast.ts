// A coordinator's broadcast (群发): the words, who it was for (the segment), when it goes, and what it
// came to — recipients written to the outbox, opted-out and unreachable numbers skipped. Its SMS are
// ordinary outbox messages (broadcastId on each): quiet hours, the rate and the county budget apply.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const BROADCAST_STATES = ['writing', 'done', 'failed'] as const;

export const broadcastEntity = new Entity({
  model: { entity: 'broadcast', version: '1', service: SERVICE },
  attributes: {
    broadcastId: { type: 'string', required: true, readOnly: true },
    county: { type: 'string', required: true, readOnly: true },
    /** The segment as asked (JSON of {status?, destination?, vacancyId?, tripId?, pickup?, poverty?, watch?}). */
    segment: { type: 'string', required: true, readOnly: true },
    text: { type: 'string', required: true, readOnly: true },
    /** SMS parts a message. */
    segments: { type: 'number', required: true, readOnly: true },
    /** Not before (ISO); absent: at once (quiet hours still hold it at night). */
    sendAt: { type: 'string', readOnly: true },
    createdBy: { type: 'string', required: true, readOnly: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    /** `writing` while its messages go into the outbox (a background job for a big one). */
    state: { type: BROADCAST_STATES, required: true },
    recipients: { type: 'number', required: true },
    optedOut: { type: 'number', required: true },
    unreachable: { type: 'number', required: true },
    jobId: { type: 'string' },
    error: { type: 'string' },
  },
  // Keys keep their case: ULIDs are upper case.
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['broadcastId'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
    /** A county's broadcasts, newest last (ULIDs sort by time). */
    broadcastsByCounty: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['county'] },
      sk: { field: 'gsi1sk', composite: ['broadcastId'], casing: 'none' },
    },
  },
});
