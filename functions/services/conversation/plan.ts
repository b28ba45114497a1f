// What answering one inbound SMS will write: transaction parts (state changes and replies), and what to
// write instead if a condition refuses them (e.g. the ID number was registered a moment ago).
import type { TemplateName, TemplateParams } from '#domain/sms/templates.js';
import { renderSms } from '#domain/sms/templates.js';
import type { TxPart } from '#store/transact.js';
import type { Deps } from '../deps.js';
import { outboxPart } from '../outbox.js';

export interface Plan {
  intent: string;
  parts: TxPart[];
  /** What to write instead (it may read again first); tried once. */
  onRefused?: (failed: ReadonlySet<string>) => Plan | Promise<Plan>;
  /** Follow-up work once the transaction is in (idempotent: a redelivery may repeat it). */
  afterCommit?: () => Promise<unknown>;
}

export interface InboundContext {
  deps: Deps;
  /** The sender, E.164. */
  phone: string;
  inboundMessageId: string;
  now: Date;
}

/** A reply to the sender, caused by the inbound message. */
export function reply<T extends TemplateName>(ctx: InboundContext, template: T, params: TemplateParams<T>, county?: string): TxPart {
  return outboxPart(ctx.deps, { to: ctx.phone, sms: renderSms(template, params), county, causedBy: ctx.inboundMessageId }, `reply:${template}`);
}

/** A plan that only answers. */
export function replyOnly<T extends TemplateName>(ctx: InboundContext, intent: string, template: T, params: TemplateParams<T>, county?: string): Plan {
  return { intent, parts: [reply(ctx, template, params, county)] };
}
