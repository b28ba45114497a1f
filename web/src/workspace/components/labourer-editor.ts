// Correcting a labourer's details at the office (PATCH /labourers/{id}): only what changed is sent, and
// the API's field messages show under their fields. Name and ID number are identity and are not edited.
import { patch, type Labourer } from '../../api.js';
import { busy, h, text, toast } from '../../dom.js';
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
  const pickup = h('input', { id: 'e-pickup', class: 'input', maxlength: 40, value: l.pickup?.name ?? '', i18n: { placeholder: 'person.pickupPlaceholder' } });
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
    if (pickup.value.trim() !== (l.pickup?.name ?? '')) body.pickup = pickup.value.trim() ? { name: pickup.value.trim() } : null;
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
    labelled('e-pickup', 'person.pickup', pickup),
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
