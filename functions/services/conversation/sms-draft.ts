// Drafts of SMS registrations: what one phone has sent so far, merged message by message, for 24 hours.
import type { RegistrationFields } from '#domain/sms/parse-sms.js';
import type { TxPart } from '#store/transact.js';
import type { InboundContext } from './plan.js';

const DRAFT_TTL_SECONDS = 24 * 3600;

export async function loadDraft(ctx: InboundContext): Promise<RegistrationFields | undefined> {
  const { data } = await ctx.deps.db.entities.smsDraft.get({ phone: ctx.phone }).go({ consistent: true });
  // TTL deletion lags by up to days: an expired draft is gone as far as the labourer is concerned.
  if (!data || data.expiresAt * 1000 <= ctx.now.getTime()) return undefined;
  return JSON.parse(data.fields) as RegistrationFields;
}

/** Later messages win for single values; lists and flags accumulate. */
export function mergeFields(draft: RegistrationFields | undefined, next: RegistrationFields): RegistrationFields {
  if (!draft) return next;
  const byCode = new Map([...draft.destinations, ...next.destinations].map((d) => [d.code, d]));
  return {
    name: next.name ?? draft.name,
    idNumber: next.idNumber ?? (next.invalidIdNumber ? undefined : draft.idNumber),
    invalidIdNumber: next.idNumber ? undefined : next.invalidIdNumber,
    skills: [...new Set([...draft.skills, ...next.skills])],
    destinations: [...byCode.values()],
    localOnly: draft.localOnly || next.localOnly,
    expectedWage: next.expectedWage ?? draft.expectedWage,
    availableFrom: next.availableFrom ?? draft.availableFrom,
    povertySelfDeclared: draft.povertySelfDeclared || next.povertySelfDeclared,
    unrecognised: next.unrecognised,
  };
}

export function saveDraftPart(ctx: InboundContext, fields: RegistrationFields): TxPart {
  const { invalidIdNumber: _dropped, unrecognised: _noise, ...kept } = fields;
  return {
    name: 'draft',
    item: ({ smsDraft }) =>
      smsDraft
        .put({
          phone: ctx.phone,
          fields: JSON.stringify({ ...kept, unrecognised: [] }),
          updatedAt: ctx.now.toISOString(),
          expiresAt: Math.floor(ctx.now.getTime() / 1000) + DRAFT_TTL_SECONDS,
        })
        .commit(),
  };
}

export function deleteDraftPart(ctx: InboundContext): TxPart {
  return { name: 'draftDone', item: ({ smsDraft }) => smsDraft.delete({ phone: ctx.phone }).commit() };
}
