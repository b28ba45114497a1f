// A county's pickup points (乘车点), in the order the coordinator keeps them: the first is the county's
// default station, where a labourer who named no place of their own boards.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const pickupPointsEntity = new Entity({
  model: { entity: 'pickupPoints', version: '1', service: SERVICE },
  attributes: {
    county: { type: 'string', required: true, readOnly: true },
    points: {
      type: 'list',
      required: true,
      items: { type: 'map', properties: { code: { type: 'string' }, name: { type: 'string', required: true } } },
    },
    updatedAt: { type: 'string', required: true },
    updatedBy: { type: 'string', required: true },
  },
  indexes: {
    byCounty: {
      pk: { field: 'pk', composite: ['county'] },
      sk: { field: 'sk', composite: [] },
    },
  },
});
