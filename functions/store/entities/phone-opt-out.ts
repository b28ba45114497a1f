// Opt-out belongs to a phone number, not to a registration: a number that sent 退订 gets nothing but the
// templates that must reach it, whoever it belongs to later; a number that never opted out is not silenced
// because the registration it now carries was opted out on another phone. 订阅 deletes the item.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const phoneOptOutEntity = new Entity({
  model: { entity: 'phoneOptOut', version: '1', service: SERVICE },
  attributes: {
    /** E.164. */
    phone: { type: 'string', required: true, readOnly: true },
    optedOutAt: { type: 'string', required: true },
  },
  indexes: {
    byPhone: {
      pk: { field: 'pk', composite: ['phone'] },
      sk: { field: 'sk', composite: [] },
    },
  },
});
