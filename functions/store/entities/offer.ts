// An offer of one vacancy to one labourer, made by a matching run and answered by SMS (or expired).
// While it is `offered` it holds one of the vacancy's places (vacancy.offered); a coordinator may withdraw
// it then, re-send its SMS or move its deadline.
import { CHECK_IN_ANSWERS } from '#domain/views/after-bus.js';
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

// After acceptance (issue #18): `placed` once at work, `left` when a check-in says they left, `not_arrived`
// when the employer (or the labourer) says they never started.
export const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'expired', 'withdrawn', 'placed', 'left', 'not_arrived'] as const;
export const LEFT_REASONS = ['left', 'change', 'not_arrived', 'employer'] as const;
export { CHECK_IN_ANSWERS };

export const offerEntity = new Entity({
  model: { entity: 'offer', version: '1', service: SERVICE },
  attributes: {
    offerId: { type: 'string', required: true, readOnly: true },
    runId: { type: 'string', required: true, readOnly: true },
    labourerId: { type: 'string', required: true, readOnly: true },
    vacancyId: { type: 'string', required: true, readOnly: true },
    /** The labourer's home county: whose coordinator sees the offer. */
    county: { type: 'string', required: true, readOnly: true },
    vacancyCounty: { type: 'string', required: true, readOnly: true },
    vacancyKind: { type: ['job', 'post'] as const, required: true, readOnly: true },
    /** Copied from the vacancy: what the offer SMS, the replies and the dashboard call it. */
    vacancyTitle: { type: 'string', required: true, readOnly: true },
    poverty: { type: 'boolean', required: true, readOnly: true },
    fit: { type: 'number', required: true, readOnly: true },
    reasons: { type: 'list', items: { type: 'string' }, required: true, readOnly: true },
    status: { type: OFFER_STATUSES, required: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    /** ISO time after which the expiry job frees the place; a coordinator may extend it. */
    respondBy: { type: 'string', required: true },
    answeredAt: { type: 'string' },
    /** The coordinator's re-sends of the offer SMS: how many, the last when. */
    resends: { type: 'number' },
    resentAt: { type: 'string' },
    /** The offer SMS (outbox id) and when it went: the hours to answer run from then, not from the run. */
    smsMessageId: { type: 'string', readOnly: true },
    smsSentAt: { type: 'string' },
    /** After the bus: the trip the labourer took and the day it arrived (set on arrival). */
    tripId: { type: 'string' },
    arrivedAt: { type: 'string' },
    /** The labourer was asked by SMS whether they started (no employer confirmation 3 days after arrival). */
    placeAskedAt: { type: 'string' },
    placedAt: { type: 'string' },
    /** `employer:<id>`, `coordinator:<county>`, `labourer` (their own 1 to the question). */
    placedBy: { type: 'string' },
    leftAt: { type: 'string' },
    leftReason: { type: LEFT_REASONS },
    /** The 30/60/90-day check-ins' answers; `unknown` when not answered within 7 days. */
    retention: {
      type: 'map',
      properties: { d30: { type: CHECK_IN_ANSWERS }, d60: { type: CHECK_IN_ANSWERS }, d90: { type: CHECK_IN_ANSWERS } },
    },
    /** The check-in asked last and not answered yet: its day (30, 60 or 90) and when it was asked. */
    checkInDay: { type: 'number' },
    checkInAskedAt: { type: 'string' },
    /** A check-in went unanswered: the coordinator sees it. */
    checkInUnknown: { type: 'boolean' },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['offerId'] },
      sk: { field: 'sk', composite: [] },
    },
    /** The coordinator's view: one county's offers, optionally one status. */
    offersByCounty: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['county'] },
      sk: { field: 'gsi1sk', composite: ['status', 'offerId'] },
    },
    /** One labourer's offers: the open one to answer, the declined ones never to repeat. */
    offersByLabourer: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['labourerId'] },
      sk: { field: 'gsi2sk', composite: ['status', 'offerId'] },
    },
    /** The expiry sweep: open offers by deadline, across counties. */
    offersByStatus: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['status'] },
      sk: { field: 'gsi3sk', composite: ['respondBy', 'offerId'] },
    },
  },
});
