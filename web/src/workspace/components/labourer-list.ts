// A list of the county's labourers (GET /labourers): filtered by status, searched, paged; a name opens the
// person. Used by the people view and the follow-up watch list.
import { request, type Labourer } from '../../api.js';
import { busy, formatDateTime, formatNumber, h, replace, text } from '../../dom.js';
import { msg } from '../../i18n.js';
import { formatPhone } from '../../phone-book.js';
import type { Workspace } from '../workspace.js';
import { empty, statusBadge, table } from './table.js';

export interface LabourerQuery {
  status?: string;
  /** A name, a phone (any part), an ID number or a registration code. */
  q?: string;
  watch?: boolean;
}

export function labourerList(ws: Workspace, testId: string): { el: HTMLElement; load(query: LabourerQuery): Promise<void>; render(): void } {
  let labourers: Labourer[] = [];
  let cursor: string | null = null;
  let query: LabourerQuery = {};
  const list = h('div', { class: 'table-wrap', 'data-testid': testId });
  const more = h('button', { type: 'button', class: 'button small', hidden: true }, text('common.more'));
  more.addEventListener('click', () => void busy(more, () => fetchPage(true)));

  async function fetchPage(next: boolean): Promise<void> {
    const response = await request<Labourer[]>('GET', '/labourers', {
      ...ws.opts,
      query: {
        county: ws.county(),
        status: query.status || undefined,
        q: query.q || undefined,
        watch: query.watch ? 'true' : undefined,
        limit: 100,
        cursor: next ? (cursor ?? undefined) : undefined,
      },
    });
    labourers = next ? [...labourers, ...response.data] : response.data;
    cursor = response.headers.get('x-next-cursor');
    ws.directory.remember(response.data);
    render();
  }

  function render(): void {
    more.hidden = !cursor;
    if (labourers.length === 0) return replace(list, empty(query.watch ? 'coord.watch.none' : 'coord.labourers.none'));
    replace(
      list,
      table(
        ['col.name', 'col.phone', 'col.idNumber', 'col.skills', 'col.destinations', 'col.wage', 'col.status', 'col.poverty', query.watch ? 'col.watchSince' : 'col.registered'],
        labourers.map((l) => [
          h('a', { href: `#/people/${l.id}`, class: 'person-link', 'data-testid': 'person-link' }, h('strong', null, l.name)),
          h('span', { class: 'mono nowrap' }, formatPhone(l.phone)),
          h('span', { class: 'mono' }, l.idNumberMasked),
          l.skills.map((s) => h('span', { class: 'tag' }, text(msg('skill', { v: s })))),
          l.destinations.length ? l.destinations.map((d) => d.name).join('、') : text(l.canTravel ? 'coord.labourers.anywhere' : 'coord.labourers.local'),
          formatNumber(l.expectedWage),
          statusBadge('status.labourer', l.status, l.optedOut ? text('coord.labourers.optedOut') : l.unreachable ? h('span', { class: 'unreachable', 'data-testid': 'unreachable' }, text('coord.labourers.unreachable')) : null),
          l.poverty ? h('span', { class: 'badge poverty' }, text('common.yes')) : '',
          formatDateTime(query.watch ? l.watchSince : l.createdAt),
        ]),
        (row, i) => row.setAttribute('data-labourer', labourers[i]!.id),
      ),
    );
  }

  return {
    el: h('div', null, list, h('div', { class: 'actions' }, more)),
    async load(next) {
      query = next;
      await fetchPage(false);
    },
    render,
  };
}
