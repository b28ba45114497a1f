// One item per inbound SMS handled: created in the same transaction as the message's effects, so a
// redelivered message (SNS and SQS deliver at least once) finds it and changes nothing. It also keeps the
// message itself (text, sender, the labourer and how it was read) for the person page's conversation,
// for the season (INBOUND_KEEP_DAYS); 确认删除 deletes a labourer's at once.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const inboundMessageEntity = new Entity({
  model: { entity: 'inboundMessage', version: '1', service: SERVICE },
  attributes: {
    inboundMessageId: { type: 'string', required: true, readOnly: true },
    intent: { type: 'string', required: true, readOnly: true },
    receivedAt: { type: 'string', required: true, readOnly: true },
    /** The sender, E.164. Optional: markers written before messages were kept have none. */
    phone: { type: 'string', readOnly: true },
    text: { type: 'string', readOnly: true },
    /** The sender's labourer when known (registered, or registered by this very message). */
    labourerId: { type: 'string', readOnly: true },
    /** Epoch seconds: the season's end for the text; long past any redelivery for the marker. */
    expiresAt: { type: 'number', required: true, readOnly: true },
  },
  // Keys keep their case (ElectroDB lowercases them by default): providers' message ids are case-sensitive.
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['inboundMessageId'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
    /** What one phone sent, oldest first: a labourer's conversation is read by their phones, like the SMS log. */
    inboundByPhone: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['phone'], casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['receivedAt', 'inboundMessageId'], casing: 'none' },
    },
  },
});
