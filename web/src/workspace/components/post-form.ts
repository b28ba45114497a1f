// Create a public-welfare post (公益岗位, POST /posts) for the county.
import { post } from '../../api.js';
import { busy, chinaDate, h, text, toast } from '../../dom.js';
import { msg } from '../../i18n.js';
import type { Workspace } from '../workspace.js';
import { fieldErrors } from './field-errors.js';
import { labelled } from './table.js';

export function postForm(ws: Workspace, onCreated: () => void): HTMLElement {
  const title = h('input', { id: 'p-title', class: 'input', maxlength: 60, i18n: { placeholder: 'coord.post.titlePlaceholder' } });
  const openings = h('input', { id: 'p-openings', class: 'input', type: 'number', inputmode: 'numeric', min: 1, value: '10' });
  const wage = h('input', { id: 'p-wage', class: 'input', type: 'number', inputmode: 'numeric', min: 1, step: 100, value: '1800' });
  const months = h('select', { id: 'p-months', class: 'input' }, [3, 4, 5, 6].map((m) => h('option', { value: String(m) }, String(m))));
  const share = h('input', { id: 'p-share', class: 'input', type: 'number', inputmode: 'numeric', min: 0, max: 100, step: 5, value: '60' });
  const start = h('input', { id: 'p-start', class: 'input', type: 'date', value: chinaDate(3) });
  const button = h('button', { type: 'submit', class: 'button', 'data-testid': 'create-post' }, text('coord.post.create'));
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'post-form' },
    labelled('p-title', 'coord.post.title', title),
    h('div', { class: 'grid-3' }, labelled('p-openings', 'coord.post.openings', openings), labelled('p-wage', 'coord.post.wage', wage), labelled('p-months', 'coord.post.months', months)),
    h('div', { class: 'grid-2' }, labelled('p-share', 'coord.post.share', share), labelled('p-start', 'coord.post.start', start)),
    h('div', { class: 'actions' }, button),
  );
  const errors = fieldErrors({ title, openings, monthlyWage: wage, months, poorShareMin: share, startDate: start });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    errors.clear();
    void busy(button, async () => {
      const body = {
        title: title.value.trim(),
        county: ws.county(),
        openings: Number(openings.value),
        monthlyWage: Number(wage.value),
        months: Number(months.value),
        poorShareMin: Number(share.value) / 100,
        ...(start.value ? { startDate: start.value } : {}),
      };
      await post<{ id: string }>('/posts', body, ws.opts);
      toast(text(msg('coord.post.created', { title: body.title })));
      title.value = '';
      onCreated();
    }, errors.show);
  });
  return h('details', { class: 'action' }, h('summary', null, h('h3', null, text('coord.post.heading'))), h('p', { class: 'muted' }, text('coord.post.help')), form);
}
