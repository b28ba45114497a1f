// PATCH /labourers/{id}: staff correct a labourer's details. The change, its audit entry and (for a new
// phone) the phone guards and both phones' notices are one transaction, as a 换号 is.
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '#domain/errors.js';
import { normalizeMainlandMobile } from '#domain/phone.js';
import type { Skill } from '#domain/skills.js';
import { renderSms } from '#domain/sms/templates.js';
import { writeTransaction, type TxPart } from '#store/transact.js';
import { auditPart, changedFields, labourerTarget, type AuditFields } from './audit.js';
import type { Deps } from './deps.js';
import { phoneGuardCreate, phoneGuardDelete } from './guard-parts.js';
import { toLabourerView, type LabourerItem, type LabourerView } from './labourer-view.js';
import { outboxPart } from './outbox.js';
import { pendingPhoneChange } from './phone-change.js';
import { destinationPlaces, PHONE_REASONS } from './register-labourer.js';

export interface LabourerChanges {
  phone?: string;
  skills?: Skill[];
  /** GB/T 2260 codes. */
  destinations?: string[];
  expectedWage?: number;
  /** `null` clears it. */
  availableFrom?: string | null;
  canTravel?: boolean;
  /** `null` clears it. */
  pickup?: { code?: string; name: string } | null;
  /** Staff set or clear it: the source becomes `coordinator`. */
  poverty?: boolean;
}

/** The editable fields as they stand (the audit's before and after). */
function editable(l: LabourerItem): AuditFields {
  return {
    phone: l.phone,
    skills: l.skills,
    destinations: l.destinations,
    expectedWage: l.expectedWage,
    availableFrom: l.availableFrom ?? null,
    canTravel: l.canTravel,
    pickup: l.pickup ?? null,
    poverty: l.poverty,
    povertySource: l.povertySource ?? null,
  };
}

/** `scope` refuses a caller who may not edit this county's labourers (ForbiddenError). */
export async function updateLabourer(
  deps: Deps,
  labourerId: string,
  changes: LabourerChanges,
  actor: string,
  scope: (county: string) => void,
): Promise<LabourerView> {
  const { data: current } = await deps.db.entities.labourer.get({ labourerId }).go({ consistent: true });
  if (!current) throw new NotFoundError('没有这个劳动者');
  scope(current.homeCounty);
  if (current.erasedAt) throw new ConflictError('该劳动者已删除个人信息，不能修改');

  const issues: FieldIssue[] = [];
  let phone = current.phone;
  if (changes.phone !== undefined) {
    const parsed = normalizeMainlandMobile(changes.phone);
    if (parsed.ok) phone = parsed.e164;
    else issues.push({ path: 'phone', message: PHONE_REASONS[parsed.reason] });
  }
  const destinations = changes.destinations ? destinationPlaces(changes.destinations, issues) : current.destinations;
  if (issues.length > 0) throw new ValidationError('修改的信息有误', issues);

  const next: LabourerItem = {
    ...current,
    phone,
    destinations,
    ...(changes.skills ? { skills: changes.skills } : {}),
    ...(changes.expectedWage !== undefined ? { expectedWage: changes.expectedWage } : {}),
    ...(changes.canTravel !== undefined ? { canTravel: changes.canTravel } : {}),
    ...(changes.availableFrom !== undefined ? { availableFrom: changes.availableFrom ?? undefined } : {}),
    ...(changes.pickup !== undefined ? { pickup: changes.pickup ?? undefined } : {}),
    ...(changes.poverty !== undefined && changes.poverty !== current.poverty ? { poverty: changes.poverty, povertySource: 'coordinator' as const } : {}),
  };
  const diff = changedFields(editable(current), editable(next));
  if (Object.keys(diff.after).length === 0) return toLabourerView(current);

  const moving = phone !== current.phone;
  if (moving && (await pendingPhoneChange(deps, labourerId))) {
    throw new ConflictError('该劳动者有待处理的换号申请，请先批准或拒绝', [{ path: 'phone', message: '有待处理的换号申请' }]);
  }
  const county = current.homeCounty;
  const set = Object.fromEntries(Object.entries(diff.after).filter(([, v]) => v !== null));
  const remove = Object.keys(diff.after).filter((k) => diff.after[k] === null) as ('availableFrom' | 'pickup' | 'povertySource')[];
  const parts: TxPart[] = [
    {
      name: 'labourer',
      item: ({ labourer }) => {
        // The phone is always set (a change of only cleared fields still has something to set).
        // A new phone is a fresh start for its reachability (two failed receipts marked the old one).
        const patch = labourer.patch({ labourerId }).set({ ...set, phone, ...(moving ? { unreachable: false } : {}) } as never);
        return (remove.length > 0 ? patch.remove(remove) : patch)
          .where((attr, { eq, notExists }) => `${eq(attr.phone, current.phone)} AND ${notExists(attr.erasedAt)}`)
          .commit();
      },
    },
    auditPart(deps, { actor, action: 'labourer.update', target: labourerTarget(labourerId), county, ...diff }),
  ];
  if (moving) {
    parts.push(
      phoneGuardCreate(phone, county, labourerId, 'newPhoneGuard'),
      phoneGuardDelete(current.phone, labourerId),
      outboxPart(deps, { to: phone, sms: renderSms('phoneChanged', {}), county }, 'newPhoneNotice'),
      outboxPart(deps, { to: current.phone, sms: renderSms('phoneMovedAway', { last4: phone.slice(-4) }), county }, 'oldPhoneNotice'),
    );
  }
  const outcome = await writeTransaction(deps.db, parts);
  if (!outcome.ok) {
    if (outcome.failed.has('newPhoneGuard')) throw new ConflictError('该手机号码已经被登记', [{ path: 'phone', message: '该手机号码已经被登记' }]);
    throw new ConflictError('资料刚刚被修改，请刷新后重试');
  }
  return toLabourerView(next);
}
