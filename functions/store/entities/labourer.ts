// A registered labourer. The ID number itself is never stored: only its keyed hash and a masked form.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const LABOURER_STATUSES = ['registered', 'offered', 'accepted', 'placed', 'travelling', 'inactive', 'arrived'] as const;
export const CHANNELS = ['web', 'sms'] as const;
export const POVERTY_SOURCES = ['self', 'import', 'coordinator'] as const;

export const labourerEntity = new Entity({
  model: { entity: 'labourer', version: '1', service: SERVICE },
  attributes: {
    labourerId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    phone: { type: 'string', required: true },
    /** Not read-only: erasure (删除) overwrites both. */
    idHash: { type: 'string', required: true },
    idNumberMasked: { type: 'string', required: true },
    homeCounty: { type: 'string', required: true, readOnly: true },
    skills: { type: 'list', items: { type: 'string' }, required: true },
    destinations: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: { code: { type: 'string', required: true }, name: { type: 'string', required: true } },
      },
    },
    canTravel: { type: 'boolean', required: true },
    expectedWage: { type: 'number', required: true },
    availableFrom: { type: 'string' },
    poverty: { type: 'boolean', required: true },
    /**
     * "self" = declared by the labourer; "import" = confirmed by the coordinator's poverty list;
     * "coordinator" = set or cleared by staff on the person page (PATCH /labourers/{id}, audited).
     */
    povertySource: { type: POVERTY_SOURCES },
    status: { type: LABOURER_STATUSES, required: true },
    optedOut: { type: 'boolean', required: true },
    /** Two SMS in a row to this phone came back undelivered: matching skips them until the phone changes or an SMS is delivered. */
    unreachable: { type: 'boolean' },
    channel: { type: CHANNELS, required: true },
    /**
     * Short code read out on the phone (domain/registration-code.ts), derived from labourerId. Optional:
     * labourers registered before codes existed have none; erasure removes it.
     */
    registrationCode: { type: 'string' },
    /** Where the labourer boards a bus: a pickup point's code when it has one, and its name. */
    pickup: {
      type: 'map',
      properties: { code: { type: 'string' }, name: { type: 'string', required: true } },
    },
    /** Assisted registration: the staff member who registered the labourer (`coordinator:510822`). */
    registeredBy: { type: 'string', readOnly: true },
    /** Set by the daily follow-up when still unplaced N days after registering (返贫风险 watch list). */
    watchSince: { type: 'string' },
    /** 删除 asked for (ISO time); 确认删除 within 24 hours erases the personal fields. */
    forgetRequestedAt: { type: 'string' },
    erasedAt: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['labourerId'] },
      sk: { field: 'sk', composite: [] },
    },
    /** Coordinator lists and county-wide matching: one county, optionally one status, in registration order. */
    labourersByCounty: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['homeCounty'] },
      sk: { field: 'gsi1sk', composite: ['status', 'labourerId'] },
    },
    /** Search by name prefix inside a county (keys lowercased by ElectroDB: Latin names match in any case). */
    labourersByName: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['homeCounty'] },
      sk: { field: 'gsi2sk', composite: ['name', 'labourerId'] },
    },
    /** The registration code read out on the phone → the labourer. */
    labourerByCode: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['registrationCode'], casing: 'none' },
      sk: { field: 'gsi3sk', composite: [], casing: 'none' },
    },
  },
});
