// 群发: a message to a segment of the county's labourers — the segment, the text with its live SMS count,
// a preview (recipients, opted out, parts, cost) before sending, now or at a time; the past broadcasts.
import { broadcastText } from '../../../../functions/domain/sms/broadcast-text.js';
import { LABOURER_STATUSES } from '../../../../functions/store/entities/labourer.js';
import { get, post, type BroadcastPreview, type BroadcastSent, type BroadcastView } from '../../api.js';
import { busy, formatDateTime, formatNumber, h, replace, text, toast } from '../../dom.js';
import { msg, onLanguageChange } from '../../i18n.js';
import { empty, labelled, statusBadge, table } from '../components/table.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

export function broadcastsView(ws: Workspace): View {
  const input = (id: string, attrs: Record<string, string> = {}) => h('input', { id, class: 'input small', 'data-testid': id, ...attrs });
  const status = h(
    'select',
    { id: 'bc-status', class: 'input small', 'data-testid': 'bc-status' },
    h('option', { value: '' }, text('common.all')),
    ...LABOURER_STATUSES.map((s) => h('option', { value: s }, text(msg('status.labourer', { v: s })))),
  );
  const destination = input('bc-destination', { inputmode: 'numeric', placeholder: '3305' });
  const vacancyId = input('bc-vacancy');
  const tripId = input('bc-trip');
  const pickup = input('bc-pickup');
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
    if (destination.value.trim()) segment.destination = destination.value.trim();
    if (vacancyId.value.trim()) segment.vacancyId = vacancyId.value.trim();
    if (tripId.value.trim()) segment.tripId = tripId.value.trim();
    if (pickup.value.trim()) segment.pickup = pickup.value.trim();
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
  for (const control of [status, destination, vacancyId, tripId, pickup, poverty, watch, words, sendAt]) control.addEventListener('input', stale);
  for (const control of [status, poverty, watch]) control.addEventListener('change', stale);
  words.addEventListener('input', countParts);

  previewButton.addEventListener('click', () =>
    void busy(previewButton, async () => {
      const p = await post<BroadcastPreview>('/broadcasts/preview', body(), ws.opts);
      replace(
        previewOut,
        h('p', { class: 'notice', 'data-testid': 'bc-preview-text' }, text(msg('coord.broadcasts.previewLine', { n: p.recipients, out: p.optedOut, dead: p.unreachable, parts: p.totalSegments, cost: p.costEstimateCny.toFixed(2) }))),
        h('p', { class: 'sms-body' }, p.body),
      );
      sendButton.disabled = p.recipients === 0;
    }),
  );
  sendButton.addEventListener('click', () =>
    void busy(sendButton, async () => {
      const sent = await post<BroadcastSent>('/broadcasts', body(), ws.opts);
      toast(text(msg(sent.jobId ? 'coord.broadcasts.started' : 'coord.broadcasts.sent', { n: sent.recipients })));
      stale();
      words.value = '';
      countParts();
      await load();
    }),
  );

  let broadcasts: BroadcastView[] = [];
  async function load(): Promise<void> {
    broadcasts = await get<BroadcastView[]>('/broadcasts', { ...ws.opts, query: { county: ws.county() } });
    render();
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
    show: load,
  };
}
