// A county matching run as it went: its progress while offers are written, then its figures and how many
// it left out for each reason (the list itself: matching-run-unmatched.ts). Kept for the season, then TTL.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const MATCHING_RUN_STATES = ['running', 'done', 'failed'] as const;

export const matchingRunEntity = new Entity({
  model: { entity: 'matchingRun', version: '1', service: SERVICE },
  attributes: {
    runId: { type: 'string', required: true, readOnly: true },
    county: { type: 'string', required: true, readOnly: true },
    state: { type: MATCHING_RUN_STATES, required: true },
    /** Offers handled so far (written or skipped) of `total` planned. */
    done: { type: 'number', required: true },
    total: { type: 'number', required: true },
    offers: { type: 'number' },
    unmatched: { type: 'number' },
    objective: { type: 'number' },
    poorPlaced: { type: 'number' },
    /** Unmatched labourers per reason code, as JSON. */
    byReason: { type: 'string' },
    /** The background job writing it (a big county's run; GET /jobs/{id} follows the same progress). */
    jobId: { type: 'string' },
    /**
     * A run written by several workers in turn (each stops before its 15 minutes and hands on): what the
     * earlier ones wrote, as JSON ({offers, done, skipped, conflicted, objective, poorPlaced}).
     */
    soFar: { type: 'string' },
    startedAt: { type: 'string', required: true, readOnly: true },
    /** Last progress: a run silent past the worker's timeout died with it. */
    updatedAt: { type: 'string' },
    finishedAt: { type: 'string' },
    /** Epoch seconds: DynamoDB TTL removes the record. */
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byRun: {
      pk: { field: 'pk', composite: ['runId'] },
      sk: { field: 'sk', composite: [] },
    },
  },
});
