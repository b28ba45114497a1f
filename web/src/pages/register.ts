// `/`: a labourer registers (POST /labourers). Checks what can be checked here (required fields, the ID
// number's checksum with the same domain code the API uses), then shows the API's field messages next to
// their fields (details[].path), and a clear result once registered.
import { parseIdNumber } from '../../../functions/domain/id-number.js';
import { ApiError, post, type FieldIssue, type Registration } from '../api.js';
import { busy, chinaDate, h, replace, text } from '../dom.js';
import { msg, type Key, type Msg } from '../i18n.js';
import { mountPage } from '../layout.js';
import { placeFullName, POPULAR_DESTINATIONS } from '../places.js';
import { rememberPhone } from '../phone-book.js';
import { placePicker } from '../widgets/place-picker.js';
import { skillChips } from '../widgets/skill-chips.js';

const { main } = mountPage('register', { title: 'register.title' });

type FieldName = 'name' | 'idNumber' | 'phone' | 'skills' | 'destinations' | 'expectedWage' | 'availableFrom' | 'canTravel' | 'consent';

const skills = skillChips({ id: 'skills', labelledBy: 'skills-label', onChange: () => clear('skills') });
const destinations = placePicker({
  id: 'destinations',
  levels: ['province', 'city', 'county'],
  multiple: true,
  placeholder: 'register.destinations.placeholder',
  quick: POPULAR_DESTINATIONS,
  onChange: () => clear('destinations'),
});

const inputs = {
  name: h('input', { id: 'name', name: 'name', class: 'input', autocomplete: 'name', maxlength: 20, on: { input: () => clear('name') } }),
  idNumber: h('input', {
    id: 'idNumber',
    name: 'idNumber',
    class: 'input mono',
    autocomplete: 'off',
    inputmode: 'text',
    maxlength: 22,
    spellcheck: 'false',
    on: { input: () => clear('idNumber'), blur: () => checkIdNumber(false) },
  }),
  phone: h('input', { id: 'phone', name: 'phone', type: 'tel', class: 'input mono', autocomplete: 'tel', inputmode: 'tel', maxlength: 20, on: { input: () => clear('phone') } }),
  expectedWage: h('input', {
    id: 'expectedWage',
    name: 'expectedWage',
    type: 'number',
    class: 'input',
    inputmode: 'numeric',
    min: 0,
    max: 100000,
    step: 100,
    i18n: { placeholder: 'register.wage.placeholder' },
    on: { input: () => clear('expectedWage') },
  }),
  availableFrom: h('input', { id: 'availableFrom', name: 'availableFrom', type: 'date', class: 'input', min: chinaDate(), on: { input: () => clear('availableFrom') } }),
  canTravel: h('input', { id: 'canTravel', name: 'canTravel', type: 'checkbox', class: 'switch-input', checked: true, role: 'switch' }),
  consent: h('input', { id: 'consent', name: 'consent', type: 'checkbox', class: 'checkbox', on: { change: () => clear('consent') } }),
};

const errors = new Map<FieldName, HTMLElement>();
const fieldOf = new Map<FieldName, HTMLElement>();

function field(name: FieldName, label: Key, control: HTMLElement, hint?: Key, labelFor = true): HTMLElement {
  const error = h('p', { class: 'field-error', id: `${name}-error`, hidden: true });
  errors.set(name, error);
  const el = h(
    'div',
    { class: 'field', 'data-field': name },
    labelFor ? h('label', { class: 'label', for: name, id: `${name}-label` }, text(label)) : h('div', { class: 'label', id: `${name}-label` }, text(label)),
    control,
    hint ? h('p', { class: 'hint', id: `${name}-hint` }, text(hint)) : null,
    error,
  );
  fieldOf.set(name, el);
  return el;
}

const consentError = h('p', { class: 'field-error', id: 'consent-error', hidden: true });
errors.set('consent', consentError);

const summary = h('div', { class: 'form-summary', role: 'alert', tabindex: '-1', hidden: true, 'data-testid': 'form-summary' });
const submitButton = h('button', { type: 'submit', class: 'button primary big', 'data-testid': 'submit' }, text('register.submit'));

