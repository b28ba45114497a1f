// A booked seat: one labourer on one trip. Created once per (trip, labourer), so booking twice — or
// concurrently — gives each passenger one seat and one notice.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const seatEntity = new Entity({
  model: { entity: 'seat', version: '1', service: SERVICE },
  attributes: {
    tripId: { type: 'string', required: true, readOnly: true },
    labourerId: { type: 'string', required: true, readOnly: true },
    seatNo: { type: 'number', required: true, readOnly: true },
    /** The job the passenger travels to, for the manifest. */
    vacancyTitle: { type: 'string', required: true, readOnly: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    /** 4 digits, in the bus notice: the passenger texts `上车 <code>` to check in. Absent on seats booked before. */
    boardingCode: { type: 'string', readOnly: true },
    /** Departure day roll call: checked in, or marked absent (a no-show), and when. */
    boarding: { type: ['present', 'absent'] as const },
    boardedAt: { type: 'string' },
    /** Who checked them in: `escort`, `coordinator:<county>`, `sms`. */
    boardedBy: { type: 'string' },
    /** The departure's notice went to this passenger (a departure cut short and repeated tells nobody twice). */
    departNotified: { type: 'boolean' },
  },
  indexes: {
    /** The seats of one trip. */
    byTrip: {
      pk: { field: 'pk', composite: ['tripId'] },
      sk: { field: 'sk', composite: ['labourerId'] },
    },
  },
});
