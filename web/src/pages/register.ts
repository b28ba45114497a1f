// `/`: a labourer registers (POST /labourers). The phone is verified first, as government forms do: a
// 6-digit code by SMS (POST /labourers/verify) goes with the form. Checks what can be checked here
// (required fields, the ID number's checksum with the same domain code the API uses), then shows the API's
// field messages next to their fields (details[].path), and a clear result once registered.
import { parseIdNumber } from '../../../functions/domain/id-number.js';
import { ApiError, post, type FieldIssue, type Registration, type VerificationSent } from '../api.js';
import { signInConfig } from '../auth.js';
import { busy, chinaDate, errorText, h, replace, text } from '../dom.js';
import { msg, type Key, type Msg } from '../i18n.js';
import { mountPage } from '../layout.js';
import { placeFullName, POPULAR_DESTINATIONS } from '../places.js';
import { nationalNumber, rememberPhone } from '../phone-book.js';
import { codeButton } from '../widgets/code-button.js';
import { placePicker } from '../widgets/place-picker.js';
import { skillChips } from '../widgets/skill-chips.js';

const { main } = mountPage('register', { title: 'register.title' });

type FieldName = 'name' | 'idNumber' | 'phone' | 'verificationCode' | 'skills' | 'destinations' | 'expectedWage' | 'availableFrom' | 'canTravel' | 'consent';

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
  phone: h('input', { id: 'phone', name: 'phone', type: 'tel', class: 'input mono', autocomplete: 'tel', inputmode: 'tel', maxlength: 20, on: { input: () => phoneEdited() } }),
  // No maxlength: a pasted SMS ("验证码123456，10分钟内有效…") is cut down to its code instead.
  verificationCode: h('input', {
    id: 'verificationCode',
    name: 'verificationCode',
    class: 'input mono code-input',
    autocomplete: 'one-time-code',
    inputmode: 'numeric',
    pattern: '[0-9]{6}',
    spellcheck: 'false',
    i18n: { placeholder: 'register.code.placeholder' },
    on: { input: () => codeEdited() },
  }),
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

const sendCode = codeButton(requestCode);
/** Where the code went, and what became of it (aria-live: announced when it changes). */
const codeStatus = h('p', { class: 'hint code-status', id: 'verificationCode-status', 'aria-live': 'polite', hidden: true });
/** Only where no real SMS goes out (`npm start`: no hosted sign-in configured): where to read the code. */
const simulatorLink = h('a', { href: '/phone', target: '_blank' }, text('register.code.localLink'));
const localHint = h('p', { class: 'hint', 'data-testid': 'code-local-hint', hidden: true }, text('register.code.local'), ' ', simulatorLink);
void signInConfig().then((config) => (localHint.hidden = config !== null));

const errors = new Map<FieldName, HTMLElement>();
const fieldOf = new Map<FieldName, HTMLElement>();

