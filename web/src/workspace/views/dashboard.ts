// 概览: the county's figures and charts, the day's actions (matching, the poverty list, a public-welfare
// post, an admin's national run) and the 换号 requests waiting for a decision.
import { get, type Stats, type Vacancy } from '../../api.js';
import { h, replace, text } from '../../dom.js';
import { msg, onLanguageChange } from '../../i18n.js';
import { nationalRunAction } from '../../widgets/national-run.js';
import { phoneChangesCard } from '../../widgets/phone-changes.js';
import { countyCharts } from '../components/county-charts.js';
import { kpiTiles } from '../components/kpis.js';
import { matchingAction } from '../components/matching-action.js';
import { postForm } from '../components/post-form.js';
import { povertyImport } from '../components/poverty-import.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

/** Figures move while offers are answered by SMS: the tiles refresh while the dashboard is in view. */
const REFRESH_MS = 15_000;

export function dashboardView(ws: Workspace, updated: HTMLElement): View {
  let stats: Stats | undefined;
  let vacancies: Vacancy[] = [];
  const kpis = kpiTiles();
  const charts = countyCharts();
  // An answer for a county no longer shown (an admin switched meanwhile) is dropped.
  const loadStats = async () => {
    const county = ws.county();
    const answer = await get<Stats>('/stats', { ...ws.opts, query: { county } });
    if (county !== ws.county()) return;
    stats = answer;
    kpis.render(stats);
    charts.render(stats, vacancies);
    replace(updated, text(msg('coord.updated', { time: new Date(stats.asOf).toLocaleTimeString() })));
  };
  const loadVacancies = async () => {
    const county = ws.county();
    const answer = await get<Vacancy[]>('/vacancies', { ...ws.opts, query: { county } });
    if (county !== ws.county()) return;
    vacancies = answer;
    charts.render(stats, vacancies);
  };
  const phoneChanges = phoneChangesCard(ws.session, () => ws.directory.clear());
  const reload = () => Promise.all([loadStats(), loadVacancies()]);

  const actions = h(
    'section',
    { class: 'card actions-card' },
    h('h2', null, text('coord.actions')),
    matchingAction(ws, () => void reload()),
    povertyImport(ws, () => void loadStats()),
    postForm(ws, () => void reload()),
    ws.session.role === 'admin' ? nationalRunAction(ws.session, () => void reload()) : null,
  );
  const el = h('div', { class: 'view view-dashboard' }, kpis.el, h('div', { class: 'columns columns-wide' }, charts.el, actions), phoneChanges.el);

  onLanguageChange(() => {
    kpis.render(stats);
    charts.render(stats, vacancies);
  });
  setInterval(() => {
    if (el.isConnected && document.visibilityState === 'visible') void loadStats().catch(() => undefined);
  }, REFRESH_MS);

  return {
    el,
    async show() {
      await Promise.all([reload(), phoneChanges.load(ws.county())]);
    },
  };
}
