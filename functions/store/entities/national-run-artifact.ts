// What the steps of a national run hand each other through the table (functions/services/national-run.ts):
// the plan, each county's class summary (and a small marker that it is done), its quotas and its result,
// the run's outcome, as JSON cut into parts that fit an item, expiring after the run has been looked at.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const NATIONAL_ARTIFACT_KINDS = ['plan', 'summary', 'summarised', 'quotas', 'result', 'outcome'] as const;

export const nationalRunArtifactEntity = new Entity({
  model: { entity: 'nationalRunArtifact', version: '1', service: SERVICE },
  attributes: {
    runId: { type: 'string', required: true, readOnly: true },
    kind: { type: NATIONAL_ARTIFACT_KINDS, required: true, readOnly: true },
    /** '' for the run's own artifacts (its plan, its outcome). */
    county: { type: 'string', required: true, readOnly: true },
    part: { type: 'number', required: true, readOnly: true },
    parts: { type: 'number', required: true },
    /** JSON, cut into parts. */
    body: { type: 'string', required: true },
    createdAt: { type: 'string', required: true },
    /** Epoch seconds: DynamoDB TTL removes the artifacts. */
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byRun: {
      pk: { field: 'pk', composite: ['runId'] },
      sk: { field: 'sk', composite: ['kind', 'county', 'part'] },
    },
  },
});
