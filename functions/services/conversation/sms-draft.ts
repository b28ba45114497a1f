// Drafts of SMS registrations: what one phone has sent so far, merged message by message, for 24 hours.
// A draft holds the ID number only hashed and masked, as a registration does; never the number itself.
// Every write of a draft is conditional on the version that was read (optimistic locking): a message
// handled at the same moment as another from the same phone finds its write refused and is decided
// again on the merged draft (handle-inbound-sms.ts), so no field is ever lost.
import { parseIdNumber } from '#domain/id-number.js';
import type { RegistrationFields } from '#domain/sms/parse-sms.js';
import type { TxEntities, TxPart } from '#store/transact.js';
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

/** The draft as read: its fields (none when absent or expired) and the stored item's version, for the conditional write. */
export interface LoadedDraft {
  fields: DraftFields | undefined;
  /** `absent`: no item; `unversioned`: an item written before versions; else its version. */
  version: number | 'absent' | 'unversioned';
}

export async function loadDraft(ctx: InboundContext): Promise<LoadedDraft> {
  const { data } = await ctx.deps.db.entities.smsDraft.get({ phone: ctx.phone }).go({ consistent: true });
  if (!data) return { fields: undefined, version: 'absent' };
  const version = data.version ?? 'unversioned';
  // TTL deletion lags by up to days: an expired draft is gone as far as the labourer is concerned.
  if (data.expiresAt * 1000 <= ctx.now.getTime()) return { fields: undefined, version };
  const stored = JSON.parse(data.fields) as DraftFields | RegistrationFields;
  // Drafts written before ID numbers were hashed here hold the number (gone within 24 hours).
  const fields = typeof stored.idNumber === 'string' ? await toDraftFields(ctx, stored as RegistrationFields) : (stored as DraftFields);
  return { fields, version };
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
    dailyWage: next.expectedWage !== undefined ? next.dailyWage : draft.dailyWage,
    home: next.home ?? draft.home,
    pickup: next.pickup ?? draft.pickup,
    availableFrom: next.availableFrom ?? draft.availableFrom,
    povertySelfDeclared: draft.povertySelfDeclared || next.povertySelfDeclared,
    unrecognised: next.unrecognised,
  };
}

/** The names of the draft's parts: a refusal of either means another message changed the draft first. */
export const DRAFT_PARTS: readonly string[] = ['draft', 'draftDone', 'phoneFree'];

type VersionWhere = Parameters<ReturnType<TxEntities['smsDraft']['delete']>['where']>[0];

/** The draft is still as it was read. */
function unchanged(version: LoadedDraft['version']): VersionWhere {
  return ({ phone, version: v }, { eq, notExists }) =>
    version === 'absent' ? notExists(phone) : version === 'unversioned' ? notExists(v) : eq(v, version);
}

function nextVersion(version: LoadedDraft['version']): number {
  return typeof version === 'number' ? version + 1 : 1;
}

export function saveDraftPart(ctx: InboundContext, fields: DraftFields, read: LoadedDraft['version']): TxPart {
  const { invalidIdNumber: _dropped, unrecognised: _noise, ...kept } = fields;
  return {
    name: 'draft',
    item: ({ smsDraft }) =>
      smsDraft
        .put({
          phone: ctx.phone,
          fields: JSON.stringify({ ...kept, unrecognised: [] }),
          updatedAt: ctx.now.toISOString(),
          version: nextVersion(read),
          expiresAt: Math.floor(ctx.now.getTime() / 1000) + DRAFT_TTL_SECONDS,
        })
        .where(unchanged(read))
        .commit(),
  };
}

/** Removes the draft its registration used — refused if another message changed it meanwhile. */
export function deleteDraftPart(ctx: InboundContext, read: LoadedDraft['version']): TxPart {
  return { name: 'draftDone', item: ({ smsDraft }) => smsDraft.delete({ phone: ctx.phone }).where(unchanged(read)).commit() };
}

/** The phone is still unregistered: a draft written beside a registration that just happened would be lost. */
export function phoneFreePart(ctx: InboundContext): TxPart {
  return {
    name: 'phoneFree',
    item: ({ uniqueGuard }) => uniqueGuard.check({ kind: 'phone', value: ctx.phone }).where(({ labourerId }, { notExists }) => notExists(labourerId)).commit(),
  };
}
