// One person (#/people/<id>): details a coordinator can correct, their season as one thread (SMS both
// ways, offers, seats, staff changes), the audit trail of staff writes, and the offers with reasons.
import { get, type AuditEntry, type HistoryEntry, type Labourer, type Offer } from '../../api.js';
import { formatDateTime, formatNumber, h, replace, text, type Child } from '../../dom.js';
import { msg, type Key } from '../../i18n.js';
import { formatPhone } from '../../phone-book.js';
import { placeFullName } from '../../places.js';
import { auditList } from '../components/audit-list.js';
import { historyThread } from '../components/history-thread.js';
import { labourerEditor } from '../components/labourer-editor.js';
import { offerCard } from '../components/offer-card.js';
import { empty, statusBadge } from '../components/table.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

export function personView(ws: Workspace): View {
  const el = h('div', { class: 'view view-person', 'data-testid': 'person' });
  /** The person asked for last: a slower answer for someone opened before is dropped. */
  let latest = '';

  async function show(id: string): Promise<void> {
    latest = id;
    const labourer = await get<Labourer>(`/labourers/${encodeURIComponent(id)}`, ws.opts);
    ws.directory.remember([labourer]);
    const [offers, history, audit] = await Promise.all([
      get<Offer[]>('/offers', { ...ws.opts, query: { county: labourer.homeCounty } }).then((all) => all.filter((o) => o.labourerId === id)),
      get<HistoryEntry[]>(`/labourers/${encodeURIComponent(id)}/history`, ws.opts),
      get<AuditEntry[]>('/audit', { ...ws.opts, query: { county: labourer.homeCounty, target: `labourer:${id}` } }),
    ]);
    if (latest !== id) return;
    const detailsCard = h('section', { class: 'card person-details' });
    const showDetails = () =>
      replace(
        detailsCard,
        details(labourer, () =>
          replace(detailsCard, h('h2', null, text('person.edit')), labourerEditor(labourer, ws.opts, () => void show(id), showDetails)),
        ),
      );
    showDetails();
    replace(
      el,
      h('p', null, h('a', { href: '#/people', class: 'back' }, '← ', text('tab.labourers'))),
      detailsCard,
      h('section', { class: 'card' }, h('h2', null, text('person.history')), historyThread(history)),
      h('section', { class: 'card' }, h('h2', null, text('person.offers')), offers.length ? offers.map((o) => offerCard(o, ws.directory, new Map(), { opts: ws.opts, done: () => show(id) })) : empty('person.noOffers')),
      h('section', { class: 'card' }, h('h2', null, text('person.audit')), auditList(audit)),
    );
  }

  return {
    el,
    show: (route) => (route.param ? show(route.param) : Promise.resolve()),
  };
}

function details(l: Labourer, edit: () => void): Child[] {
  const row = (label: Key, value: Child) => [h('dt', null, text(label)), h('dd', null, value)];
  const editButton = h('button', { type: 'button', class: 'button small', 'data-testid': 'edit-labourer', on: { click: edit } }, text('person.edit'));
  return [
    h('div', { class: 'card-head' }, h('h1', { 'data-testid': 'person-name' }, l.name), h('div', { class: 'row' }, statusBadge('status.labourer', l.status, l.optedOut ? text('coord.labourers.optedOut') : l.unreachable ? h('span', { class: 'unreachable', 'data-testid': 'unreachable' }, text('coord.labourers.unreachable')) : null), editButton)),
    h(
      'dl',
      { class: 'facts' },
      l.registrationCode ? row('person.code', h('span', { class: 'mono', 'data-testid': 'registration-code' }, l.registrationCode)) : null,
      row('col.phone', h('span', { class: 'mono', 'data-testid': 'person-phone' }, formatPhone(l.phone))),
      row('col.idNumber', h('span', { class: 'mono' }, l.idNumberMasked)),
      row('person.home', placeFullName(l.homeCounty)),
      row('col.skills', l.skills.map((s) => h('span', { class: 'tag' }, text(msg('skill', { v: s }))))),
      row('col.destinations', l.destinations.length ? l.destinations.map((d) => d.name).join('、') : text(l.canTravel ? 'coord.labourers.anywhere' : 'coord.labourers.local')),
      row('col.wage', formatNumber(l.expectedWage)),
      l.availableFrom ? row('person.availableFrom', l.availableFrom) : null,
      l.pickup ? row('person.pickup', l.pickup.name) : null,
      row('col.poverty', text(l.poverty ? 'common.yes' : 'common.no')),
      row('col.registered', formatDateTime(l.createdAt)),
      l.registeredBy ? row('person.registeredBy', l.registeredBy) : null,
    ),
  ];
}
