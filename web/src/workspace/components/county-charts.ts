// The dashboard's charts: registrations by day, placements by destination, public-welfare posts filled.
// ECharts is most of the page's code: it loads after the figures are on screen.
import type { Stats, Vacancy } from '../../api.js';
import type { Chart } from '../../charts.js';
import { h, percent, text } from '../../dom.js';
import { t } from '../../i18n.js';
import { placeName } from '../../places.js';

export function countyCharts(): { el: HTMLElement; render(stats: Stats | undefined, vacancies: readonly Vacancy[]): void } {
  const boxes = {
    registrations: h('div', { class: 'chart', 'data-testid': 'chart-registrations' }),
    destinations: h('div', { class: 'chart', 'data-testid': 'chart-destinations' }),
    posts: h('div', { class: 'chart', 'data-testid': 'chart-posts' }),
  };
  const el = h(
    'section',
    { class: 'card charts' },
    h('div', { class: 'chart-cell' }, h('h3', null, text('chart.registrations')), boxes.registrations),
    h('div', { class: 'chart-cell' }, h('h3', null, text('chart.destinations')), boxes.destinations),
    h('div', { class: 'chart-cell' }, h('h3', null, text('chart.posts')), boxes.posts),
  );
  let charts: { registrations: Chart; destinations: Chart; posts: Chart } | undefined;
  let loading: Promise<unknown> | undefined;
  let latest: [Stats | undefined, readonly Vacancy[]] = [undefined, []];

  function render(stats: Stats | undefined, vacancies: readonly Vacancy[]): void {
    latest = [stats, vacancies];
    if (!stats) return;
    if (!charts) {
      loading ??= import('../../charts.js').then(({ chart }) => {
        charts = { registrations: chart(boxes.registrations), destinations: chart(boxes.destinations), posts: chart(boxes.posts) };
        render(...latest);
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
    // Where the county's people go, as flows: the county → each province → each destination. A map would
    // need a base map approved for publication in China (审图号), which no package here carries.
    const home = placeName(stats.county);
    const byProvince = new Map<string, number>();
    for (const p of stats.placementsByDestination) byProvince.set(p.code.slice(0, 2), (byProvince.get(p.code.slice(0, 2)) ?? 0) + p.count);
    const provinceNode = (code: string) => `${placeName(code)} `; // a trailing space keeps a province apart from a same-named place
    // A flow chart has no cycles: work in the home county itself is its own node.
    const placeNode = (code: string) => (code === stats.county ? `${home}（${t('chart.homeCounty')}）` : placeName(code));
    charts.destinations.update(
      byProvince.size === 0
        ? empty(t('chart.empty'))
        : {
            tooltip: { trigger: 'item' },
            series: [
              {
                type: 'sankey',
                left: 8,
                right: 96,
                top: 8,
                bottom: 8,
                nodeGap: 10,
                emphasis: { focus: 'adjacency' },
                data: [
                  { name: home },
                  ...[...byProvince.keys()].map((code) => ({ name: provinceNode(code) })),
                  ...[...new Set(stats.placementsByDestination.map((p) => placeNode(p.code)))].map((name) => ({ name })),
                ],
                links: [
                  ...[...byProvince].map(([code, count]) => ({ source: home, target: provinceNode(code), value: count })),
                  ...stats.placementsByDestination.map((p) => ({ source: provinceNode(p.code.slice(0, 2)), target: placeNode(p.code), value: p.count })),
                ],
                lineStyle: { color: 'gradient', opacity: 0.35 },
              },
            ],
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
  return { el, render };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
