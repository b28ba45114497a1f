// 录用通知: the county's offers, newest first, by status, each with its reasons.
import { download, get, type Offer, type Vacancy } from '../../api.js';
import { busy, h, replace, text } from '../../dom.js';
import { msg, onLanguageChange } from '../../i18n.js';
import { offerCard } from '../components/offer-card.js';
import { empty } from '../components/table.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

const STATUSES = ['offered', 'accepted', 'declined', 'expired', 'withdrawn'];

export function offersView(ws: Workspace): View {
  let offers: Offer[] = [];
  let titles = new Map<string, string>();
  const status = h(
    'select',
    { class: 'input small', 'data-testid': 'offer-status', i18n: { 'aria-label': 'common.status' } },
    h('option', { value: '' }, text('common.all')),
    STATUSES.map((s) => h('option', { value: s }, text(msg('status.offer', { v: s })))),
  );
  const vacancy = h('select', { class: 'input small', 'data-testid': 'offer-vacancy', i18n: { 'aria-label': 'col.title' } }, h('option', { value: '' }, text('coord.offers.allVacancies')));
  const list = h('div', { class: 'offer-list', 'data-testid': 'offers' });
  status.addEventListener('change', () => void load());
  vacancy.addEventListener('change', () => void load());
  const exportButton = h('button', { type: 'button', class: 'button small', 'data-testid': 'export-offers' }, text('coord.export'));
  exportButton.addEventListener('click', () =>
    void busy(exportButton, () => download('/offers.xlsx', `录用通知-${ws.county()}.xlsx`, { ...ws.opts, query: { county: ws.county(), status: status.value || undefined, vacancyId: vacancy.value || undefined } })),
  );

  async function load(): Promise<void> {
    const [found, vacancies] = await Promise.all([
      get<Offer[]>('/offers', { ...ws.opts, query: { county: ws.county(), status: status.value || undefined, vacancyId: vacancy.value || undefined } }),
      get<Vacancy[]>('/vacancies', { ...ws.opts, query: { county: ws.county() } }),
      ws.directory.ensure(),
    ]);
    offers = found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    titles = new Map(vacancies.map((v) => [v.id, v.title]));
    // The filter offers the vacancies these offers are for, and keeps the one picked.
    const picked = vacancy.value;
    const offered = new Map(found.map((o) => [o.vacancyId, o.vacancyTitle ?? titles.get(o.vacancyId) ?? o.vacancyId]));
    if (picked && !offered.has(picked)) offered.set(picked, titles.get(picked) ?? picked);
    replace(vacancy, h('option', { value: '' }, text('coord.offers.allVacancies')), [...offered].map(([id, title]) => h('option', { value: id, selected: id === picked }, title)));
    render();
  }

  function render(): void {
    if (offers.length === 0) return replace(list, empty('coord.offers.none'));
    replace(list, offers.map((o) => offerCard(o, ws.directory, titles, { opts: ws.opts, done: load })));
  }

  onLanguageChange(render);
  return {
    el: h('section', { class: 'card view' }, h('h2', null, text('tab.offers')), h('div', { class: 'toolbar' }, h('label', { class: 'inline-label' }, text('common.status'), status), vacancy, exportButton), list),
    show: load,
  };
}
