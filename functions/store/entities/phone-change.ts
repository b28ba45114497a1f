// A request to move a registration to another phone (换号), one per labourer at a time. It completes when
// the old phone answers 1, when a coordinator approves it, or when the cooling period passes unanswered;
// the old phone's 0 or a coordinator refuses it.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const PHONE_CHANGE_STATUSES = ['pending', 'done', 'refused'] as const;
export type PhoneChangeStatus = (typeof PHONE_CHANGE_STATUSES)[number];

export const phoneChangeEntity = new Entity({
  model: { entity: 'phoneChange', version: '1', service: SERVICE },
  attributes: {
    labourerId: { type: 'string', required: true, readOnly: true },
    homeCounty: { type: 'string', required: true, readOnly: true },
    oldPhone: { type: 'string', required: true, readOnly: true },
    newPhone: { type: 'string', required: true, readOnly: true },
    status: { type: PHONE_CHANGE_STATUSES, required: true },
    requestedAt: { type: 'string', required: true, readOnly: true },
    /** ISO time the change completes by itself unless refused first. */
    completesAt: { type: 'string', required: true, readOnly: true },
    /** Who settled it: `old-phone`, `cooling-period`, or the coordinator (`coordinator:510822`). */
    decidedBy: { type: 'string' },
    decidedAt: { type: 'string' },
    /** Epoch seconds: a settled request is kept a while for the record, then removed by TTL. */
    expiresAt: { type: 'number' },
  },
  indexes: {
    byLabourer: {
      pk: { field: 'pk', composite: ['labourerId'] },
      sk: { field: 'sk', composite: [] },
    },
    /** The coordinator's list of a county's requests, pending first. */
    changesByCounty: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['homeCounty'] },
      sk: { field: 'gsi1sk', composite: ['status', 'requestedAt', 'labourerId'] },
    },
    /** The sweep: pending requests whose cooling period is over. */
    changesDue: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['status'] },
      sk: { field: 'gsi3sk', composite: ['completesAt', 'labourerId'] },
    },
  },
});
