// `/employer`: an employer posts vacancies (POST /vacancies) and manages its own (GET /vacancies,
// PATCH /vacancies/{id}: change the openings, close or reopen), and confirms the workers who arrive at work.
import { ApiError, get, patch, post, type Vacancy } from '../api.js';
import { busy, chinaDate, errorText, formatNumber, h, replace, text, toast } from '../dom.js';
import { msg, onLanguageChange, type Key } from '../i18n.js';
import { mountPage } from '../layout.js';
import { placeFullName } from '../places.js';
import { placePicker } from '../widgets/place-picker.js';
import { skillChips } from '../widgets/skill-chips.js';
import { vacancyWorkers } from '../widgets/vacancy-workers.js';

const { main, session } = mountPage('employer', {
  title: 'employer.title',
  roles: ['employer'],
  examples: ['dev:employer:acme-huzhou', 'dev:employer:qingchuan-workshop'],
});

if (session) {
  const skills = skillChips({ id: 'v-skills', labelledBy: 'v-skills-label' });
  const county = placePicker({ id: 'v-county', levels: ['county'], multiple: false, placeholder: 'employer.county.placeholder' });
  const title = h('input', { id: 'v-title', class: 'input', maxlength: 60, i18n: { placeholder: 'employer.vacancyTitle.placeholder' } });
  const openings = h('input', { id: 'v-openings', class: 'input', type: 'number', inputmode: 'numeric', min: 1, max: 10000, value: '10' });
  const wage = h('input', { id: 'v-wage', class: 'input', type: 'number', inputmode: 'numeric', min: 1, step: 100, i18n: { placeholder: 'employer.wage.placeholder' } });
  const startDate = h('input', { id: 'v-start', class: 'input', type: 'date', value: chinaDate(7), min: chinaDate() });
  const kind = h(
    'select',
    { id: 'v-kind', class: 'input' },
    (['enterprise', 'workshop', 'leading'] as const).map((k) => h('option', { value: k }, text(msg('employerKind', { v: k })))),
  );
  const formError = h('div', { class: 'form-summary', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary big', 'data-testid': 'post-vacancy' }, text('employer.post'));

  const field = (id: string, label: Key, control: HTMLElement, labelFor = true) =>
    h(
      'div',
      { class: 'field', 'data-field': id },
      labelFor ? h('label', { class: 'label', for: id }, text(label)) : h('div', { class: 'label', id: `${id}-label` }, text(label)),
      control,
    );

  const form = h(
    'form',
    { class: 'form card', novalidate: true, 'data-testid': 'vacancy-form', on: { submit: (e) => void create(e) } },
    h('h2', null, text('employer.new')),
    field('v-title', 'employer.vacancyTitle', title),
    field('v-skills', 'employer.skills', skills.el, false),
    field('v-county', 'employer.county', county.el),
    h('div', { class: 'grid-2' }, field('v-openings', 'employer.openings', openings), field('v-wage', 'employer.wage', wage)),
    h('div', { class: 'grid-2' }, field('v-start', 'employer.startDate', startDate), field('v-kind', 'employer.kind', kind)),
    formError,
    h('div', { class: 'actions' }, submit),
  );

  const list = h('div', { class: 'vacancy-list', 'data-testid': 'vacancy-list', 'aria-live': 'polite' });
  const refresh = h('button', { type: 'button', class: 'button small', on: { click: () => void busy(refresh, load) } }, text('common.refresh'));
  replace(
    main,
    h('div', { class: 'intro' }, h('h1', null, text('employer.heading')), h('p', { class: 'lead' }, text('employer.lead'))),
    h('div', { class: 'columns' }, form, h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', null, text('employer.mine')), refresh), list)),
  );

  let vacancies: Vacancy[] = [];
  /** Vacancies whose workers list is open. */
  const openWorkers = new Set<string>();

  async function load(): Promise<void> {
    vacancies = await get<Vacancy[]>('/vacancies', { session });
    render();
  }

  function render(): void {
    if (vacancies.length === 0) return replace(list, h('p', { class: 'empty' }, text('employer.none')));
    const sorted = [...vacancies].sort((a, b) => (a.status === b.status ? b.startDate.localeCompare(a.startDate) : a.status === 'open' ? -1 : 1));
    replace(list, sorted.map(card));
  }

  function card(v: Vacancy): HTMLElement {
    const size = h('input', { class: 'input small', type: 'number', inputmode: 'numeric', min: Math.max(1, v.filled + v.offered), max: 10000, value: String(v.openings), i18n: { 'aria-label': 'employer.openings' } });
    const save = h('button', { type: 'button', class: 'button small', 'data-testid': 'save-openings' }, text('common.save'));
    save.addEventListener('click', () =>
      void busy(save, async () => {
        await patch(`/vacancies/${v.id}`, { openings: Number(size.value) }, { session });
        toast(text(msg('employer.saved', { title: v.title })));
        await load();
      }),
    );
    const open = v.status === 'open';
    const toggle = h('button', { type: 'button', class: `button small ${open ? 'danger' : ''}`, 'data-testid': open ? 'close-vacancy' : 'reopen-vacancy' }, text(open ? 'employer.close' : 'employer.reopen'));
    toggle.addEventListener('click', () =>
      void busy(toggle, async () => {
        await patch(`/vacancies/${v.id}`, { status: open ? 'closed' : 'open' }, { session });
        toast(text(msg(open ? 'employer.closed' : 'employer.reopened', { title: v.title })));
        await load();
      }),
    );
    const workers = vacancyWorkers(session!, v.id, () => void load());
    const workersBox = h('details', { class: 'vacancy-workers', 'data-testid': 'workers-toggle' }, h('summary', null, text('employer.workers')), workers.el);
    workersBox.addEventListener('toggle', () => {
      if (!workersBox.open) return void openWorkers.delete(v.id);
      openWorkers.add(v.id);
      void workers.load().catch((error) => replace(workers.el, h('p', { class: 'field-error' }, errorText(error))));
    });
    // Redrawn after a confirmation: the lists that were open stay open.
    workersBox.open = openWorkers.has(v.id);
    const filledPct = v.openings > 0 ? Math.min(100, (v.filled / v.openings) * 100) : 0;
    const offeredPct = v.openings > 0 ? Math.min(100 - filledPct, (v.offered / v.openings) * 100) : 0;
    return h(
      'article',
      { class: `vacancy ${open ? '' : 'is-closed'}`, 'data-vacancy': v.id },
      h(
        'header',
        { class: 'vacancy-head' },
        h('h3', null, v.title),
        h('span', { class: `badge status-${v.status}` }, text(msg('status.vacancy', { v: v.status }))),
      ),
      h(
        'p',
        { class: 'meta' },
        h('span', null, placeFullName(v.county)),
        h('span', null, text(msg('common.perMonth', { wage: formatNumber(v.monthlyWage) }))),
        h('span', null, text(msg('common.starts', { date: v.startDate }))),
        v.employerKind ? h('span', null, text(msg('employerKind', { v: v.employerKind }))) : null,
      ),
      h('p', { class: 'skills-line' }, v.skills.map((s) => h('span', { class: 'tag' }, text(msg('skill', { v: s }))))),
      h(
        'div',
        { class: 'progress', role: 'img', 'aria-label': `${v.filled}/${v.openings}` },
        h('span', { class: 'progress-filled', style: `width:${filledPct}%` }),
        h('span', { class: 'progress-offered', style: `width:${offeredPct}%` }),
      ),
      h(
        'p',
        { class: 'counts', 'data-testid': 'counts' },
        text(msg('employer.counts', { filled: v.filled, openings: v.openings, offered: v.offered, remaining: v.remaining })),
      ),
      h(
        'div',
        { class: 'row vacancy-actions' },
        h('label', { class: 'inline-label' }, text('employer.openings'), size),
        save,
        toggle,
      ),
      workersBox,
    );
  }

  async function create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    formError.hidden = true;
    const body = {
      title: title.value.trim(),
      skills: skills.value(),
      county: county.value()[0] ?? '',
      openings: Number(openings.value),
      monthlyWage: Number(wage.value),
      startDate: startDate.value,
      employerKind: kind.value,
    };
    const missing: Key[] = [];
    if (body.title.length < 2) missing.push('employer.vacancyTitle');
    if (body.skills.length === 0) missing.push('employer.skills');
    if (!body.county) missing.push('employer.county');
    if (!(body.openings >= 1)) missing.push('employer.openings');
    if (!(body.monthlyWage >= 1)) missing.push('employer.wage');
    if (!body.startDate) missing.push('employer.startDate');
    if (missing.length > 0) {
      replace(formError, text('form.missing'), h('ul', null, missing.map((k) => h('li', null, text(k)))));
      formError.hidden = false;
      return;
    }
    await busy(
      submit,
      async () => {
        await post<{ id: string }>('/vacancies', body, { session });
        toast(text(msg('employer.posted', { title: body.title })));
        title.value = '';
        skills.set([]);
        await load();
      },
      (error) => {
        const details = error instanceof ApiError ? error.details : [];
        replace(formError, error instanceof ApiError ? error.message : String(error), details.length ? h('ul', null, details.map((d) => h('li', null, `${d.path}: ${d.message}`))) : null);
        formError.hidden = false;
      },
    );
  }

  onLanguageChange(render);
  void load().catch((error) => replace(list, h('p', { class: 'field-error' }, error instanceof ApiError ? error.userMessage : String(error))));
}
