// A phone whose SMS get no replies for a while: it sent the same text too often, or too many messages
// (an auto-responder must not ping-pong with us, nor anyone use our replies to run up SMS).
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const inboundMuteEntity = new Entity({
  model: { entity: 'inboundMute', version: '1', service: SERVICE },
  attributes: {
    phone: { type: 'string', required: true, readOnly: true },
    /** ISO time replies resume. */
    until: { type: 'string', required: true },
    reason: { type: ['sameText', 'tooMany'] as const, required: true },
    /** Epoch seconds: DynamoDB's TTL removes the item; reads compare `until`. */
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byPhone: {
      pk: { field: 'pk', composite: ['phone'] },
      sk: { field: 'sk', composite: [] },
    },
  },
});
