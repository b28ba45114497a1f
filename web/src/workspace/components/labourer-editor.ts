// Correcting a labourer's details at the office (PATCH /labourers/{id}): only what changed is sent, and
// the API's field messages show under their fields. Name and ID number are identity and are not edited.
// The pickup is chosen from the county's pickup points (issue #17: a typed place silently became a new
// stop); 其他… still takes a place of one's own, with a warning that planning will make it a new stop.
import { get, patch, type Labourer, type PickupPoint } from '../../api.js';
import { busy, h, text, toast } from '../../dom.js';
import { t } from '../../i18n.js';
import { placePicker } from '../../widgets/place-picker.js';
import { skillChips } from '../../widgets/skill-chips.js';
import { fieldErrors } from './field-errors.js';
import { labelled } from './table.js';

export function labourerEditor(l: Labourer, opts: { session: import('../../auth.js').Session }, saved: (l: Labourer) => void, cancel: () => void): HTMLElement {
  const phone = h('input', { id: 'e-phone', class: 'input mono', type: 'tel', inputmode: 'tel', maxlength: 20, value: l.phone.replace(/^\+86/, '') });
  const skills = skillChips({ id: 'e-skills', labelledBy: 'e-skills-label' });
  skills.set(l.skills);
  const destinations = placePicker({ id: 'e-destinations', levels: ['province', 'city', 'county'], multiple: true, placeholder: 'register.destinations.placeholder' });
  destinations.set(l.destinations.map((d) => d.code));
  const wage = h('input', { id: 'e-wage', class: 'input', type: 'number', inputmode: 'numeric', min: 0, max: 100000, step: 100, value: String(l.expectedWage) });
  const available = h('input', { id: 'e-available', class: 'input', type: 'date', value: l.availableFrom ?? '' });
  const canTravel = h('input', { id: 'e-travel', type: 'checkbox', class: 'checkbox', checked: l.canTravel });
  const OTHER = '__other';
  const pickup = h('select', { id: 'e-pickup', class: 'input', 'data-testid': 'pickup-select' }, h('option', { value: '' }, '—'));
  const otherPickup = h('input', { id: 'e-pickup-other', class: 'input', maxlength: 40, hidden: true, value: l.pickup?.name ?? '', 'data-testid': 'pickup-other', i18n: { placeholder: 'person.pickupPlaceholder', 'aria-label': 'person.pickupOther' } });
  const otherHint = h('p', { class: 'muted', hidden: true, 'data-testid': 'pickup-other-hint' }, text('person.pickupOtherHint'));
  let points: PickupPoint[] = [];
  const showOther = () => {
    otherPickup.hidden = pickup.value !== OTHER;
    otherHint.hidden = pickup.value !== OTHER;
  };
  pickup.addEventListener('change', showOther);
  /** The county's list as options; the labourer's own place, when not on it, under 其他…. */
  function fillPickups(list: PickupPoint[]): void {
    points = list;
    const own = l.pickup ? list.findIndex((p) => (l.pickup!.code !== undefined && p.code === l.pickup!.code) || p.name === l.pickup!.name) : -1;
    pickup.replaceChildren(
      h('option', { value: '' }, '—'),
      ...list.map((p, i) => h('option', { value: String(i), selected: i === own }, p.name)),
      h('option', { value: OTHER, selected: Boolean(l.pickup) && own < 0 }, t('person.pickupOther')),
    );
    showOther();
  }
  fillPickups([]);
  void get<{ points: PickupPoint[] }>(`/counties/${l.homeCounty}/pickup-points`, opts)
    .then((answer) => fillPickups(answer.points))
    .catch(() => fillPickups([]));
  /** What the form says the pickup is: a listed point (with its code), a place typed under 其他…, or none. */
  const chosenPickup = (): { code?: string; name: string } | null => {
    if (pickup.value === OTHER) return otherPickup.value.trim() ? { name: otherPickup.value.trim() } : null;
    const point = pickup.value === '' ? undefined : points[Number(pickup.value)];
    return point ? { ...(point.code ? { code: point.code } : {}), name: point.name } : null;
  };
  const poverty = h('input', { id: 'e-poverty', type: 'checkbox', class: 'checkbox', checked: l.poverty });
  const save = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'save-labourer' }, text('common.save'));
  const back = h('button', { type: 'button', class: 'button', on: { click: cancel } }, text('common.cancel'));
  const errors = fieldErrors({ phone, skills: skills.el, destinations: destinations.el, expectedWage: wage, availableFrom: available, pickup, poverty });

  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  function changes(): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    const typedPhone = phone.value.replace(/\s|-/g, '');
    if (typedPhone !== l.phone.replace(/^\+86/, '')) body.phone = phone.value.trim();
    if (!same(skills.value(), l.skills)) body.skills = skills.value();
    if (!same(destinations.value(), l.destinations.map((d) => d.code))) body.destinations = destinations.value();
    if (Number(wage.value) !== l.expectedWage) body.expectedWage = wage.value === '' ? undefined : Number(wage.value);
    if ((available.value || undefined) !== l.availableFrom) body.availableFrom = available.value || null;
    if (canTravel.checked !== l.canTravel) body.canTravel = canTravel.checked;
    const chosen = chosenPickup();
    if ((chosen?.name ?? '') !== (l.pickup?.name ?? '') || (chosen?.code ?? '') !== (l.pickup?.code ?? '')) body.pickup = chosen;
    if (poverty.checked !== l.poverty) body.poverty = poverty.checked;
    return body;
  }

  const form = h(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'labourer-editor' },
    labelled('e-phone', 'col.phone', phone),
    h('div', { class: 'field' }, h('div', { class: 'label', id: 'e-skills-label' }, text('col.skills')), skills.el),
    labelled('e-destinations', 'col.destinations', destinations.el),
    h('div', { class: 'grid-2' }, labelled('e-wage', 'col.wage', wage), labelled('e-available', 'person.availableFrom', available)),
    labelled('e-pickup', 'person.pickup', h('div', { class: 'stack' }, pickup, otherPickup, otherHint)),
    h('label', { class: 'check' }, canTravel, ' ', text('person.canTravel')),
    h('label', { class: 'check' }, poverty, ' ', text('person.povertyConfirmed')),
    h('div', { class: 'actions' }, save, back),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    errors.clear();
    const body = changes();
    if (Object.keys(body).length === 0) return cancel();
    void busy(save, async () => {
      const updated = await patch<Labourer>(`/labourers/${l.id}`, body, opts);
      toast(text('person.saved'));
      saved(updated);
    }, errors.show);
  });
  return form;
}
