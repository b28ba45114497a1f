// The audit trail (store/entities/audit-entry.ts): a part for the change's own transaction, a single write
// for changes that have none, and the reads of GET /audit and the person page.
import type { AuditAction } from '#domain/audit-actions.js';
import { auditEntryEntity } from '#store/entities/audit-entry.js';
import { checkedCursor } from '#store/page-cursor.js';
import type { TxPart } from '#store/transact.js';
import type { Deps } from './deps.js';

export type AuditFields = Record<string, unknown>;

export interface AuditRecord {
  /** `coordinator:510822`, `admin`, `employer:<id>`, or who settled a 换号 (`old-phone`, `cooling-period`). */
  actor: string;
  /** One with a Chinese name for the pages (audit-actions.ts). */
  action: AuditAction;
  /** `labourer:<id>`, `vacancy:<id>`, `trip:<id>`, `county:<code>`. */
  target: string;
  county: string;
  /** Only the changed fields; ID numbers masked, never their hash. */
  before?: AuditFields;
  after?: AuditFields;
}

export interface AuditView {
  at: string;
  actor: string;
  action: string;
  target: string;
  before?: AuditFields;
  after?: AuditFields;
}

export const labourerTarget = (labourerId: string) => `labourer:${labourerId}`;

function auditItem(deps: Pick<Deps, 'newId' | 'clock'>, record: AuditRecord) {
  return {
    auditId: deps.newId(),
    at: deps.clock.now().toISOString(),
    actor: record.actor,
    action: record.action,
    target: record.target,
    county: record.county,
    ...(record.before ? { before: JSON.stringify(record.before) } : {}),
    ...(record.after ? { after: JSON.stringify(record.after) } : {}),
  };
}

export function auditPart(deps: Pick<Deps, 'newId' | 'clock'>, record: AuditRecord, name = 'audit'): TxPart {
  const item = auditItem(deps, record);
  return { name, item: ({ auditEntry }) => auditEntry.create(item).commit() };
}

/** For a change that is not one transaction (an import of many rows): one entry once it is done. */
export async function writeAudit(deps: Pick<Deps, 'db' | 'newId' | 'clock'>, record: AuditRecord): Promise<void> {
  await deps.db.entities.auditEntry.create(auditItem(deps, record)).go();
}

/** Before → after of the fields that differ (compared as JSON: lists and maps by value). */
export function changedFields(before: AuditFields, after: AuditFields): { before: AuditFields; after: AuditFields } {
  const changed = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
  };
}

type AuditItem = { at: string; actor: string; action: string; target: string; before?: string; after?: string };

export function toAuditView(item: AuditItem): AuditView {
  return {
    at: item.at,
    actor: item.actor,
    action: item.action,
    target: item.target,
    ...(item.before ? { before: JSON.parse(item.before) as AuditFields } : {}),
    ...(item.after ? { after: JSON.parse(item.after) as AuditFields } : {}),
  };
}

export interface AuditPage {
  items: AuditView[];
  cursor: string | null;
}

/** Newest first: a county's trail, or one target's (kept to `county` when given). */
export async function listAudit(
  deps: Pick<Deps, 'db'>,
  query: { county?: string; target?: string; limit: number; cursor?: string },
): Promise<AuditPage> {
  const { auditEntry } = deps.db.entities;
  if (query.target !== undefined) {
    const key = { target: query.target };
    const cursor = checkedCursor(auditEntryEntity, 'auditByTarget', key, query.cursor);
    const { data, cursor: next } = await auditEntry.query
      .auditByTarget(key)
      .where((attr, { eq }) => (query.county ? eq(attr.county, query.county) : ''))
      .go({ order: 'desc', limit: query.limit, cursor });
    return { items: data.map(toAuditView), cursor: next };
  }
  const key = { county: query.county! };
  const cursor = checkedCursor(auditEntryEntity, 'auditByCounty', key, query.cursor);
  const { data, cursor: next } = await auditEntry.query.auditByCounty(key).go({ order: 'desc', limit: query.limit, cursor });
  return { items: data.map(toAuditView), cursor: next };
}

/** Every entry about one labourer, oldest first (the person page's history). */
export async function auditOfLabourer(deps: Pick<Deps, 'db'>, labourerId: string): Promise<AuditView[]> {
  const { data } = await deps.db.entities.auditEntry.query.auditByTarget({ target: labourerTarget(labourerId) }).go({ pages: 'all' });
  return data.map(toAuditView);
}
