// A registration by SMS that still lacks a name or an ID number: kept per phone for 24 hours, so the
// next message from that phone can complete it.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const smsDraftEntity = new Entity({
  model: { entity: 'smsDraft', version: '1', service: SERVICE },
  attributes: {
    phone: { type: 'string', required: true, readOnly: true },
    /** The fields recognised so far (RegistrationFields of the SMS grammar), as JSON. */
    fields: { type: 'string', required: true },
    updatedAt: { type: 'string', required: true },
    /**
     * Bumped by every write, each conditional on the version read: two messages from one phone handled at
     * once (SQS batches run in parallel) cannot overwrite each other's fields; the loser reads again.
     */
    version: { type: 'number' },
    /** Epoch seconds: DynamoDB's TTL removes the draft; reads also ignore an expired one. */
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byPhone: {
      pk: { field: 'pk', composite: ['phone'] },
      sk: { field: 'sk', composite: [] },
    },
  },
});
