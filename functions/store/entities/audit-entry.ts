// The audit trail: one item per staff write (and per move of a labourer's phone, whoever decided it),
// written in the same transaction as the change where the change is transactional. Never an ID number's
// hash; ID numbers only masked. Kept without expiry (a county's record); erasure (确认删除) blanks the
// before/after of entries about the erased labourer.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const auditEntryEntity = new Entity({
  model: { entity: 'auditEntry', version: '1', service: SERVICE },
  attributes: {
    /** A ULID: time-ordered, so the newest entries come first when read backwards. */
    auditId: { type: 'string', required: true, readOnly: true },
    /** The county whose coordinator sees it (the labourer's home county, the vacancy's county …). */
    county: { type: 'string', required: true, readOnly: true },
    at: { type: 'string', required: true, readOnly: true },
    /** `coordinator:510822`, `admin`, `employer:<id>`, `old-phone`, `cooling-period`. */
    actor: { type: 'string', required: true, readOnly: true },
    /** e.g. `labourer.update`, `labourer.register`, `phoneChange.approve`, `povertyImport`. */
    action: { type: 'string', required: true, readOnly: true },
    /** `labourer:<id>`, `vacancy:<id>`, `trip:<id>`, `county:<code>`. */
    target: { type: 'string', required: true, readOnly: true },
    /** JSON of the changed fields as they were, and as they became. */
    before: { type: 'string' },
    after: { type: 'string' },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['auditId'] },
      sk: { field: 'sk', composite: [] },
    },
    /** A county's trail, in time order. */
    auditByCounty: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['county'] },
      sk: { field: 'gsi1sk', composite: ['auditId'], casing: 'none' },
    },
    /** One thing's trail (a labourer's person page), in time order. */
    auditByTarget: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['target'], casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['auditId'], casing: 'none' },
    },
  },
});
