// A trip escort's one-day token: only its SHA-256 is kept (a leaked table does not hand out tokens), with
// the trip it opens and a TTL, so it stops working, and disappears, a day after it was made.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const escortTokenEntity = new Entity({
  model: { entity: 'escortToken', version: '1', service: SERVICE },
  attributes: {
    tokenHash: { type: 'string', required: true, readOnly: true },
    tripId: { type: 'string', required: true, readOnly: true },
    county: { type: 'string', required: true, readOnly: true },
    /** Epoch seconds, the table's TTL attribute; checked on use too (the TTL deletes late, not on the second). */
    expiresAt: { type: 'number', required: true, readOnly: true },
    createdBy: { type: 'string', required: true, readOnly: true },
    createdAt: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byHash: {
      pk: { field: 'pk', composite: ['tokenHash'], casing: 'none' },
      sk: { field: 'sk', composite: [] },
    },
  },
});
