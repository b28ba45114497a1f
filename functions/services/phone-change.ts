// 换号 as a county would accept it: a request from a new phone is pending; the old phone answers 1 or 0,
// a coordinator who has seen the ID card decides at once, or the cooling period completes it. Moving the
// registration swaps the phone guards and the labourer's phone in one transaction, with both phones told.
import { ConflictError, NotFoundError } from '#domain/errors.js';
import { renderSms } from '#domain/sms/templates.js';
import { ENV, positiveIntegerEnv } from '#config/env.js';
import type { PhoneChangeStatus } from '#store/entities/phone-change.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import type { Deps } from './deps.js';
import { auditPart, labourerTarget } from './audit.js';
import { phoneGuardCreate, phoneGuardDelete } from './guard-parts.js';
import { outboxPart } from './outbox.js';

/** Settled requests stay readable for the record this long. */
const KEEP_SETTLED_SECONDS = 180 * 24 * 3600;

export const coolingHours = (): number => positiveIntegerEnv(ENV.phoneChangeCoolingHours, 72);

export interface PhoneChange {
  labourerId: string;
  homeCounty: string;
  oldPhone: string;
  newPhone: string;
  status: PhoneChangeStatus;
  requestedAt: string;
  completesAt: string;
  decidedBy?: string;
  decidedAt?: string;
}

export async function pendingPhoneChange(deps: Pick<Deps, 'db'>, labourerId: string): Promise<PhoneChange | undefined> {
  const { data } = await deps.db.entities.phoneChange.get({ labourerId }).go({ consistent: true });
  return data?.status === 'pending' ? data : undefined;
}

/** The request itself and the old phone's question; `causedBy` is the 换号 SMS. */
export function requestParts(deps: Deps, change: Omit<PhoneChange, 'status' | 'requestedAt' | 'completesAt'>, causedBy: string): TxPart[] {
  const now = deps.clock.now();
  const hours = coolingHours();
  return [
    {
      name: 'phoneChange',
      item: ({ phoneChange }) =>
        phoneChange
          .put({ ...change, status: 'pending', requestedAt: now.toISOString(), completesAt: new Date(now.getTime() + hours * 3600_000).toISOString() })
          // One request at a time: a pending one is not replaced (nor its cooling period restarted).
          .where(({ status }, { notExists, ne }) => `${notExists(status)} OR ${ne(status, 'pending')}`)
          .commit(),
    },
    outboxPart(
      deps,
      { to: change.oldPhone, sms: renderSms('changePhoneConfirm', { last4: change.newPhone.slice(-4), hours }), county: change.homeCounty, causedBy },
      'oldPhoneQuestion',
    ),
  ];
}

function settlePart(deps: Deps, change: PhoneChange, status: 'done' | 'refused', decidedBy: string): TxPart {
  const now = deps.clock.now();
  return {
    name: 'phoneChange',
    item: ({ phoneChange }) =>
      phoneChange
        .patch({ labourerId: change.labourerId })
        .set({ status, decidedBy, decidedAt: now.toISOString(), expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SETTLED_SECONDS })
        // The status is part of the listing keys: ElectroDB rebuilds them from these.
        .composite({ homeCounty: change.homeCounty, requestedAt: change.requestedAt, completesAt: change.completesAt })
        .where((attr, { eq }) => `${eq(attr.status, 'pending')} AND ${eq(attr.newPhone, change.newPhone)}`)
        .commit(),
  };
}

/**
 * The audit entry of a settled request, whoever settled it: a phone move is the change most worth
 * tracing, and the person page reads a labourer's earlier phones (and their SMS) from these entries.
 */
function decisionAudit(deps: Deps, change: PhoneChange, status: Settled, decidedBy: string): TxPart {
  return auditPart(deps, {
    actor: decidedBy,
    action: status === 'done' ? 'phoneChange.approve' : 'phoneChange.refuse',
    target: labourerTarget(change.labourerId),
    county: change.homeCounty,
    before: { phone: change.oldPhone },
    after: status === 'done' ? { phone: change.newPhone, requestedAt: change.requestedAt } : { phone: change.oldPhone, refusedPhone: change.newPhone },
  });
}

