// `/coordinator`: the county dashboard. KPIs and charts from GET /stats, the county's labourers,
// vacancies and posts, offers with their reasons, and the coordinator's actions: import the poverty list,
// create a public-welfare post, run matching, plan and book buses, download manifests, read the SMS log,
// decide the county's 换号 requests.
import { ApiError, download, get, patch, post, request, type Booking, type Labourer, type MatchingRun, type Offer, type PovertyImport, type SmsLogEntry, type Stats, type Trip, type TripPlan, type Vacancy } from '../api.js';
import type { Chart } from '../charts.js';
import { busy, chinaDate, errorText, formatDateTime, formatNumber, h, percent, replace, text, toast, type Child } from '../dom.js';
import { msg, onLanguageChange, t, type Key } from '../i18n.js';
import { mountPage } from '../layout.js';
import { formatPhone } from '../phone-book.js';
import { placeFullName, placeName } from '../places.js';
import { nationalRunAction } from '../widgets/national-run.js';
import { phoneChangesCard } from '../widgets/phone-changes.js';
import { placePicker } from '../widgets/place-picker.js';

const { main, session } = mountPage('coordinator', {
  title: 'coord.title',
  roles: ['coordinator', 'admin'],
  examples: ['dev:coordinator:510822', 'dev:admin:all'],
});

const LABOURER_STATUSES = ['registered', 'offered', 'accepted', 'placed', 'travelling', 'inactive'];
const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'expired'];
const ADMIN_COUNTY = 'chunfeng.adminCounty';

