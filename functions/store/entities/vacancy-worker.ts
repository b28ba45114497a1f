// A worker coming to a vacancy: written with the acceptance of an offer, so the employer's list of the
// people coming (GET /vacancies/{id}/workers) is one query of the vacancy, whatever county they come from.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const vacancyWorkerEntity = new Entity({
  model: { entity: 'vacancyWorker', version: '1', service: SERVICE },
  attributes: {
    vacancyId: { type: 'string', required: true, readOnly: true },
    offerId: { type: 'string', required: true, readOnly: true },
    labourerId: { type: 'string', required: true, readOnly: true },
    /** The labourer's home county: whose coordinator sees them. */
    county: { type: 'string', required: true, readOnly: true },
    createdAt: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byVacancy: {
      pk: { field: 'pk', composite: ['vacancyId'] },
      sk: { field: 'sk', composite: ['offerId'] },
    },
  },
});
