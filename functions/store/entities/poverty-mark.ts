// A poor-household ID number (its keyed hash) from a coordinator's import that matched nobody yet:
// a later registration with that ID number is marked poor on arrival.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const povertyMarkEntity = new Entity({
  model: { entity: 'povertyMark', version: '1', service: SERVICE },
  attributes: {
    idHash: { type: 'string', required: true, readOnly: true },
    county: { type: 'string', required: true },
    importedAt: { type: 'string', required: true },
  },
  // Keys keep their case (ElectroDB lowercases them by default): hashes are case-sensitive base64url.
  indexes: {
    byIdHash: {
      pk: { field: 'pk', composite: ['idHash'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
  },
});