const form = h(
  'form',
  { class: 'form card', novalidate: true, 'data-testid': 'register-form', on: { submit: (e) => void submit(e) } },
  h('div', { class: 'grid-2' }, field('name', 'register.name', inputs.name), field('phone', 'register.phone', inputs.phone, 'register.phone.hint')),
  field('idNumber', 'register.idNumber', inputs.idNumber, 'register.idNumber.hint'),
  field('skills', 'register.skills', skills.el, 'register.skills.hint', false),
  field('destinations', 'register.destinations', destinations.el, 'register.destinations.hint'),
  h(
    'div',
    { class: 'grid-2' },
    field('expectedWage', 'register.wage', inputs.expectedWage),
    field('availableFrom', 'register.availableFrom', inputs.availableFrom, 'register.availableFrom.hint'),
  ),
  h(
    'div',
    { class: 'field', 'data-field': 'canTravel' },
    h('label', { class: 'switch', for: 'canTravel' }, inputs.canTravel, h('span', { class: 'switch-track', 'aria-hidden': 'true' }), text('register.canTravel')),
    h('p', { class: 'hint' }, text('register.canTravel.hint')),
  ),
  h(
    'div',
    { class: 'field consent', 'data-field': 'consent' },
    h(
      'div',
      { class: 'notice', id: 'consent-notice' },
      h('h3', null, text('consent.title')),
      h('ul', null, h('li', null, text('consent.what')), h('li', null, text('consent.why')), h('li', null, text('consent.keep')), h('li', null, text('consent.rights'))),
    ),
    h('label', { class: 'check', for: 'consent' }, inputs.consent, text('consent.agree')),
    consentError,
  ),
  summary,
  h('div', { class: 'actions' }, submitButton),
  h('p', { class: 'muted sms-tip' }, text('register.smsTip')),
);
fieldOf.set('consent', form.querySelector('[data-field=consent]') as HTMLElement);

const intro = h('div', { class: 'intro' }, h('h1', null, text('register.heading')), h('p', { class: 'lead' }, text('register.lead')));
replace(main, intro, form);

function show(name: FieldName, message: Msg | string): void {
  const error = errors.get(name);
  if (!error) return;
  replace(error, typeof message === 'string' ? message : text(message));
  error.hidden = false;
  fieldOf.get(name)?.classList.add('invalid');
  const control = controlOf(name);
  control?.setAttribute('aria-invalid', 'true');
  control?.setAttribute('aria-describedby', `${name}-error`);
}

function clear(name: FieldName): void {
  const error = errors.get(name);
  if (error) error.hidden = true;
  fieldOf.get(name)?.classList.remove('invalid');
  const control = controlOf(name);
  control?.removeAttribute('aria-invalid');
  control?.removeAttribute('aria-describedby');
}

function controlOf(name: FieldName): HTMLElement | undefined {
  if (name === 'skills') return skills.el;
  if (name === 'destinations') return destinations.input;
  return inputs[name];
}

function focusField(name: FieldName): void {
  if (name === 'skills') skills.focus();
  else if (name === 'destinations') destinations.focus();
  else inputs[name].focus();
}

const ID_MESSAGES: Record<string, Key> = {
  format: 'register.idNumber.format',
  checksum: 'register.idNumber.checksum',
  'birth-date': 'register.idNumber.birthDate',
  region: 'register.idNumber.region',
};

function checkIdNumber(required: boolean): boolean {
  const value = inputs.idNumber.value.trim();
  if (value === '') {
    if (required) show('idNumber', msg('form.required'));
    return !required;
  }
  const parsed = parseIdNumber(value);
  if (!parsed.ok) {
    show('idNumber', msg(ID_MESSAGES[parsed.reason] ?? 'register.idNumber.format'));
    return false;
  }
  return true;
}

/** What the browser can tell before asking the API; the API stays the judge. */
function checkLocally(): FieldName[] {
  const bad: FieldName[] = [];
  if (inputs.name.value.trim().length < 2) bad.push('name'), show('name', msg(inputs.name.value.trim() ? 'register.name.short' : 'form.required'));
  if (!checkIdNumber(true)) bad.push('idNumber');
  const phoneDigits = inputs.phone.value.replace(/[\s-]/g, '');
  if (phoneDigits === '') bad.push('phone'), show('phone', msg('form.required'));
  else if (!/^(\+?86)?1\d{10}$/.test(phoneDigits)) bad.push('phone'), show('phone', msg('register.phone.format'));
  if (skills.value().length === 0) bad.push('skills'), show('skills', msg('register.skills.required'));
  const wage = inputs.expectedWage.value.trim();
  if (wage === '' || !Number.isInteger(Number(wage)) || Number(wage) < 0) bad.push('expectedWage'), show('expectedWage', msg('register.wage.invalid'));
  if (!inputs.consent.checked) bad.push('consent'), show('consent', msg('consent.required'));
  return bad;
}

