// A long job run in the background (a large poverty-list import, a big county's matching run, booking many
// buses at once): who started it, how far it got and how it ended. Read by GET /jobs/{id}; kept 14 days, then TTL.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const JOB_KINDS = ['povertyImport', 'matchingRun', 'bulkBooking', 'broadcast'] as const;
export const JOB_STATES = ['running', 'done', 'failed'] as const;

export const jobEntity = new Entity({
  model: { entity: 'job', version: '1', service: SERVICE },
  attributes: {
    jobId: { type: 'string', required: true, readOnly: true },
    kind: { type: JOB_KINDS, required: true, readOnly: true },
    county: { type: 'string', required: true, readOnly: true },
    /** The actor (audit form: `coordinator:510822`, `admin`). */
    startedBy: { type: 'string', required: true, readOnly: true },
    state: { type: JOB_STATES, required: true },
    /** Items handled so far (rows, offers, trips) of `total`. */
    done: { type: 'number', required: true },
    total: { type: 'number', required: true },
    /** The job's answer as JSON (for povertyImport: what the 200 answer would have been). */
    result: { type: 'string' },
    /** In Chinese, for the coordinator. */
    error: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true },
    /** Last sign of life (progress, or a worker taking over): a job silent past the worker's timeout died. */
    updatedAt: { type: 'string' },
    finishedAt: { type: 'string' },
    /** Epoch seconds: DynamoDB TTL removes the record. */
    expiresAt: { type: 'number', required: true },
  },
  // Keys keep their case (ElectroDB lowercases them by default): ULIDs are upper case.
  indexes: {
    byJob: {
      pk: { field: 'pk', composite: ['jobId'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
  },
});
