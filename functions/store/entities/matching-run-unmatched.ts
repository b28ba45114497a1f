// The labourers a matching run left out, one item per (reason, part) of at most a page of ids: a county's
// hundreds of thousands would not fit one item (400 KB), and a page of one reason is one read.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const matchingRunUnmatchedEntity = new Entity({
  model: { entity: 'matchingRunUnmatched', version: '1', service: SERVICE },
  attributes: {
    runId: { type: 'string', required: true, readOnly: true },
    reason: { type: 'string', required: true, readOnly: true },
    part: { type: 'number', required: true, readOnly: true },
    labourerIds: { type: 'list', items: { type: 'string' }, required: true, readOnly: true },
    /** Epoch seconds, as the run's record. */
    expiresAt: { type: 'number', required: true, readOnly: true },
  },
  indexes: {
    byRun: {
      pk: { field: 'pk', composite: ['runId'] },
      sk: { field: 'sk', composite: ['reason', 'part'] },
    },
  },
});
