// Staff writes about one thing (GET /audit?target=): who, when, what, before → after (IDs masked).
import type { AuditEntry } from '../../api.js';
import { auditActionName } from '../../../../functions/domain/audit-actions.js';
import { formatDateTime, h } from '../../dom.js';
import { changeText } from './history-thread.js';
import { empty, table } from './table.js';

export function auditList(entries: readonly AuditEntry[]): HTMLElement {
  if (entries.length === 0) return empty('person.noAudit');
  return h(
    'div',
    { class: 'table-wrap', 'data-testid': 'audit' },
    table(
      ['col.time', 'col.actor', 'col.action', 'col.change'],
      entries.map((a) => [formatDateTime(a.at), h('span', { class: 'mono' }, a.actor), auditActionName(a.action), a.after ? changeText(a.before, a.after) : '']),
    ),
  );
}
