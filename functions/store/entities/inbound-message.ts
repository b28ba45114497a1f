// One item per inbound SMS handled: created in the same transaction as the message's effects, so a
// redelivered message (SNS and SQS deliver at least once) finds it and changes nothing.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const inboundMessageEntity = new Entity({
  model: { entity: 'inboundMessage', version: '1', service: SERVICE },
  attributes: {
    inboundMessageId: { type: 'string', required: true, readOnly: true },
    intent: { type: 'string', required: true, readOnly: true },
    receivedAt: { type: 'string', required: true, readOnly: true },
    /** Epoch seconds; long past any redelivery. */
    expiresAt: { type: 'number', required: true, readOnly: true },
  },
  // Keys keep their case (ElectroDB lowercases them by default): providers' message ids are case-sensitive.
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['inboundMessageId'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
  },
});
