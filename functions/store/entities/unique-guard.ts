// Guard items make an ID number or a phone unique: created in the same transaction as the record they protect.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const GUARD_KINDS = ['idNumber', 'phone'] as const;
export type GuardKind = (typeof GUARD_KINDS)[number];

export const uniqueGuardEntity = new Entity({
  model: { entity: 'uniqueGuard', version: '1', service: SERVICE },
  attributes: {
    kind: { type: GUARD_KINDS, required: true, readOnly: true },
    /** The ID number's keyed hash, or the E.164 phone. */
    value: { type: 'string', required: true, readOnly: true },
    labourerId: { type: 'string', required: true },
  },
  // Keys keep their case (ElectroDB lowercases them by default): hashes are case-sensitive base64url.
  indexes: {
    byValue: {
      pk: { field: 'pk', composite: ['kind', 'value'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
  },
});
