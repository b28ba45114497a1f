// A background job's input file, in parts: an item holds at most 400 KB, a file up to 6 MB. Each part is
// base64 (ElectroDB has no binary type), kept as long as its job.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const jobInputEntity = new Entity({
  model: { entity: 'jobInput', version: '1', service: SERVICE },
  attributes: {
    jobId: { type: 'string', required: true, readOnly: true },
    /** 0-based; the parts joined in this order are the file. */
    part: { type: 'number', required: true, readOnly: true },
    base64: { type: 'string', required: true, readOnly: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byJob: {
      pk: { field: 'pk', composite: ['jobId'], casing: 'none' },
      sk: { field: 'sk', composite: ['part'], casing: 'none' },
    },
  },
});
