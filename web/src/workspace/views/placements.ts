// 上岗与稳岗: what happened after the bus — who arrived, who the employers confirmed at work, who is still
// there 30/60/90 days on (the 稳岗补贴 is paid on three months), who left and why, by job and by destination;
// and the files a county files: the placements ledger (台账) and the 公示 sheet with masked ID numbers.
import { download, get, type RetentionGroup, type Stats } from '../../api.js';
import { busy, chinaDate, formatNumber, h, replace, text } from '../../dom.js';
import { msg, onLanguageChange, type Key } from '../../i18n.js';
import { placeFullName, placeName } from '../../places.js';
import { empty, labelled, table } from '../components/table.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

const TILES: { id: string; label: Key; value: (s: Stats) => number }[] = [
  { id: 'arrived', label: 'coord.placements.arrived', value: (s) => s.arrived ?? 0 },
  { id: 'placed', label: 'coord.placements.atWork', value: (s) => s.placed },
  { id: 'retained30', label: 'coord.placements.retained30', value: (s) => s.retained30 ?? 0 },
  { id: 'retained60', label: 'coord.placements.retained60', value: (s) => s.retained60 ?? 0 },
  { id: 'retained90', label: 'coord.placements.retained90', value: (s) => s.retained90 ?? 0 },
  { id: 'leavers', label: 'coord.placements.leavers', value: (s) => s.leavers ?? 0 },
  { id: 'unknown', label: 'coord.placements.unknown', value: (s) => s.checkInUnknown ?? 0 },
];

/** `YYYY-MM-DD` n months before (the day kept, or the month's last). */
function monthsBefore(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export function placementsView(ws: Workspace): View {
  let stats: Stats | undefined;
  const tiles = h('div', { class: 'kpis', 'data-testid': 'placement-kpis' });
  // One above the other: seven columns each do not fit side by side.
  const groups = h('div', null);
  const reasons = h('div', { 'data-testid': 'leave-reasons' });

  // A season runs December to March: the last six months hold the whole of it whenever the files are made.
  const from = h('input', { id: 'pl-from', class: 'input', type: 'date', value: monthsBefore(chinaDate(), 6) });
  const to = h('input', { id: 'pl-to', class: 'input', type: 'date', value: chinaDate() });
  const fileButton = (kind: 'ledger' | 'publicity') => {
    const button = h('button', { type: 'button', class: 'button small', 'data-testid': `download-${kind}` }, text(kind === 'ledger' ? 'coord.placements.ledger' : 'coord.placements.publicity'));
    button.addEventListener('click', () =>
      void busy(button, () =>
        download(
          `/reports/placements.xlsx`,
          `${placeName(ws.county())}${kind === 'ledger' ? '转移就业台账' : '转移就业公示'}-${from.value}至${to.value}.xlsx`,
          { ...ws.opts, query: { county: ws.county(), from: from.value, to: to.value, ...(kind === 'publicity' ? { kind } : {}) } },
        ),
      ),
    );
    return button;
  };

  function groupTable(title: Key, rows: RetentionGroup[] | undefined, name: (g: RetentionGroup) => string, testId: string): HTMLElement {
    return h(
      'section',
      { class: 'card', 'data-testid': testId },
      h('h3', null, text(title)),
      rows && rows.length > 0
        ? table(
            ['coord.placements.group', 'kpi.placed', 'coord.placements.atWork', 'coord.placements.retained30', 'coord.placements.retained60', 'coord.placements.retained90', 'coord.placements.leavers'],
            rows.map((g) => [name(g), formatNumber(g.placed), formatNumber(g.atWork), formatNumber(g.retained30), formatNumber(g.retained60), formatNumber(g.retained90), formatNumber(g.leavers)]),
          )
        : empty('coord.placements.none'),
    );
  }

  function render(): void {
    if (!stats) return;
    const s = stats;
    replace(
      tiles,
      TILES.map((k) => h('div', { class: `kpi kpi-${k.id}`, 'data-kpi': k.id }, h('div', { class: 'kpi-label' }, text(k.label)), h('div', { class: 'kpi-value', 'data-testid': `kpi-${k.id}` }, formatNumber(k.value(s))))),
    );
    replace(
      groups,
      groupTable('coord.placements.byJob', s.retentionByEmployer, (g) => g.title ?? g.key, 'retention-by-job'),
      groupTable('coord.placements.byDestination', s.retentionByDestination, (g) => placeFullName(g.key), 'retention-by-destination'),
    );
    const r = s.leftReasons ?? { left: 0, change: 0, not_arrived: 0 };
    replace(reasons, h('h3', null, text('coord.placements.why')), h('ul', { class: 'reasons' }, (['left', 'change', 'not_arrived'] as const).map((k) => h('li', { 'data-reason': k }, text(msg('coord.placements.reason', { v: k })), '：', formatNumber(r[k])))));
  }

  async function load(): Promise<void> {
    const county = ws.county();
    const answer = await get<Stats>('/stats', { ...ws.opts, query: { county } });
    if (county !== ws.county()) return;
    stats = answer;
    render();
  }

  onLanguageChange(render);
  const el = h(
    'div',
    { class: 'view view-placements' },
    h('section', { class: 'card' }, h('h2', null, text('tab.placements')), h('p', { class: 'muted' }, text('coord.placements.help')), tiles),
    groups,
    h('section', { class: 'card' }, reasons),
    h(
      'section',
      { class: 'card' },
      h('h3', null, text('coord.placements.files')),
      h('p', { class: 'muted' }, text('coord.placements.filesHelp')),
      h('div', { class: 'row wrap' }, labelled('pl-from', 'coord.placements.from', from), labelled('pl-to', 'coord.placements.to', to), fileButton('ledger'), fileButton('publicity')),
    ),
  );
  return { el, show: load };
}
