// Drafts of SMS registrations: what one phone has sent so far, merged message by message, for 24 hours.
// A draft holds the ID number only hashed and masked, as a registration does; never the number itself.
import { parseIdNumber } from '#domain/id-number.js';
import type { RegistrationFields } from '#domain/sms/parse-sms.js';
import type { TxPart } from '#store/transact.js';
import { hashIdNumber, type HashedIdNumber } from '../hashed-id-number.js';
import type { InboundContext } from './plan.js';

const DRAFT_TTL_SECONDS = 24 * 3600;

/** A registration's fields so far, its ID number hashed. */
export type DraftFields = Omit<RegistrationFields, 'idNumber'> & { idNumber?: HashedIdNumber };

/** A message's fields as a draft holds them. */
export async function toDraftFields(ctx: InboundContext, fields: RegistrationFields): Promise<DraftFields> {
  const { idNumber, ...rest } = fields;
  // The parser hands over only valid ID numbers, so this parse succeeds.
  const parsed = idNumber === undefined ? undefined : parseIdNumber(idNumber, ctx.now);
  return { ...rest, idNumber: parsed?.ok ? await hashIdNumber(ctx.deps, parsed.value) : undefined };
}

export async function loadDraft(ctx: InboundContext): Promise<DraftFields | undefined> {
  const { data } = await ctx.deps.db.entities.smsDraft.get({ phone: ctx.phone }).go({ consistent: true });
  // TTL deletion lags by up to days: an expired draft is gone as far as the labourer is concerned.
  if (!data || data.expiresAt * 1000 <= ctx.now.getTime()) return undefined;
  const stored = JSON.parse(data.fields) as DraftFields | RegistrationFields;
  // Drafts written before ID numbers were hashed here hold the number (gone within 24 hours).
  return typeof stored.idNumber === 'string' ? toDraftFields(ctx, stored as RegistrationFields) : (stored as DraftFields);
}

/** Later messages win for single values; lists and flags accumulate. */
export function mergeFields(draft: DraftFields | undefined, next: DraftFields): DraftFields {
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

export function saveDraftPart(ctx: InboundContext, fields: DraftFields): TxPart {
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
