// A count of events in one fixed time window (codes sent to a phone today, SMS from a phone this hour),
// shared by every Lambda instance: limits hold across instances because the count lives in the table.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const rateCounterEntity = new Entity({
  model: { entity: 'rateCounter', version: '1', service: SERVICE },
  attributes: {
    /** What is counted and for whom, e.g. `verify-phone-day:+8613800138000`. */
    subject: { type: 'string', required: true, readOnly: true },
    /** Epoch seconds of the window's start. */
    windowStart: { type: 'number', required: true, readOnly: true },
    count: { type: 'number' },
    /** Epoch seconds: DynamoDB's TTL removes the counter once its window is long gone. */
    expiresAt: { type: 'number' },
  },
  indexes: {
    byWindow: {
      // Subjects hold hashes and addresses: their case is part of them.
      pk: { field: 'pk', composite: ['subject'], casing: 'none' },
      sk: { field: 'sk', composite: ['windowStart'], casing: 'none' },
    },
  },
});
