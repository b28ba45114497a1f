// The county's pickup points (乘车点) in order: the first is the default station, where a labourer who
// named no place of their own boards. Add, remove, move up; saved as a whole (PUT /counties/{code}/pickup-points).
import { get, put, type PickupPoint } from '../../api.js';
import { busy, h, replace, text, toast } from '../../dom.js';
import type { Workspace } from '../workspace.js';

export function pickupPointsEditor(ws: Workspace): { el: HTMLElement; load(): Promise<void> } {
  const list = h('ol', { class: 'pickup-points', 'data-testid': 'pickup-points' });
  const add = h('button', { type: 'button', class: 'button small', 'data-testid': 'pickup-add' }, text('coord.pickup.add'));
  const save = h('button', { type: 'button', class: 'button small primary', 'data-testid': 'pickup-save' }, text('common.save'));

  function row(point: PickupPoint): HTMLElement {
    const name = h('input', { class: 'input small', maxlength: 40, value: point.name, 'data-point': 'name', i18n: { placeholder: 'coord.pickup.name', 'aria-label': 'coord.pickup.name' } });
    const code = h('input', { class: 'input small', maxlength: 20, value: point.code ?? '', 'data-point': 'code', i18n: { placeholder: 'coord.pickup.code', 'aria-label': 'coord.pickup.code' } });
    const up = h('button', { type: 'button', class: 'button small', i18n: { 'aria-label': 'coord.pickup.up', title: 'coord.pickup.up' } }, '↑');
    const remove = h('button', { type: 'button', class: 'button small', i18n: { 'aria-label': 'coord.pickup.remove', title: 'coord.pickup.remove' } }, '×');
    const item = h('li', { class: 'row wrap' }, name, code, up, remove);
    up.addEventListener('click', () => item.previousElementSibling?.before(item));
    remove.addEventListener('click', () => item.remove());
    return item;
  }

  add.addEventListener('click', () => {
    list.append(row({ name: '' }));
    list.querySelector<HTMLInputElement>('li:last-child [data-point=name]')?.focus();
  });
  save.addEventListener('click', () =>
    void busy(save, async () => {
      const points = [...list.querySelectorAll('li')]
        .map((li) => ({ name: li.querySelector<HTMLInputElement>('[data-point=name]')!.value.trim(), code: li.querySelector<HTMLInputElement>('[data-point=code]')!.value.trim() }))
        .filter((p) => p.name)
        .map((p) => (p.code ? p : { name: p.name }));
      const saved = await put<{ points: PickupPoint[] }>(`/counties/${ws.county()}/pickup-points`, { points }, ws.opts);
      replace(list, saved.points.map(row));
      toast(text('coord.pickup.saved'));
    }),
  );

  async function load(): Promise<void> {
    const county = ws.county();
    const { points } = await get<{ points: PickupPoint[] }>(`/counties/${county}/pickup-points`, ws.opts);
    if (county === ws.county()) replace(list, points.map(row));
  }

  const el = h(
    'details',
    { class: 'pickup-editor', 'data-testid': 'pickup-editor' },
    h('summary', null, text('coord.pickup.title')),
    h('p', { class: 'muted' }, text('coord.pickup.help')),
    list,
    h('div', { class: 'row wrap' }, add, save),
  );
  return { el, load };
}
