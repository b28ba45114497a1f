// The county's figures at a glance (GET /stats), one tile each.
import type { Stats } from '../../api.js';
import { formatNumber, h, percent, replace, text, type Child } from '../../dom.js';
import { msg, type Key } from '../../i18n.js';

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

export function kpiTiles(): { el: HTMLElement; render(stats: Stats | undefined): void } {
  const el = h('div', { class: 'kpis', 'data-testid': 'kpis' });
  const render = (stats: Stats | undefined) =>
    replace(
      el,
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
  render(undefined);
  return { el, render };
}