async function submit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  summary.hidden = true;
  for (const name of errors.keys()) clear(name);
  const bad = checkLocally();
  if (bad.length > 0) {
    focusField(bad[0]!);
    return;
  }
  const body = {
    name: inputs.name.value.trim(),
    idNumber: inputs.idNumber.value.trim(),
    phone: inputs.phone.value.trim(),
    skills: skills.value(),
    destinations: destinations.value(),
    expectedWage: Number(inputs.expectedWage.value),
    ...(inputs.availableFrom.value ? { availableFrom: inputs.availableFrom.value } : {}),
    canTravel: inputs.canTravel.checked,
    consent: true,
  };
  await busy(
    submitButton,
    async () => {
      const result = await post<Registration>('/labourers', body);
      rememberPhone(body.phone, body.name);
      showSuccess(result, body.name, body.phone);
    },
    (error) => showApiError(error),
  );
}

const FIELDS = new Set<string>(['name', 'idNumber', 'phone', 'skills', 'destinations', 'expectedWage', 'availableFrom', 'canTravel', 'consent']);

/** Each detail goes next to its field (`destinations.1` → destinations); the rest to the summary. */
function showApiError(error: unknown): void {
  const details: FieldIssue[] = error instanceof ApiError ? error.details : [];
  const placed = new Set<FieldName>();
  const unplaced: string[] = [];
  for (const detail of details) {
    const name = detail.path.split(/[.[]/)[0] ?? '';
    if (FIELDS.has(name)) {
      const field = name as FieldName;
      const previous = placed.has(field) ? `${errors.get(field)?.textContent ?? ''}；` : '';
      show(field, previous + detail.message);
      placed.add(field);
    } else unplaced.push(detail.message);
  }
  const first = [...FIELDS].find((f) => placed.has(f as FieldName)) as FieldName | undefined;
  if (first) focusField(first);
  if (!first || unplaced.length > 0) {
    const head = error instanceof ApiError ? error.message : String((error as Error)?.message ?? error);
    replace(summary, h('strong', null, error instanceof ApiError && error.status === 409 ? text('register.conflict') : head), unplaced.length ? h('p', null, unplaced.join('；')) : null);
    summary.hidden = false;
    if (!first) summary.focus();
  }
}

function showSuccess(result: Registration, name: string, phone: string): void {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  const masked = digits.length === 11 ? `${digits.slice(0, 3)}****${digits.slice(7)}` : phone;
  const again = h(
    'button',
    {
      type: 'button',
      class: 'button',
      on: {
        click: () => {
          form.reset();
          inputs.canTravel.checked = true;
          skills.set([]);
          destinations.set([]);
          replace(main, intro, form);
          inputs.name.focus();
        },
      },
    },
    text('register.again'),
  );
  const done = h(
    'section',
    { class: 'card success', 'data-testid': 'register-success', tabindex: '-1' },
    h('div', { class: 'success-mark', 'aria-hidden': 'true' }, '✓'),
    h('h1', null, text(msg('register.success.title', { name }))),
    h('p', { class: 'lead' }, text(msg('register.success.sms', { phone: masked }))),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, text('register.success.id')),
      h('dd', { class: 'mono', 'data-testid': 'labourer-id' }, result.id),
      h('dt', null, text('register.success.home')),
      h('dd', null, `${placeFullName(result.homeCounty)} · ${result.homeCounty}`),
      h('dt', null, text('register.success.status')),
      h('dd', null, h('span', { class: `badge status-${result.status}` }, text(msg('status.labourer', { v: result.status })))),
      h('dt', null, text('register.success.poverty')),
      h('dd', null, text(result.poverty ? 'register.success.povertyYes' : 'register.success.povertyNo')),
    ),
    h('h2', null, text('register.success.next')),
    h('ol', { class: 'steps' }, h('li', null, text('register.success.step1')), h('li', null, text('register.success.step2')), h('li', null, text('register.success.step3'))),
    h(
      'div',
      { class: 'actions' },
      h('a', { class: 'button primary', href: `/phone?phone=${encodeURIComponent(digits)}`, 'data-testid': 'open-phone' }, text('register.success.phone')),
      again,
    ),
  );
  replace(main, done);
  done.focus();
  window.scrollTo({ top: 0 });
}