function field(name: FieldName, label: Key, control: HTMLElement, hint?: Key, labelFor = true, extra: HTMLElement[] = []): HTMLElement {
  const error = h('p', { class: 'field-error', id: `${name}-error`, hidden: true });
  errors.set(name, error);
  const el = h(
    'div',
    { class: 'field', 'data-field': name },
    labelFor ? h('label', { class: 'label', for: name, id: `${name}-label` }, text(label)) : h('div', { class: 'label', id: `${name}-label` }, text(label)),
    control,
    hint ? h('p', { class: 'hint', id: `${name}-hint` }, text(hint)) : null,
    extra,
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
  h('div', { class: 'grid-2' }, field('name', 'register.name', inputs.name), field('idNumber', 'register.idNumber', inputs.idNumber, 'register.idNumber.hint')),
  h(
    'div',
    { class: 'grid-2' },
    field('phone', 'register.phone', h('div', { class: 'row nowrap' }, inputs.phone, sendCode.el), 'register.phone.hint'),
    field('verificationCode', 'register.code', inputs.verificationCode, 'register.code.hint', true, [codeStatus, localHint]),
  ),
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

function checkPhone(): boolean {
  const digits = inputs.phone.value.replace(/[\s-]/g, '');
  if (digits === '') show('phone', msg('form.required'));
  else if (!/^(\+?86)?1\d{10}$/.test(digits)) show('phone', msg('register.phone.format'));
  else return true;
  return false;
}

/** What the browser can tell before asking the API; the API stays the judge. */
function checkLocally(): FieldName[] {
  const bad: FieldName[] = [];
  if (inputs.name.value.trim().length < 2) bad.push('name'), show('name', msg(inputs.name.value.trim() ? 'register.name.short' : 'form.required'));
  if (!checkIdNumber(true)) bad.push('idNumber');
  if (!checkPhone()) bad.push('phone');
  const code = inputs.verificationCode.value.trim();
  if (code === '') bad.push('verificationCode'), show('verificationCode', msg('register.code.required'));
  else if (!/^\d{6}$/.test(code)) bad.push('verificationCode'), show('verificationCode', msg('register.code.format'));
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
    verificationCode: inputs.verificationCode.value.trim(),
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

// ——— the SMS code ———

/** The API gives a phone one code a minute: the button waits that long after each. */
const RESEND_SECONDS = 60;
/** The phone the last code went to (11 digits): another number may ask for its own at once. */
let sentTo: string | undefined;

const maskPhone = (n: string) => `${n.slice(0, 3)}****${n.slice(7)}`;

/** The code button's action: the seconds until another code may be asked for, or undefined if none went out. */
async function requestCode(): Promise<number | undefined> {
  clear('phone');
  clear('verificationCode');
  const phone = checkPhone() ? nationalNumber(inputs.phone.value) : undefined;
  if (!phone) {
    inputs.phone.focus();
    return undefined;
  }
  try {
    const sent = await post<VerificationSent>('/labourers/verify', { phone });
    sentTo = phone;
    simulatorLink.href = `/phone?phone=${phone}`;
    replace(codeStatus, text(msg('register.code.sent', { phone: maskPhone(phone), minutes: Math.round(sent.expiresInSeconds / 60) })));
    codeStatus.hidden = false;
    inputs.verificationCode.focus();
    return RESEND_SECONDS;
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) {
      // The API's own words ("获取验证码太频繁，请 N 秒后再试"), and the button waits as long as it says.
      show('verificationCode', error.message);
      inputs.verificationCode.focus();
      return error.retryAfterSeconds ?? RESEND_SECONDS;
    }
    const onPhone = error instanceof ApiError ? error.details.find((d) => d.path === 'phone') : undefined;
    if (onPhone) {
      show('phone', onPhone.message);
      inputs.phone.focus();
    } else show('verificationCode', errorText(error));
    return undefined;
  }
}

function phoneEdited(): void {
  clear('phone');
  if (sentTo !== undefined && nationalNumber(inputs.phone.value) !== sentTo) {
    sentTo = undefined;
    codeStatus.hidden = true;
    sendCode.reset();
  }
}

/** Digits only (full-width ones too, from a Chinese keyboard); a pasted SMS gives up its 6-digit code. */
function codeEdited(): void {
  const input = inputs.verificationCode;
  const raw = input.value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const code = /\d{6}/.exec(raw)?.[0] ?? raw.replace(/\D/g, '').slice(0, 6);
  if (code !== input.value) input.value = code;
  clear('verificationCode');
}

const FIELDS = new Set<string>(['name', 'idNumber', 'phone', 'verificationCode', 'skills', 'destinations', 'expectedWage', 'availableFrom', 'canTravel', 'consent']);

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
  // A wrong code is retyped: selected, so typing replaces it.
  if (first === 'verificationCode') inputs.verificationCode.select();
  if (error instanceof ApiError && error.status === 409) {
    // The code was spent on this answer; another try needs a new one.
    inputs.verificationCode.value = '';
    codeStatus.hidden = true;
  }
  if (!first || unplaced.length > 0) {
    // A 409 says what to do next (CX, 换号) without saying whether the ID or the phone is taken.
    const head = error instanceof ApiError ? error.message : errorText(error);
    replace(summary, h('strong', null, head), unplaced.length ? h('p', null, unplaced.join('；')) : null);
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
          sentTo = undefined;
          codeStatus.hidden = true;
          sendCode.reset();
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
      // Never said to the public (the answer has no poverty): the county marks it from its list.
      h('dt', null, text('register.success.poverty')),
      h('dd', null, text('register.success.povertyCheck')),
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