if (session) {
  // A coordinator works on their county; an admin picks one.
  let county = session.role === 'coordinator' ? session.scope : (localStorage.getItem(ADMIN_COUNTY) ?? '510822');
  const opts = { session };

  // ——— state ———
  let stats: Stats | undefined;
  let labourers: Labourer[] = [];
  let labourerCursor: string | null = null;
  const names = new Map<string, Labourer>();
  let vacancies: Vacancy[] = [];
  let offers: Offer[] = [];
  let trips: Trip[] = [];
  let tripsAvailable: boolean | undefined;
  let lastPlan: TripPlan | undefined;

  // ——— header ———
  const heading = h('h1', null);
  const updated = h('span', { class: 'muted small', 'data-testid': 'updated' });
  const refreshButton = h('button', { type: 'button', class: 'button small', 'data-testid': 'refresh' }, text('common.refresh'));
  refreshButton.addEventListener('click', () => void busy(refreshButton, () => refreshAll()));
  const countyPicker =
    session.role === 'admin'
      ? placePicker({
          id: 'admin-county',
          levels: ['county'],
          multiple: false,
          placeholder: 'coord.adminCounty',
          onChange: () => {
            county = countyPicker!.value()[0] ?? county;
            localStorage.setItem(ADMIN_COUNTY, county);
            renderHeading();
            void refreshAll();
          },
        })
      : undefined;
  countyPicker?.set([county]);
  function renderHeading() {
    replace(heading, text('coord.heading'), h('span', { class: 'heading-place', 'data-testid': 'county' }, `${placeFullName(county)} · ${county}`));
  }
  renderHeading();

  // ——— KPIs ———
  const KPIS: { id: string; label: Key; value: (s: Stats) => string; sub?: (s: Stats) => Child }[] = [
    { id: 'registered', label: 'kpi.registered', value: (s) => formatNumber(s.registered) },
    { id: 'poverty', label: 'kpi.poverty', value: (s) => percent(s.poverty, s.registered), sub: (s) => text(msg('kpi.povertySub', { n: s.poverty })) },
    { id: 'offered', label: 'kpi.offered', value: (s) => formatNumber(s.offered) },
    { id: 'accepted', label: 'kpi.accepted', value: (s) => formatNumber(s.accepted) },
    { id: 'placed', label: 'kpi.placed', value: (s) => formatNumber(s.placed) },
    { id: 'travelling', label: 'kpi.travelling', value: (s) => formatNumber(s.travelling), sub: (s) => text(msg('kpi.tripsSub', { n: s.trips })) },
    { id: 'posts', label: 'kpi.posts', value: (s) => percent(s.posts.filled, s.posts.openings), sub: (s) => text(msg('kpi.postsSub', { filled: s.posts.filled, openings: s.posts.openings })) },
    { id: 'optedOut', label: 'kpi.optedOut', value: (s) => formatNumber(s.optedOut) },
  ];
  const kpiGrid = h('div', { class: 'kpis', 'data-testid': 'kpis' });
  function renderKpis() {
    replace(
      kpiGrid,
      KPIS.map((k) =>
        h(
          'div',
          { class: `kpi kpi-${k.id}`, 'data-kpi': k.id },
          h('div', { class: 'kpi-label' }, text(k.label)),
          h('div', { class: 'kpi-value', 'data-testid': `kpi-${k.id}` }, stats ? k.value(stats) : '…'),
          h('div', { class: 'kpi-sub' }, stats && k.sub ? k.sub(stats) : null),
        ),
      ),
    );
  }
  renderKpis();

  // ——— actions ———
  const matchButton = h('button', { type: 'button', class: 'button primary', 'data-testid': 'run-matching' }, text('coord.match.run'));
  const matchResult = h('p', { class: 'result', 'data-testid': 'match-result', 'aria-live': 'polite' });
  matchButton.addEventListener('click', () =>
    void busy(matchButton, async () => {
      const run = await post<MatchingRun>('/matching/runs', { county }, opts);
      const line = msg('coord.match.result', { offers: run.offers, unmatched: run.unmatched, poor: run.poorPlaced });
      replace(matchResult, text(line), run.skipped ? text(msg('coord.match.skipped', { n: run.skipped })) : null);
      toast(text(line));
      await Promise.all([loadStats(), loadOffers(), loadVacancies(), loadLabourers()]);
      selectTab('offers');
    }),
  );

  const csvInput = h('input', { type: 'file', id: 'poverty-file', class: 'file', accept: '.csv,text/csv' });
  const importButton = h('button', { type: 'button', class: 'button', 'data-testid': 'import-poverty' }, text('coord.import.run'));
  const importResult = h('div', { class: 'result', 'data-testid': 'import-result', 'aria-live': 'polite' });
  importButton.addEventListener('click', () =>
    void busy(importButton, async () => {
      const file = csvInput.files?.[0];
      if (!file) {
        toast(text('coord.import.pick'), 'error');
        return;
      }
      const { data } = await request<PovertyImport>('POST', '/labourers/poverty-import', { ...opts, query: session.role === 'admin' ? { county } : {}, body: await file.text(), contentType: 'text/csv' });
      const line = msg('coord.import.result', { matched: data.matched, unmatched: data.unmatched, other: data.notResident ?? 0 });
      replace(
        importResult,
        h('p', null, text(line)),
        data.errors?.length
          ? h('details', null, h('summary', null, text(msg('coord.import.errors', { n: data.errors.length }))), h('ul', null, data.errors.slice(0, 50).map((e) => h('li', null, `#${e.row}: ${e.message}`))))
          : null,
      );
      toast(text(line));
      csvInput.value = '';
      await Promise.all([loadStats(), loadLabourers()]);
    }),
  );

  const postTitle = h('input', { id: 'p-title', class: 'input', maxlength: 60, i18n: { placeholder: 'coord.post.titlePlaceholder' } });
  const postOpenings = h('input', { id: 'p-openings', class: 'input', type: 'number', inputmode: 'numeric', min: 1, value: '10' });
  const postWage = h('input', { id: 'p-wage', class: 'input', type: 'number', inputmode: 'numeric', min: 1, step: 100, value: '1800' });
  const postMonths = h('select', { id: 'p-months', class: 'input' }, [3, 4, 5, 6].map((m) => h('option', { value: String(m) }, String(m))));
  const postShare = h('input', { id: 'p-share', class: 'input', type: 'number', inputmode: 'numeric', min: 0, max: 100, step: 5, value: '60' });
  const postStart = h('input', { id: 'p-start', class: 'input', type: 'date', value: chinaDate(3) });
  const postButton = h('button', { type: 'submit', class: 'button', 'data-testid': 'create-post' }, text('coord.post.create'));
  const postForm = h(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'post-form' },
    labelled('p-title', 'coord.post.title', postTitle),
    h('div', { class: 'grid-3' }, labelled('p-openings', 'coord.post.openings', postOpenings), labelled('p-wage', 'coord.post.wage', postWage), labelled('p-months', 'coord.post.months', postMonths)),
    h('div', { class: 'grid-2' }, labelled('p-share', 'coord.post.share', postShare), labelled('p-start', 'coord.post.start', postStart)),
    h('div', { class: 'actions' }, postButton),
  );
  postForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(postButton, async () => {
      const body = {
        title: postTitle.value.trim(),
        county,
        openings: Number(postOpenings.value),
        monthlyWage: Number(postWage.value),
        months: Number(postMonths.value),
        poorShareMin: Number(postShare.value) / 100,
        ...(postStart.value ? { startDate: postStart.value } : {}),
      };
      await post<{ id: string }>('/posts', body, opts);
      toast(text(msg('coord.post.created', { title: body.title })));
      postTitle.value = '';
      await Promise.all([loadVacancies(), loadStats()]);
    });
  });

  const actions = h(
    'section',
    { class: 'card actions-card' },
    h('h2', null, text('coord.actions')),
    h('div', { class: 'action' }, h('h3', null, text('coord.match.title')), h('p', { class: 'muted' }, text('coord.match.help')), matchButton, matchResult),
    h(
      'div',
      { class: 'action' },
      h('h3', null, text('coord.import.title')),
      h('p', { class: 'muted' }, text('coord.import.help')),
      h('div', { class: 'row' }, csvInput, importButton),
      importResult,
    ),
    h('details', { class: 'action' }, h('summary', null, h('h3', null, text('coord.post.heading'))), h('p', { class: 'muted' }, text('coord.post.help')), postForm),
    session.role === 'admin' ? nationalRunAction(session, () => void refreshAll()) : null,
  );

  // A changed phone shows in the lists.
  const phoneChanges = phoneChangesCard(session, () => void loadLabourers().catch(() => undefined));

  // ——— charts ———
  const chartBoxes = {
    registrations: h('div', { class: 'chart', 'data-testid': 'chart-registrations' }),
    destinations: h('div', { class: 'chart', 'data-testid': 'chart-destinations' }),
    posts: h('div', { class: 'chart', 'data-testid': 'chart-posts' }),
  };
  const chartsCard = h(
    'section',
    { class: 'card charts' },
    h('div', { class: 'chart-cell' }, h('h3', null, text('chart.registrations')), chartBoxes.registrations),
    h('div', { class: 'chart-cell' }, h('h3', null, text('chart.destinations')), chartBoxes.destinations),
    h('div', { class: 'chart-cell' }, h('h3', null, text('chart.posts')), chartBoxes.posts),
  );
  let charts: { registrations: Chart; destinations: Chart; posts: Chart } | undefined;

  // ECharts is most of this page's code: load it after the figures are on screen.
  let chartsLoading: Promise<unknown> | undefined;
  function renderCharts() {
    if (!stats) return;
    if (!charts) {
      chartsLoading ??= import('../charts.js').then(({ chart }) => {
        charts = { registrations: chart(chartBoxes.registrations), destinations: chart(chartBoxes.destinations), posts: chart(chartBoxes.posts) };
        renderCharts();
      });
      return;
    }
    const empty = (title: string) => ({ title: { text: title, left: 'center', top: 'middle', textStyle: { color: '#8a8f98', fontSize: 14, fontWeight: 'normal' } } });
    const grid = { left: 8, right: 16, top: 16, bottom: 8, containLabel: true };
    const days = stats.registrationsByDay;
    charts.registrations.update(
      days.length === 0
        ? empty(t('chart.empty'))
        : {
            grid,
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: days.length > 14 ? 'line' : 'bar', name: t('chart.registrations'), data: days.map((d) => d.count), smooth: true, barMaxWidth: 32 }],
          },
    );
    const places = [...stats.placementsByDestination].sort((a, b) => a.count - b.count);
    charts.destinations.update(
      places.length === 0
        ? empty(t('chart.empty'))
        : {
            grid,
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: places.map((p) => placeName(p.code)) },
            series: [{ type: 'bar', name: t('chart.destinations'), data: places.map((p) => p.count), barMaxWidth: 24 }],
          },
    );
    const posts = vacancies.filter((v) => v.kind === 'post');
    charts.posts.update(
      posts.length === 0
        ? empty(t('chart.noPosts'))
        : {
            grid: { ...grid, top: 28 },
            tooltip: {
              trigger: 'axis',
              axisPointer: { type: 'shadow' },
              formatter: (items: { dataIndex: number }[]) => {
                const p = posts[items[0]?.dataIndex ?? 0]!;
                return `${escapeHtml(p.title)}<br>${t('chart.filled')} ${p.filled} · ${t('chart.offered')} ${p.offered} · ${t('chart.open')} ${p.remaining}<br>${percent(p.filled, p.openings)}`;
              },
            },
            legend: undefined,
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: posts.map((p) => p.title) },
            series: [
              { type: 'bar', stack: 'p', name: t('chart.filled'), data: posts.map((p) => p.filled), barMaxWidth: 24 },
              { type: 'bar', stack: 'p', name: t('chart.offered'), data: posts.map((p) => p.offered) },
              { type: 'bar', stack: 'p', name: t('chart.open'), data: posts.map((p) => p.remaining), itemStyle: { color: '#d9dde3' } },
            ],
          },
    );
  }

  // ——— tabs ———
  const TABS: { id: string; label: Key }[] = [
    { id: 'labourers', label: 'tab.labourers' },
    { id: 'vacancies', label: 'tab.vacancies' },
    { id: 'offers', label: 'tab.offers' },
    { id: 'trips', label: 'tab.trips' },
    { id: 'messages', label: 'tab.messages' },
  ];
  const panels = new Map<string, HTMLElement>();
  const tabButtons = TABS.map((tab) =>
    h(
      'button',
      { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `panel-${tab.id}`, 'aria-selected': 'false', 'data-tab': tab.id, on: { click: () => selectTab(tab.id) } },
      text(tab.label),
    ),
  );
  function selectTab(id: string) {
    for (const b of tabButtons) b.setAttribute('aria-selected', String(b.dataset.tab === id));
    for (const [pid, panel] of panels) panel.hidden = pid !== id;
    if (id === 'trips' && tripsAvailable === undefined) void loadTrips();
  }

  // labourers
  const statusFilter = h(
    'select',
    { class: 'input small', 'data-testid': 'labourer-status', i18n: { 'aria-label': 'common.status' } },
    h('option', { value: '' }, text('common.all')),
    LABOURER_STATUSES.map((s) => h('option', { value: s }, text(msg('status.labourer', { v: s })))),
  );
  const phoneSearch = h('input', { type: 'search', class: 'input small', inputmode: 'tel', i18n: { placeholder: 'coord.labourers.phone' } });
  const labourerTable = h('div', { class: 'table-wrap', 'data-testid': 'labourers' });
  const moreButton = h('button', { type: 'button', class: 'button small', hidden: true }, text('common.more'));
  statusFilter.addEventListener('change', () => void loadLabourers());
  phoneSearch.addEventListener('change', () => void loadLabourers());
  moreButton.addEventListener('click', () => void busy(moreButton, () => loadLabourers(true)));
  panels.set(
    'labourers',
    h('div', null, h('div', { class: 'toolbar' }, h('label', { class: 'inline-label' }, text('common.status'), statusFilter), phoneSearch), labourerTable, h('div', { class: 'actions' }, moreButton)),
  );

  async function loadLabourers(more = false): Promise<void> {
    const phone = phoneSearch.value.trim();
    const response = await request<Labourer[]>('GET', '/labourers', {
      ...opts,
      query: { county, status: statusFilter.value || undefined, phone: phone || undefined, limit: 100, cursor: more ? (labourerCursor ?? undefined) : undefined },
    });
    labourers = more ? [...labourers, ...response.data] : response.data;
    labourerCursor = response.headers.get('x-next-cursor');
    for (const l of response.data) names.set(l.id, l);
    renderLabourers();
  }

  function renderLabourers() {
    moreButton.hidden = !labourerCursor;
    if (labourers.length === 0) return replace(labourerTable, h('p', { class: 'empty' }, text('coord.labourers.none')));
    replace(
      labourerTable,
      table(
        ['col.name', 'col.phone', 'col.idNumber', 'col.skills', 'col.destinations', 'col.wage', 'col.status', 'col.poverty', 'col.registered'],
        labourers.map((l) => [
          h('strong', null, l.name),
          h('span', { class: 'mono' }, formatPhone(l.phone)),
          h('span', { class: 'mono' }, l.idNumberMasked),
          l.skills.map((s) => h('span', { class: 'tag' }, text(msg('skill', { v: s })))),
          l.destinations.length ? l.destinations.map((d) => d.name).join('、') : text(l.canTravel ? 'coord.labourers.anywhere' : 'coord.labourers.local'),
          formatNumber(l.expectedWage),
          statusBadge('status.labourer', l.status, l.optedOut ? text('coord.labourers.optedOut') : null),
          l.poverty ? h('span', { class: 'badge poverty' }, text('common.yes')) : '',
          formatDateTime(l.createdAt),
        ]),
        (row, i) => row.setAttribute('data-labourer', labourers[i]!.id),
      ),
    );
  }

  // vacancies & posts
  const kindFilter = h(
    'select',
    { class: 'input small', i18n: { 'aria-label': 'common.kind' } },
    h('option', { value: '' }, text('common.all')),
    h('option', { value: 'job' }, text(msg('kind', { v: 'job' }))),
    h('option', { value: 'post' }, text(msg('kind', { v: 'post' }))),
  );
  const vacancyTable = h('div', { class: 'table-wrap', 'data-testid': 'vacancies' });
  kindFilter.addEventListener('change', () => renderVacancies());
  panels.set('vacancies', h('div', null, h('div', { class: 'toolbar' }, h('label', { class: 'inline-label' }, text('common.kind'), kindFilter)), vacancyTable));

  async function loadVacancies(): Promise<void> {
    vacancies = await get<Vacancy[]>('/vacancies', { ...opts, query: { county } });
    renderVacancies();
    renderCharts();
  }

  function renderVacancies() {
    const shown = vacancies.filter((v) => !kindFilter.value || v.kind === kindFilter.value);
    if (shown.length === 0) return replace(vacancyTable, h('p', { class: 'empty' }, text('coord.vacancies.none')));
    replace(
      vacancyTable,
      table(
        ['col.title', 'col.kind', 'col.skills', 'col.wage', 'col.start', 'col.fill', 'col.status', 'col.actions'],
        shown.map((v) => [
          h('strong', null, v.title),
          h('span', null, text(msg('kind', { v: v.kind })), v.kind === 'post' ? h('small', { class: 'muted block' }, text(msg('coord.vacancies.postTerms', { months: v.months ?? '?', share: Math.round((v.poorShareMin ?? 0.6) * 100) }))) : null),
          v.skills.map((s) => h('span', { class: 'tag' }, text(msg('skill', { v: s })))),
          formatNumber(v.monthlyWage),
          v.startDate,
          h('span', null, `${v.filled} / ${v.openings}`, h('small', { class: 'muted block' }, text(msg('coord.vacancies.offered', { offered: v.offered, remaining: v.remaining })))),
          statusBadge('status.vacancy', v.status),
          v.kind === 'post' ? postToggle(v) : '',
        ]),
      ),
    );
  }

  function postToggle(v: Vacancy): HTMLElement {
    const open = v.status === 'open';
    const button = h('button', { type: 'button', class: `button small ${open ? 'danger' : ''}` }, text(open ? 'employer.close' : 'employer.reopen'));
    button.addEventListener('click', () =>
      void busy(button, async () => {
        await patch(`/vacancies/${v.id}`, { status: open ? 'closed' : 'open' }, opts);
        await loadVacancies();
      }),
    );
    return button;
  }

  // offers
  const offerFilter = h(
    'select',
    { class: 'input small', 'data-testid': 'offer-status', i18n: { 'aria-label': 'common.status' } },
    h('option', { value: '' }, text('common.all')),
    OFFER_STATUSES.map((s) => h('option', { value: s }, text(msg('status.offer', { v: s })))),
  );
  const offerList = h('div', { class: 'offer-list', 'data-testid': 'offers' });
  offerFilter.addEventListener('change', () => void loadOffers());
  panels.set('offers', h('div', null, h('div', { class: 'toolbar' }, h('label', { class: 'inline-label' }, text('common.status'), offerFilter)), offerList));

  async function loadOffers(): Promise<void> {
    const [list] = await Promise.all([get<Offer[]>('/offers', { ...opts, query: { county, status: offerFilter.value || undefined } }), ensureNames()]);
    offers = list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    renderOffers();
  }

  /** Names for the offers' labourers: the county's labourers, read once (and again when one is missing). */
  let namesLoaded = false;
  async function ensureNames(): Promise<void> {
    if (namesLoaded) return;
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const response = await request<Labourer[]>('GET', '/labourers', { ...opts, query: { county, limit: 1000, cursor } });
      for (const l of response.data) names.set(l.id, l);
      cursor = response.headers.get('x-next-cursor') ?? undefined;
      if (!cursor) break;
    }
    namesLoaded = true;
  }

  function renderOffers() {
    if (offers.length === 0) return replace(offerList, h('p', { class: 'empty' }, text('coord.offers.none')));
    const titles = new Map(vacancies.map((v) => [v.id, v.title]));
    replace(
      offerList,
      offers.map((o) => {
        const person = names.get(o.labourerId);
        return h(
          'article',
          { class: `offer offer-${o.status}`, 'data-offer': o.id },
          h(
            'header',
            { class: 'offer-head' },
            h('strong', { class: 'offer-who' }, person ? `${person.name} · ${formatPhone(person.phone)}` : o.labourerId),
            h('span', { class: 'offer-arrow', 'aria-hidden': 'true' }, '→'),
            h(
              'span',
              { class: 'offer-what' },
              [o.vacancyTitle ?? titles.get(o.vacancyId), o.vacancyCounty ? placeFullName(o.vacancyCounty) : undefined].filter(Boolean).join(' · ') || o.vacancyId, o.vacancyKind ? h('small', { class: 'muted' }, ' · ', text(msg('kind', { v: o.vacancyKind }))) : null),
            statusBadge('status.offer', o.status),
          ),
          h('ul', { class: 'reasons', 'data-testid': 'reasons' }, o.reasons.map(reason)),
          h(
            'p',
            { class: 'muted small' },
            text(msg('coord.offers.fit', { fit: Math.round(o.fit * 100) / 100 })),
            ' · ',
            text(msg(o.answeredAt ? 'coord.offers.answered' : 'coord.offers.respondBy', { time: formatDateTime(o.answeredAt ?? o.respondBy) })),
          ),
        );
      }),
    );
  }

  /** `PLACE: 意向地: 湖州市` → a tag with its code as a hint. */
  function reason(r: string): HTMLElement {
    const match = /^([A-Z_]+):\s*(.*)$/.exec(r);
    return h('li', { class: `reason reason-${(match?.[1] ?? 'other').toLowerCase()}`, title: match?.[1] ?? '' }, match?.[2] ?? r);
  }

  // trips
  const capacity = h('input', { id: 't-capacity', class: 'input', type: 'number', inputmode: 'numeric', min: 1, max: 100, value: '45' });
  const loadFactor = h('input', { id: 't-load', class: 'input', type: 'number', inputmode: 'decimal', min: 0.1, max: 1, step: 0.05, value: '1' });
  const perDay = h('input', { id: 't-perday', class: 'input', type: 'number', inputmode: 'numeric', min: 1, i18n: { placeholder: 'coord.trips.perDayAny' } });
  const pickup = h('input', { id: 't-pickup', class: 'input', maxlength: 40, i18n: { placeholder: 'coord.trips.pickupDefault' } });
  const departure = h('input', { id: 't-time', class: 'input', type: 'time', value: '07:30' });
  const planButton = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'plan-trips' }, text('coord.trips.plan'));
  const planSummary = h('div', { class: 'result', 'data-testid': 'plan-result', 'aria-live': 'polite' });
  const tripNotice = h('p', { class: 'notice', hidden: true, 'data-testid': 'trips-unavailable' }, text('coord.trips.unavailable'));
  const tripList = h('div', { class: 'trip-list', 'data-testid': 'trips' });
  const planForm = h(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'plan-form' },
    h('div', { class: 'grid-3' }, labelled('t-capacity', 'coord.trips.capacity', capacity), labelled('t-load', 'coord.trips.loadFactor', loadFactor), labelled('t-perday', 'coord.trips.perDay', perDay)),
    h('div', { class: 'grid-2' }, labelled('t-pickup', 'coord.trips.pickup', pickup), labelled('t-time', 'coord.trips.time', departure)),
    h('div', { class: 'actions' }, planButton),
  );
  planForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(planButton, async () => {
      const body = {
        county,
        capacity: Number(capacity.value) || undefined,
        loadFactor: Number(loadFactor.value) || undefined,
        maxDeparturesPerDay: Number(perDay.value) || undefined,
        pickupPoint: pickup.value.trim() || undefined,
        departureTime: departure.value || undefined,
      };
      try {
        lastPlan = await post<TripPlan>('/trips/plan', body, opts);
      } catch (error) {
        if (isMissingRoute(error)) return markTripsUnavailable();
        throw error;
      }
      const line = msg('coord.trips.planned', {
        buses: lastPlan.buses,
        lower: lastPlan.lowerBound,
        passengers: lastPlan.trips.reduce((n, trip) => n + trip.passengers.length, 0),
        unplanned: lastPlan.unplanned.length,
      });
      replace(
        planSummary,
        h('p', null, text(line)),
        lastPlan.unplanned.length
          ? h('ul', { class: 'unplanned' }, lastPlan.unplanned.map((u) => h('li', null, names.get(u.labourerId)?.name ?? u.labourerId, ' — ', text(msg('unplanned', { v: u.reason ?? '' })))))
          : null,
      );
      toast(text(line));
      await loadTrips();
    });
  });
  panels.set('trips', h('div', null, h('p', { class: 'muted' }, text('coord.trips.help')), tripNotice, planForm, planSummary, tripList));

  function isMissingRoute(error: unknown): boolean {
    return error instanceof ApiError && (error.status === 404 || error.status === 405) && error.code !== 'VALIDATION';
  }

  function markTripsUnavailable() {
    tripsAvailable = false;
    tripNotice.hidden = false;
    planButton.disabled = true;
    replace(tripList);
  }

  async function loadTrips(): Promise<void> {
    try {
      trips = await get<Trip[]>('/trips', { ...opts, query: { county } });
      tripsAvailable = true;
    } catch (error) {
      if (!isMissingRoute(error)) throw error;
      // Without the list, the plan's answer still shows what the buses would be.
      if (!lastPlan) return markTripsUnavailable();
      trips = lastPlan.trips;
    }
    await ensureNames();
    renderTrips();
  }

  function renderTrips() {
    const shown = trips.filter((trip) => trip.status !== 'cancelled');
    if (shown.length === 0) return replace(tripList, h('p', { class: 'empty' }, text('coord.trips.none')));
    const sorted = [...shown].sort((a, b) => a.date.localeCompare(b.date) || a.destination.localeCompare(b.destination));
    replace(tripList, sorted.map(tripCard));
  }

  function tripCard(trip: Trip): HTMLElement {
    const status = trip.status ?? 'proposed';
    const book = h('button', { type: 'button', class: 'button small primary', 'data-testid': 'book-trip' }, text('coord.trips.book'));
    book.addEventListener('click', () =>
      void busy(book, async () => {
        const result = await post<Booking>(`/trips/${trip.id}/book`, {}, opts);
        toast(text(msg('coord.trips.booked', { seats: result.booked ?? result.seats.length })));
        if (result.skipped?.length) toast(text(msg('coord.trips.skipped', { n: result.skipped.length })), 'info');
        await Promise.all([loadTrips(), loadStats(), loadLabourers()]);
      }),
    );
    const manifest = h('button', { type: 'button', class: 'button small', 'data-testid': 'download-manifest' }, text('coord.trips.manifest'));
    manifest.addEventListener('click', () => void busy(manifest, () => download(`/trips/${trip.id}/manifest.csv`, `manifest-${trip.date}-${trip.destination}.csv`, opts)));
    const plate = h('input', { class: 'input small', maxlength: 12, value: trip.vehiclePlate ?? '', i18n: { placeholder: 'coord.trips.plate', 'aria-label': 'coord.trips.plate' } });
    const escort = h('input', { class: 'input small', maxlength: 40, value: trip.escort ?? '', i18n: { placeholder: 'coord.trips.escort', 'aria-label': 'coord.trips.escort' } });
    const save = h('button', { type: 'submit', class: 'button small' }, text('common.save'));
    const details = h('form', { class: 'row wrap trip-details', novalidate: true }, plate, escort, save);
    details.addEventListener('submit', (e) => {
      e.preventDefault();
      void busy(save, async () => {
        await patch(`/trips/${trip.id}`, { ...(plate.value.trim() ? { vehiclePlate: plate.value.trim() } : {}), ...(escort.value.trim() ? { escort: escort.value.trim() } : {}) }, opts);
        toast(text('coord.trips.saved'));
        await loadTrips();
      });
    });
    const passengers = trip.passengers ?? [];
    return h(
      'article',
      { class: `trip trip-${status}`, 'data-trip': trip.id },
      h(
        'header',
        { class: 'trip-head' },
        h('span', { class: 'trip-bus', 'aria-hidden': 'true' }),
        h('strong', null, `${placeName(trip.county ?? county)} → ${trip.destinationName ?? placeName(trip.destination)}`),
        statusBadge('status.trip', status),
      ),
      h(
        'p',
        { class: 'meta' },
        h('span', null, text(msg('coord.trips.date', { date: trip.date, time: trip.departureTime ?? '' }))),
        trip.pickupPoint ? h('span', null, trip.pickupPoint) : null,
        h('span', { 'data-testid': 'trip-seats' }, text(msg('coord.trips.seats', { taken: trip.seatsTaken ?? 0, passengers: passengers.length, seats: trip.seats ?? '?' }))),
        trip.vehiclePlate ? h('span', null, trip.vehiclePlate) : null,
      ),
      h('p', { class: 'passengers' }, passengers.map((id) => h('span', { class: 'tag' }, names.get(id)?.name ?? id.slice(-6)))),
      status !== 'cancelled' ? details : null,
      h('div', { class: 'row wrap' }, status === 'proposed' ? book : null, status === 'booked' ? manifest : null),
    );
  }

  // messages
  const msgPhone = h('input', { type: 'search', class: 'input small', inputmode: 'tel', 'data-testid': 'messages-phone', i18n: { placeholder: 'coord.messages.phone' } });
  const msgButton = h('button', { type: 'submit', class: 'button small' }, text('coord.messages.show'));
  const msgTable = h('div', { class: 'table-wrap', 'data-testid': 'messages' });
  const msgForm = h('form', { class: 'toolbar', novalidate: true }, msgPhone, msgButton);
  msgForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(msgButton, () => loadMessages());
  });
  panels.set('messages', h('div', null, msgForm, msgTable));

  async function loadMessages(): Promise<void> {
    const list = await get<SmsLogEntry[]>('/messages', { ...opts, query: { phone: msgPhone.value.trim() } });
    if (list.length === 0) return replace(msgTable, h('p', { class: 'empty' }, text('coord.messages.none')));
    replace(
      msgTable,
      table(
        ['col.time', 'col.template', 'col.body', 'col.segments', 'col.status'],
        [...list].reverse().map((m) => [formatDateTime(m.sentAt ?? m.createdAt), h('code', null, m.template), h('span', { class: 'sms-body' }, m.body), String(m.segments), statusBadge('status.message', m.status)]),
      ),
    );
  }

  for (const [id, panel] of panels) {
    panel.id = `panel-${id}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', `tab-${id}`);
    panel.classList.add('tab-panel');
  }
  const lists = h('section', { class: 'card lists' }, h('div', { class: 'tabs', role: 'tablist' }, tabButtons), [...panels.values()]);
  selectTab('labourers');

  replace(
    main,
    h('div', { class: 'dash-head' }, heading, h('div', { class: 'row' }, countyPicker?.el ?? null, updated, refreshButton)),
    kpiGrid,
    h('div', { class: 'columns columns-wide' }, chartsCard, actions),
    phoneChanges.el,
    lists,
  );

  // ——— loading ———
  async function loadStats(): Promise<void> {
    stats = await get<Stats>('/stats', { ...opts, query: { county } });
    renderKpis();
    renderCharts();
    replace(updated, text(msg('coord.updated', { time: new Date(stats.asOf).toLocaleTimeString() })));
  }

  async function refreshAll(): Promise<void> {
    namesLoaded = false;
    names.clear();
    const jobs = [loadStats(), loadVacancies(), loadLabourers(), loadOffers(), phoneChanges.load(county)];
    if (tripsAvailable !== undefined) jobs.push(loadTrips());
    const results = await Promise.allSettled(jobs);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) toast(errorText(failed.reason), 'error');
  }

  onLanguageChange(() => {
    renderHeading();
    renderKpis();
    renderCharts();
    renderLabourers();
    renderVacancies();
    renderOffers();
    if (tripsAvailable) renderTrips();
  });

  void refreshAll();
  // Figures move while offers are answered by SMS: refresh the KPIs while the page is in view.
  setInterval(() => {
    if (document.visibilityState === 'visible') void loadStats().catch(() => undefined);
  }, 15_000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void loadStats().catch(() => undefined);
  });
}

function labelled(id: string, label: Key, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { class: 'label', for: id }, text(label)), control);
}

function statusBadge(key: 'status.labourer' | 'status.vacancy' | 'status.offer' | 'status.trip' | 'status.message', value: string, extra?: Child): HTMLElement {
  return h('span', { class: `badge status-${value}`, 'data-status': value }, text(msg(key, { v: value })), extra ? h('small', null, ' ', extra) : null);
}

function table(columns: Key[], rows: Child[][], decorate?: (row: HTMLTableRowElement, index: number) => void): HTMLTableElement {
  return h(
    'table',
    { class: 'table' },
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, text(c))))),
    h(
      'tbody',
      null,
      rows.map((cells, i) => {
        const row = h('tr', null, cells.map((cell, c) => h('td', { 'data-label': t(columns[c]!) }, cell)));
        decorate?.(row, i);
        return row;
      }),
    ),
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
