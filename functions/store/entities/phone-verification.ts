// The SMS code a public registration must show for its phone (as Chinese government forms ask): one per
// phone at a time, 10 minutes, a few tries. Only a hash of the code is kept.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const phoneVerificationEntity = new Entity({
  model: { entity: 'phoneVerification', version: '1', service: SERVICE },
  attributes: {
    phone: { type: 'string', required: true, readOnly: true },
    codeHash: { type: 'string', required: true },
    triesLeft: { type: 'number', required: true },
    /** Epoch seconds the code was sent: the next one waits a minute. */
    sentAt: { type: 'number', required: true },
    /** Epoch seconds: the code is refused after this, and DynamoDB's TTL removes it. */
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byPhone: {
      pk: { field: 'pk', composite: ['phone'] },
      sk: { field: 'sk', composite: [] },
    },
  },
});
