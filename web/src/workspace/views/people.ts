// 劳动者: find anyone in the county — by name, phone, ID number or registration code — and filter by status.
import { download } from '../../api.js';
import { busy, h, text } from '../../dom.js';
import { msg, onLanguageChange } from '../../i18n.js';
import { labourerList } from '../components/labourer-list.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

const STATUSES = ['registered', 'offered', 'accepted', 'placed', 'travelling', 'inactive'];

export function peopleView(ws: Workspace): View {
  const status = h(
    'select',
    { class: 'input small', 'data-testid': 'labourer-status', i18n: { 'aria-label': 'common.status' } },
    h('option', { value: '' }, text('common.all')),
    STATUSES.map((s) => h('option', { value: s }, text(msg('status.labourer', { v: s })))),
  );
  const search = h('input', { type: 'search', class: 'input', 'data-testid': 'labourer-search', maxlength: 40, i18n: { placeholder: 'coord.labourers.search', 'aria-label': 'coord.labourers.search' } });
  const go = h('button', { type: 'submit', class: 'button small' }, text('coord.labourers.find'));
  const list = labourerList(ws, 'labourers');
  const load = () => list.load({ status: status.value, q: search.value.trim() });
  const exportButton = h('button', { type: 'button', class: 'button small', 'data-testid': 'export-labourers' }, text('coord.export'));
  exportButton.addEventListener('click', () =>
    void busy(exportButton, () => download('/labourers.xlsx', `劳动者名单-${ws.county()}.xlsx`, { ...ws.opts, query: { county: ws.county(), status: status.value || undefined } })),
  );
  const form = h('form', { class: 'toolbar', role: 'search', novalidate: true }, search, go, h('label', { class: 'inline-label' }, text('common.status'), status), exportButton);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, load);
  });
  status.addEventListener('change', () => void busy(go, load));
  onLanguageChange(() => list.render());
  return { el: h('section', { class: 'card view' }, h('h2', null, text('tab.labourers')), form, list.el), show: load };
}
