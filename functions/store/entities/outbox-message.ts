// The transactional outbox and SMS log: written with the state change it reports, sent by the notifier.
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

/** `delivered`: the provider's delivery receipt (状态报告) said it reached the phone; a failed receipt makes a sent message `failed`. */
export const MESSAGE_STATUSES = ['pending', 'sent', 'delivered', 'failed', 'suppressed'] as const;

/** The entity name the notifier's stream filter matches on (ElectroDB stores it as `__edb_e__`). */
export const OUTBOX_ENTITY = 'outboxMessage';

export const outboxMessageEntity = new Entity({
  model: { entity: OUTBOX_ENTITY, version: '1', service: SERVICE },
  attributes: {
    messageId: { type: 'string', required: true, readOnly: true },
    to: { type: 'string', required: true, readOnly: true },
    body: { type: 'string', required: true, readOnly: true },
    segments: { type: 'number', required: true, readOnly: true },
    template: { type: 'string', required: true, readOnly: true },
    /** The template's variables as filled in (JSON): what a provider of approved templates is sent. */
    templateVars: { type: 'string', readOnly: true },
    status: { type: MESSAGE_STATUSES, required: true },
    /** The county the message concerns, for coordinator scope on the SMS log. */
    county: { type: 'string' },
    /** The inbound SMS this message answers, if any. */
    causedBy: { type: 'string', readOnly: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    sentAt: { type: 'string' },
    providerMessageId: { type: 'string' },
    failureReason: { type: 'string' },
    /**
     * Held back until this time (quiet hours, or a broadcast's `sendAt`): the notifier leaves a `held`
     * message pending; the scheduled sweep marks it `released` when due, and that change sends it.
     */
    notBefore: { type: 'string' },
    heldState: { type: ['held', 'released'] as const },
    /** The broadcast it belongs to, if any. */
    broadcastId: { type: 'string', readOnly: true },
    /** A failed message's county and when its receipt said so: the bulk re-send finds it by these. */
    failedCounty: { type: 'string' },
    failedAt: { type: 'string' },
    /** The message that re-sent this failed one. */
    resentAs: { type: 'string' },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['messageId'] },
      sk: { field: 'sk', composite: [] },
    },
    /** The SMS log of one phone, oldest first. */
    messagesByPhone: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['to'] },
      sk: { field: 'gsi2sk', composite: ['createdAt', 'messageId'] },
    },
    /** Held messages by when they may go (only held ones are indexed: the attributes are set on them alone). */
    messagesByHold: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['heldState'] },
      sk: { field: 'gsi1sk', composite: ['notBefore'] },
    },
    /** A county's failed messages, by when they failed (for the bulk re-send). */
    failedByCounty: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['failedCounty'] },
      sk: { field: 'gsi3sk', composite: ['failedAt'] },
    },
  },
});
