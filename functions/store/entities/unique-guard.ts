// Guard items make an ID number or a phone unique: created in the same transaction as the record they protect.
// A phone's guard also serves the coordinator's phone search (a prefix, or the last digits, within a county):
// the guard is written anyway, so the search costs no extra item in a registration.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const GUARD_KINDS = ['idNumber', 'phone'] as const;
export type GuardKind = (typeof GUARD_KINDS)[number];

const isPhone = (attr: { kind?: string }) => attr.kind === 'phone';

export const uniqueGuardEntity = new Entity({
  model: { entity: 'uniqueGuard', version: '1', service: SERVICE },
  attributes: {
    kind: { type: GUARD_KINDS, required: true, readOnly: true },
    /** The ID number's keyed hash, or the E.164 phone. */
    value: { type: 'string', required: true, readOnly: true },
    labourerId: { type: 'string', required: true },
    /** The labourer's home county (search scope); on every guard, indexed on phone guards only. */
    county: { type: 'string', required: true, readOnly: true },
    /** A phone's national digits reversed, so "ends with" is a key prefix; empty on ID-number guards. */
    digitsReversed: { type: 'string', required: true, readOnly: true },
  },
  // Keys keep their case (ElectroDB lowercases them by default): hashes are case-sensitive base64url.
  indexes: {
    byValue: {
      pk: { field: 'pk', composite: ['kind', 'value'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
    /** Phones of a county that start with typed digits (an ID-number guard is never indexed). */
    phonesByPrefix: {
      index: 'gsi1',
      condition: isPhone,
      pk: { field: 'gsi1pk', composite: ['county'], casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['value'], casing: 'none' },
    },
    /** Phones of a county that end with typed digits (尾号), through the reversed digits. */
    phonesBySuffix: {
      index: 'gsi2',
      condition: isPhone,
      pk: { field: 'gsi2pk', composite: ['county'], casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['digitsReversed'], casing: 'none' },
    },
  },
});
