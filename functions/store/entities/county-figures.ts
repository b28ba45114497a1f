// A county's dashboard figures as last computed: a county of hundreds of thousands is not read whole
// on every dashboard refresh (functions/services/county-stats.ts decides when they are recomputed).
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const countyFiguresEntity = new Entity({
  model: { entity: 'countyFigures', version: '1', service: SERVICE },
  attributes: {
    county: { type: 'string', required: true, readOnly: true },
    /** The CountyStats, as JSON. */
    figures: { type: 'string', required: true },
    /** Registered labourers when computed: whether the county is big enough to be served from here. */
    labourers: { type: 'number', required: true },
    computedAt: { type: 'string', required: true },
  },
  indexes: {
    byCounty: {
      pk: { field: 'pk', composite: ['county'] },
      sk: { field: 'sk', composite: [] },
    },
  },
});
