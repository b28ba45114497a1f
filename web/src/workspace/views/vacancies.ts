// 岗位与公益岗位: the county's vacancies and public-welfare posts; a post can be closed or reopened.
import { get, patch, type Vacancy } from '../../api.js';
import { busy, formatNumber, h, replace, text } from '../../dom.js';
import { msg, onLanguageChange } from '../../i18n.js';
import { placeFullName } from '../../places.js';
import { empty, statusBadge, table } from '../components/table.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

export function vacanciesView(ws: Workspace): View {
  let vacancies: Vacancy[] = [];
  const kind = h(
    'select',
    { class: 'input small', i18n: { 'aria-label': 'common.kind' } },
    h('option', { value: '' }, text('common.all')),
    h('option', { value: 'job' }, text(msg('kind', { v: 'job' }))),
    h('option', { value: 'post' }, text(msg('kind', { v: 'post' }))),
  );
  const reach = h(
    'select',
    { class: 'input small', 'data-testid': 'vacancy-reach', i18n: { 'aria-label': 'coord.vacancies.reach' } },
    h('option', { value: '' }, text('coord.vacancies.inCounty')),
    h('option', { value: 'labourers' }, text('coord.vacancies.reachable')),
  );
  const list = h('div', { class: 'table-wrap', 'data-testid': 'vacancies' });
  kind.addEventListener('change', () => render());
  reach.addEventListener('change', () => void load());

  async function load(): Promise<void> {
    vacancies = await get<Vacancy[]>('/vacancies', { ...ws.opts, query: { county: ws.county(), reach: reach.value || undefined } });
    render();
  }

  function render(): void {
    const shown = vacancies.filter((v) => !kind.value || v.kind === kind.value);
    if (shown.length === 0) return replace(list, empty('coord.vacancies.none'));
    replace(
      list,
      table(
        ['col.title', 'col.kind', 'col.place', 'col.skills', 'col.wage', 'col.start', 'col.fill', 'col.status', 'col.actions'],
        shown.map((v) => [
          h('strong', null, v.title),
          h('span', null, text(msg('kind', { v: v.kind })), v.kind === 'post' ? h('small', { class: 'muted block' }, text(msg('coord.vacancies.postTerms', { months: v.months ?? '?', share: Math.round((v.poorShareMin ?? 0.6) * 100) }))) : null),
          placeFullName(v.county),
          v.skills.map((s) => h('span', { class: 'tag' }, text(msg('skill', { v: s })))),
          formatNumber(v.monthlyWage),
          v.startDate,
          h('span', null, `${v.filled} / ${v.openings}`, h('small', { class: 'muted block' }, text(msg('coord.vacancies.offered', { offered: v.offered, remaining: v.remaining })))),
          statusBadge('status.vacancy', v.status),
          v.kind === 'post' && v.county === ws.county() ? postToggle(v) : '',
        ]),
      ),
    );
  }

  function postToggle(v: Vacancy): HTMLElement {
    const open = v.status === 'open';
    const button = h('button', { type: 'button', class: `button small ${open ? 'danger' : ''}` }, text(open ? 'employer.close' : 'employer.reopen'));
    button.addEventListener('click', () => void busy(button, async () => {
      await patch(`/vacancies/${v.id}`, { status: open ? 'closed' : 'open' }, ws.opts);
      await load();
    }));
    return button;
  }

  onLanguageChange(render);
  return {
    el: h('section', { class: 'card view' }, h('h2', null, text('tab.vacancies')), h('div', { class: 'toolbar' }, reach, h('label', { class: 'inline-label' }, text('common.kind'), kind)), list),
    show: load,
  };
}
