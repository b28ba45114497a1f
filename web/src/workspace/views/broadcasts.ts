// 群发: a message to a segment of the county's labourers — the segment, the text with its live SMS count,
// a preview (recipients, opted out, parts, cost, the day's SMS budget) before sending, now or at a time;
// the past broadcasts. Vacancies, buses and pickup points are picked from the county's lists, the
// destination with the place picker; the API's field messages show under their fields.
import { broadcastText } from '../../../../functions/domain/sms/broadcast-text.js';
import { LABOURER_STATUSES } from '../../../../functions/store/entities/labourer.js';
import { ApiError, get, post, type BroadcastPreview, type BroadcastSent, type BroadcastView, type PickupPoint, type Trip, type Vacancy } from '../../api.js';
import { busy, formatDateTime, formatNumber, h, replace, text, toast } from '../../dom.js';
import { msg, onLanguageChange, t } from '../../i18n.js';
import { placePicker } from '../../widgets/place-picker.js';
import { fieldErrors } from '../components/field-errors.js';
import { empty, labelled, statusBadge, table } from '../components/table.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

export function broadcastsView(ws: Workspace): View {
  const status = h(
    'select',
    { id: 'bc-status', class: 'input small', 'data-testid': 'bc-status' },
    h('option', { value: '' }, text('common.all')),
    ...LABOURER_STATUSES.map((s) => h('option', { value: s }, text(msg('status.labourer', { v: s })))),
  );
  const destinationPicker = placePicker({ id: 'bc-destination', levels: ['province', 'city', 'county'], multiple: false, placeholder: 'register.destinations.placeholder', onChange: () => stale() });
  const destination = destinationPicker.el;
  const choice = (id: string) => h('select', { id, class: 'input small', 'data-testid': id }, h('option', { value: '' }, text('common.all')));
  const vacancyId = choice('bc-vacancy');
  const tripId = choice('bc-trip');
  const pickup = choice('bc-pickup');
  const poverty = h('select', { id: 'bc-poverty', class: 'input small', 'data-testid': 'bc-poverty' }, h('option', { value: '' }, text('common.all')), h('option', { value: 'true' }, text('common.yes')), h('option', { value: 'false' }, text('common.no')));
  const watch = h('input', { id: 'bc-watch', type: 'checkbox', 'data-testid': 'bc-watch' });
  const words = h('textarea', { id: 'bc-text', class: 'input', rows: 3, 'data-testid': 'bc-text' });
  const count = h('p', { class: 'muted small', 'data-testid': 'bc-count' });
  const sendAt = h('input', { id: 'bc-send-at', type: 'datetime-local', class: 'input small', 'data-testid': 'bc-send-at' });
  const previewButton = h('button', { type: 'button', class: 'button small', 'data-testid': 'bc-preview' }, text('coord.broadcasts.preview'));
  const sendButton = h('button', { type: 'button', class: 'button small primary', 'data-testid': 'bc-send', disabled: true }, text('coord.broadcasts.send'));
  const previewOut = h('div', { 'data-testid': 'bc-preview-result' });
  const list = h('div', { class: 'table-wrap', 'data-testid': 'broadcasts' });

  function body() {
    const segment: Record<string, unknown> = {};
    if (status.value) segment.status = status.value;
    const place = destinationPicker.value()[0];
    if (place) segment.destination = place;
    if (vacancyId.value) segment.vacancyId = vacancyId.value;
    if (tripId.value) segment.tripId = tripId.value;
    if (pickup.value) segment.pickup = pickup.value;
    if (poverty.value) segment.poverty = poverty.value === 'true';
    if (watch.checked) segment.watch = true;
    // The time picked is China time (the page's users are there): +08:00.
    return { county: ws.county(), segment, text: words.value, ...(sendAt.value ? { sendAt: `${sendAt.value}:00+08:00` } : {}) };
  }

  function countParts(): void {
    const checked = broadcastText(words.value);
    replace(count, 'problem' in checked ? h('span', { class: 'error' }, checked.problem) : text(msg('coord.broadcasts.parts', { chars: [...checked.body].length, n: checked.segments })));
  }

  /** Any change after a preview asks for a new one before sending. */
  const stale = () => {
    sendButton.disabled = true;
    replace(previewOut);
  };
  for (const control of [status, vacancyId, tripId, pickup, poverty, watch, words, sendAt]) control.addEventListener('input', stale);
  for (const control of [status, vacancyId, tripId, pickup, poverty, watch, sendAt]) control.addEventListener('change', stale);
  const errors = fieldErrors({
    'segment.status': status,
    'segment.destination': destinationPicker.input,
    'segment.vacancyId': vacancyId,
    'segment.tripId': tripId,
    'segment.pickup': pickup,
    text: words,
    sendAt,
  });

  /** A time already past is refused here as by the API (which would answer the same). */
  function checkSendAt(): void {
    if (sendAt.value && Date.parse(`${sendAt.value}:00+08:00`) < Date.now()) {
      const message = t('coord.broadcasts.sendAtPast');
      throw new ApiError(400, 'VALIDATION_FAILED', message, [{ path: 'sendAt', message }]);
    }
  }
  words.addEventListener('input', countParts);

  previewButton.addEventListener('click', () =>
    void busy(previewButton, async () => {
      errors.clear();
      checkSendAt();
      const p = await post<BroadcastPreview>('/broadcasts/preview', body(), ws.opts);
      const { budget } = p;
      replace(
        previewOut,
        h('p', { class: 'notice', 'data-testid': 'bc-preview-text' }, text(msg('coord.broadcasts.previewLine', { n: p.recipients, out: p.optedOut, dead: p.unreachable, parts: p.totalSegments, cost: p.costEstimateCny.toFixed(2) }))),
        h('p', { class: 'muted small', 'data-testid': 'bc-budget' }, text(msg('coord.broadcasts.budgetLine', { perDay: budget.perDay, sent: budget.sentToday, left: budget.remainingToday }))),
        budget.overBy > 0 ? h('p', { class: 'error', role: 'alert', 'data-testid': 'bc-over-budget' }, text(msg('coord.broadcasts.overBudget', { fits: budget.fitsToday, over: budget.overBy }))) : null,
        h('p', { class: 'sms-body' }, p.body),
      );
      sendButton.disabled = p.recipients === 0;
    }, errors.show),
  );
  sendButton.addEventListener('click', () =>
    void busy(sendButton, async () => {
      errors.clear();
      checkSendAt();
      const sent = await post<BroadcastSent>('/broadcasts', body(), ws.opts);
      toast(text(msg(sent.jobId ? 'coord.broadcasts.started' : 'coord.broadcasts.sent', { n: sent.recipients })));
      stale();
      words.value = '';
      countParts();
      await load();
    }, errors.show),
  );

  let broadcasts: BroadcastView[] = [];
  async function load(): Promise<void> {
    broadcasts = await get<BroadcastView[]>('/broadcasts', { ...ws.opts, query: { county: ws.county() } });
    render();
  }

  /** The county's vacancies (its own and those its labourers can reach), buses and pickup points to pick from. */
  async function loadChoices(): Promise<void> {
    const county = ws.county();
    const none = <T>() => [] as T[];
    const [own, reachable, trips, points] = await Promise.all([
      get<Vacancy[]>('/vacancies', { ...ws.opts, query: { county } }).catch(none<Vacancy>),
      get<Vacancy[]>('/vacancies', { ...ws.opts, query: { county, reach: 'labourers' } }).catch(none<Vacancy>),
      get<Trip[]>('/trips', { ...ws.opts, query: { county } }).catch(none<Trip>),
      get<{ points: PickupPoint[] }>(`/counties/${county}/pickup-points`, ws.opts).then((r) => r.points).catch(none<PickupPoint>),
    ]);
    const vacancies = new Map([...own, ...reachable].map((v) => [v.id, v]));
    fill(vacancyId, [...vacancies.values()].map((v) => [v.id, `${v.title}（${v.startDate}）`]));
    fill(tripId, trips.filter((trip) => trip.status !== 'cancelled').map((trip) => [trip.id, `${trip.date} ${trip.destinationName ?? trip.destination}${trip.vehiclePlate ? ` ${trip.vehiclePlate}` : ''}（${trip.passengers.length} 人）`]));
    fill(pickup, points.map((point) => [point.code ?? point.name, point.name]));
  }
  function fill(select: HTMLSelectElement, options: [string, string][]): void {
    const was = select.value;
    replace(select, h('option', { value: '' }, text('common.all')), ...options.map(([value, label]) => h('option', { value }, label)));
    select.value = options.some(([value]) => value === was) ? was : '';
  }
  function render(): void {
    if (broadcasts.length === 0) return replace(list, empty('coord.broadcasts.none'));
    replace(
      list,
      table(
        ['col.time', 'col.body', 'coord.broadcasts.recipients', 'coord.broadcasts.optedOut', 'col.status'],
        broadcasts.map((b) => [
          h('span', null, formatDateTime(b.createdAt), b.sendAt ? h('small', { class: 'muted block' }, text(msg('coord.broadcasts.at', { at: formatDateTime(b.sendAt) }))) : null),
          h('span', { class: 'sms-body' }, b.text),
          formatNumber(b.recipients),
          formatNumber(b.optedOut + b.unreachable),
          statusBadge('status.broadcast', b.state),
        ]),
      ),
    );
  }
  onLanguageChange(() => {
    countParts();
    render();
  });
  countParts();

  const form = h(
    'div',
    { class: 'grid-3' },
    labelled('bc-status', 'col.status', status),
    labelled('bc-destination', 'coord.broadcasts.destination', destination),
    labelled('bc-vacancy', 'coord.broadcasts.vacancy', vacancyId),
    labelled('bc-trip', 'coord.broadcasts.trip', tripId),
    labelled('bc-pickup', 'coord.broadcasts.pickup', pickup),
    labelled('bc-poverty', 'coord.broadcasts.poverty', poverty),
    h('label', { class: 'inline-label' }, watch, text('coord.broadcasts.watch')),
  );
  return {
    el: h(
      'section',
      { class: 'card view' },
      h('h2', null, text('tab.broadcasts')),
      h('p', { class: 'muted' }, text('coord.broadcasts.help')),
      form,
      labelled('bc-text', 'coord.broadcasts.text', words),
      count,
      h('div', { class: 'row wrap' }, labelled('bc-send-at', 'coord.broadcasts.sendAt', sendAt), previewButton, sendButton),
      previewOut,
      h('h3', null, text('coord.broadcasts.past')),
      list,
    ),
    show: () => Promise.all([load(), loadChoices()]).then(() => undefined),
  };
}
