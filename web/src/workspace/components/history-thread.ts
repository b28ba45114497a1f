// A person's season as one thread (GET /labourers/{id}/history): their SMS on the left, ours on the right
// (with the template's Chinese name and whether it went), and what happened in between as small lines.
import type { HistoryEntry } from '../../api.js';
import { formatDateTime, h, text } from '../../dom.js';
import { msg, t } from '../../i18n.js';
import { formatPhone } from '../../phone-book.js';
import { empty } from './table.js';

export function historyThread(entries: readonly HistoryEntry[]): HTMLElement {
  if (entries.length === 0) return empty('person.noHistory');
  return h('ol', { class: 'history', 'data-testid': 'history' }, entries.map(entry));
}

function entry(e: HistoryEntry): HTMLElement {
  const when = h('time', { class: 'muted small', datetime: e.at }, formatDateTime(e.at));
  if (e.kind === 'event') {
    const change = e.after ? h('span', { class: 'muted small' }, ' · ', changeText(e.before, e.after)) : null;
    return h('li', { class: 'history-event', 'data-kind': 'event' }, when, ' ', h('strong', null, e.text ?? ''), e.actor ? h('span', { class: 'muted small' }, ` · ${e.actor}`) : null, change);
  }
  const inbound = e.kind === 'inbound';
  return h(
    'li',
    { class: `history-sms ${inbound ? 'is-in' : 'is-out'}`, 'data-kind': e.kind },
    h('div', { class: `bubble ${inbound ? 'bubble-in' : 'bubble-out'}${e.status === 'suppressed' ? ' is-suppressed' : ''}` }, e.text ?? ''),
    h(
      'div',
      { class: 'muted small' },
      when,
      e.phone ? ` · ${formatPhone(e.phone)}` : '',
      e.templateName ? ` · ${e.templateName}` : '',
      e.status ? [' · ', text(msg('status.message', { v: e.status }))] : null,
    ),
  );
}

/** `{phone: "+86138…"} → {phone: "+86139…"}` as `phone: +86138… → +86139…`. */
export function changeText(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string {
  const show = (v: unknown): string => (v === undefined || v === null ? '—' : Array.isArray(v) ? v.map(show).join('、') : typeof v === 'object' ? (((v as { name?: string }).name ?? JSON.stringify(v)) as string) : String(v));
  return Object.keys(after)
    .map((key) => `${t('field', { v: key })}：${show(before?.[key])} → ${show(after[key])}`)
    .join('；');
}
