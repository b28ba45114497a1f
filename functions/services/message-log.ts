// The SMS log of one phone, as DESIGN §5 shows it.
import type { EntityItem } from 'electrodb';
import type { outboxMessageEntity } from '#store/entities/outbox-message.js';
import type { Deps } from './deps.js';

type MessageItem = EntityItem<typeof outboxMessageEntity>;

export interface MessageView {
  id: string;
  to: string;
  body: string;
  segments: number;
  template: string;
  status: MessageItem['status'];
  createdAt: string;
  sentAt?: string;
  failureReason?: string;
  county?: string;
  /** Held until then (quiet hours, a scheduled broadcast) while `pending`. */
  notBefore?: string;
  /** A failed message re-sent as this one. */
  resentAs?: string;
}

export function toMessageView(item: MessageItem): MessageView {
  return {
    id: item.messageId,
    to: item.to,
    body: item.body,
    segments: item.segments,
    template: item.template,
    status: item.status,
    createdAt: item.createdAt,
    ...(item.sentAt ? { sentAt: item.sentAt } : {}),
    ...(item.failureReason ? { failureReason: item.failureReason } : {}),
    ...(item.county ? { county: item.county } : {}),
    ...(item.notBefore && item.heldState === 'held' ? { notBefore: item.notBefore } : {}),
    ...(item.resentAs ? { resentAs: item.resentAs } : {}),
  };
}

/** Oldest first; `phone` must be E.164. */
export async function messagesForPhone(deps: Pick<Deps, 'db'>, phone: string): Promise<MessageView[]> {
  const { data } = await deps.db.entities.outboxMessage.query.messagesByPhone({ to: phone }).go({ pages: 'all' });
  return data.map(toMessageView);
}
