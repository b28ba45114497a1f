// One person (#/people/<id>): their details, the offers made to them with reasons, and their SMS.
import { get, type Labourer, type Offer, type SmsLogEntry } from '../../api.js';
import { formatDateTime, formatNumber, h, replace, text, type Child } from '../../dom.js';
import { msg, type Key } from '../../i18n.js';
import { formatPhone } from '../../phone-book.js';
import { placeFullName } from '../../places.js';
import { offerCard } from '../components/offer-card.js';
import { empty, statusBadge } from '../components/table.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';
import { messageTable } from './messages.js';

export function personView(ws: Workspace): View {
  const el = h('div', { class: 'view view-person', 'data-testid': 'person' });

  async function show(id: string): Promise<void> {
    const labourer = await get<Labourer>(`/labourers/${encodeURIComponent(id)}`, ws.opts);
    ws.directory.remember([labourer]);
    const [offers, messages] = await Promise.all([
      get<Offer[]>('/offers', { ...ws.opts, query: { county: labourer.homeCounty } }).then((all) => all.filter((o) => o.labourerId === id)),
      labourer.phone ? get<SmsLogEntry[]>('/messages', { ...ws.opts, query: { phone: labourer.phone } }) : Promise.resolve([]),
    ]);
    replace(
      el,
      h('p', null, h('a', { href: '#/people', class: 'back' }, '← ', text('tab.labourers'))),
      details(labourer),
      h('section', { class: 'card' }, h('h2', null, text('person.offers')), offers.length ? offers.map((o) => offerCard(o, ws.directory)) : empty('person.noOffers')),
      h('section', { class: 'card' }, h('h2', null, text('person.messages')), h('div', { class: 'table-wrap' }, messages.length ? messageTable(messages) : empty('coord.messages.none'))),
    );
  }

  return {
    el,
    show: (route) => (route.param ? show(route.param) : Promise.resolve()),
  };
}

function details(l: Labourer): HTMLElement {
  const row = (label: Key, value: Child) => [h('dt', null, text(label)), h('dd', null, value)];
  return h(
    'section',
    { class: 'card person-details' },
    h('div', { class: 'card-head' }, h('h1', { 'data-testid': 'person-name' }, l.name), statusBadge('status.labourer', l.status, l.optedOut ? text('coord.labourers.optedOut') : null)),
    h(
      'dl',
      { class: 'facts' },
      row('col.phone', h('span', { class: 'mono' }, formatPhone(l.phone))),
      row('col.idNumber', h('span', { class: 'mono' }, l.idNumberMasked)),
      row('person.home', placeFullName(l.homeCounty)),
      row('col.skills', l.skills.map((s) => h('span', { class: 'tag' }, text(msg('skill', { v: s }))))),
      row('col.destinations', l.destinations.length ? l.destinations.map((d) => d.name).join('、') : text(l.canTravel ? 'coord.labourers.anywhere' : 'coord.labourers.local')),
      row('col.wage', formatNumber(l.expectedWage)),
      l.availableFrom ? row('person.availableFrom', l.availableFrom) : null,
      row('col.poverty', text(l.poverty ? 'common.yes' : 'common.no')),
      row('col.registered', formatDateTime(l.createdAt)),
    ),
  );
}
