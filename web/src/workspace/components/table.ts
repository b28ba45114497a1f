// Small pieces every workspace list uses: a table that turns into cards on a phone (each cell carries its
// column's label), a status badge, a labelled field.
import { h, text, type Child } from '../../dom.js';
import { msg, t, type Key } from '../../i18n.js';

export type StatusKey = 'status.labourer' | 'status.vacancy' | 'status.offer' | 'status.trip' | 'status.message' | 'status.broadcast';

export function statusBadge(key: StatusKey, value: string, extra?: Child): HTMLElement {
  return h('span', { class: `badge status-${value}`, 'data-status': value }, text(msg(key, { v: value })), extra ? h('small', null, ' ', extra) : null);
}

export function labelled(id: string, label: Key, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { class: 'label', for: id }, text(label)), control);
}

export function table(columns: Key[], rows: Child[][], decorate?: (row: HTMLTableRowElement, index: number) => void): HTMLTableElement {
  return h(
    'table',
    { class: 'table' },
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, text(c))))),
    h(
      'tbody',
      null,
      rows.map((cells, i) => {
        const row = h('tr', null, cells.map((cell, c) => h('td', { 'data-label': t(columns[c]!) }, cell)));
        decorate?.(row, i);
        return row;
      }),
    ),
  );
}

export function empty(key: Key): HTMLElement {
  return h('p', { class: 'empty' }, text(key));
}

/** `PLACE: 意向地: 湖州市` → a tag, its code as a hint. */
export function reasonTag(r: string): HTMLElement {
  const match = /^([A-Z_]+):\s*(.*)$/.exec(r);
  return h('li', { class: `reason reason-${(match?.[1] ?? 'other').toLowerCase()}`, title: match?.[1] ?? '' }, match?.[2] ?? r);
}