/** Moves the registration to the new phone; both phones are told. */
export function completionParts(deps: Deps, change: PhoneChange, decidedBy: string, causedBy?: string): TxPart[] {
  const { labourerId, oldPhone, newPhone, homeCounty } = change;
  return [
    settlePart(deps, change, 'done', decidedBy),
    phoneGuardCreate(newPhone, homeCounty, labourerId, 'newPhoneGuard'),
    phoneGuardDelete(oldPhone, labourerId),
    {
      name: 'labourerPhone',
      item: ({ labourer }) =>
        labourer
          .patch({ labourerId })
          // The new number asked for the move: the registration reaches it (an opt-out stays with the old number).
          .set({ phone: newPhone, optedOut: false, unreachable: false })
          .where((attr, { eq }) => eq(attr.phone, oldPhone))
          .commit(),
    },
    outboxPart(deps, { to: newPhone, sms: renderSms('phoneChanged', {}), county: homeCounty, causedBy }, 'newPhoneNotice'),
    outboxPart(deps, { to: oldPhone, sms: renderSms('phoneMovedAway', { last4: newPhone.slice(-4) }), county: homeCounty, causedBy }, 'oldPhoneNotice'),
    decisionAudit(deps, change, 'done', decidedBy),
  ];
}

/**
 * Ends the request without moving anything. `newPhoneTaken`: the new phone registered meanwhile, and is
 * told why; otherwise the old phone (or a coordinator) said no.
 */
export function refusalParts(deps: Deps, change: PhoneChange, decidedBy: string, causedBy?: string, newPhoneTaken = false): TxPart[] {
  const { oldPhone, newPhone, homeCounty } = change;
  return [
    settlePart(deps, change, 'refused', decidedBy),
    outboxPart(deps, { to: newPhone, sms: renderSms(newPhoneTaken ? 'newPhoneTaken' : 'changePhoneRefused', {}), county: homeCounty, causedBy }, 'newPhoneNotice'),
    outboxPart(deps, { to: oldPhone, sms: renderSms('changePhoneKept', {}), county: homeCounty, causedBy }, 'oldPhoneNotice'),
    decisionAudit(deps, change, 'refused', decidedBy),
  ];
}

export type Settled = 'done' | 'refused';

/** Completes (or refuses) a pending request outside an SMS: a coordinator's decision, or the sweep. */
export async function settlePhoneChange(deps: Deps, labourerId: string, decision: 'approve' | 'refuse', decidedBy: string): Promise<Settled> {
  const change = await pendingPhoneChange(deps, labourerId);
  if (!change) throw new NotFoundError('没有待处理的换号申请');
  if (decision === 'refuse') {
    const outcome = await writeTransaction(deps.db, refusalParts(deps, change, decidedBy));
    if (!outcome.ok) throw new ConflictError('换号申请刚刚已被处理');
    return 'refused';
  }
  const outcome = await writeTransaction(deps.db, completionParts(deps, change, decidedBy));
  if (outcome.ok) return 'done';
  const ending = cannotComplete(outcome.failed);
  if (ending) {
    const refused = await writeTransaction(deps.db, refusalParts(deps, change, decidedBy, undefined, ending === 'newPhoneTaken'));
    if (refused.ok) return 'refused';
  }
  throw new ConflictError('换号申请刚刚已被处理');
}

/**
 * Why a still-pending request can never complete, so it is settled as refused rather than retried by
 * every sweep: the new phone registered meanwhile, or the registration's phone changed since it was
 * asked (a coordinator's correction) — undefined when the request itself was settled meanwhile.
 */
export function cannotComplete(failed: ReadonlySet<string>): 'newPhoneTaken' | 'phoneChanged' | undefined {
  if (failed.has('phoneChange')) return undefined;
  if (failed.has('newPhoneGuard')) return 'newPhoneTaken';
  return failed.has('labourerPhone') || failed.has('oldPhoneGuard') ? 'phoneChanged' : undefined;
}

/** The cooling period is over and nobody said no: the registration moves. */
export async function completeDuePhoneChanges(deps: Deps): Promise<{ done: number; refused: number }> {
  const now = deps.clock.now().toISOString();
  const { data } = await deps.db.entities.phoneChange.query.changesDue({ status: 'pending' }).lte({ completesAt: now }).go({ pages: 'all' });
  const counts = { done: 0, refused: 0 };
  for (const change of data) {
    try {
      counts[await settlePhoneChange(deps, change.labourerId, 'approve', 'cooling-period')]++;
    } catch (error) {
      // Settled meanwhile (by the old phone or a coordinator): nothing left to do.
      if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
    }
  }
  return counts;
}

export async function listPhoneChanges(deps: Pick<Deps, 'db'>, county: string, status: PhoneChangeStatus = 'pending'): Promise<PhoneChange[]> {
  const { data } = await deps.db.entities.phoneChange.query.changesByCounty({ homeCounty: county, status }).go({ pages: 'all' });
  return data;
}
