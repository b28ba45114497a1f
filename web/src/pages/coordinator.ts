// `/coordinator`: the county coordinator's workspace. One view a file (web/src/workspace/views/), chosen by
// the address's hash (#/people/01H…), with the county being worked on and a names directory shared
// through the Workspace; each view reads its own data when shown.
import { errorText, h, replace, text, toast } from '../dom.js';
import type { Key } from '../i18n.js';
import { mountPage } from '../layout.js';
import { placeFullName } from '../places.js';
import { placePicker } from '../widgets/place-picker.js';
import { startRouter, type Route, type View } from '../workspace/router.js';
import { dashboardView } from '../workspace/views/dashboard.js';
import { messagesView } from '../workspace/views/messages.js';
import { broadcastsView } from '../workspace/views/broadcasts.js';
import { offersView } from '../workspace/views/offers.js';
import { peopleView } from '../workspace/views/people.js';
import { personView } from '../workspace/views/person.js';
import { placementsView } from '../workspace/views/placements.js';
import { tripsView } from '../workspace/views/trips.js';
import { unmatchedView } from '../workspace/views/unmatched.js';
import { vacanciesView } from '../workspace/views/vacancies.js';
import { watchView } from '../workspace/views/watch.js';
import { createWorkspace, type Workspace } from '../workspace/workspace.js';

const { main, session } = mountPage('coordinator', {
  title: 'coord.title',
  roles: ['coordinator', 'admin'],
  examples: ['dev:coordinator:510822', 'dev:admin:all'],
});

/** The views in the navigation, in order; `people/<id>` shows a person under 劳动者. */
const NAV: { id: string; label: Key }[] = [
  { id: 'dashboard', label: 'tab.dashboard' },
  { id: 'people', label: 'tab.labourers' },
  { id: 'watch', label: 'tab.watch' },
  { id: 'vacancies', label: 'tab.vacancies' },
  { id: 'offers', label: 'tab.offers' },
  { id: 'unmatched', label: 'tab.unmatched' },
  { id: 'trips', label: 'tab.trips' },
  { id: 'placements', label: 'tab.placements' },
  { id: 'messages', label: 'tab.messages' },
  { id: 'broadcasts', label: 'tab.broadcasts' },
];

if (session) {
  const ws = createWorkspace(session);
  const updated = h('span', { class: 'muted small', 'data-testid': 'updated' });
  const factories: Record<string, (ws: Workspace) => View> = {
    dashboard: (w) => dashboardView(w, updated),
    people: (w) => {
      const list = peopleView(w);
      const person = personView(w);
      // One nav entry, two views: the list, or one person.
      const el = h('div', null, list.el, person.el);
      return {
        el,
        show: (route) => {
          list.el.hidden = Boolean(route.param);
          person.el.hidden = !route.param;
          return route.param ? person.show(route) : list.show(route);
        },
      };
    },
    watch: watchView,
    vacancies: vacanciesView,
    offers: offersView,
    unmatched: unmatchedView,
    trips: tripsView,
    placements: placementsView,
    messages: messagesView,
    broadcasts: broadcastsView,
  };
  const views = new Map<string, View>();
  const outlet = h('div', { class: 'workspace-view', 'data-testid': 'workspace-view' });
  let current: Route = { view: 'dashboard' };

  const heading = h('h1', null);
  const renderHeading = () => replace(heading, text('coord.heading'), h('span', { class: 'heading-place', 'data-testid': 'county' }, `${placeFullName(ws.county())} · ${ws.county()}`));
  renderHeading();
  const refresh = h('button', { type: 'button', class: 'button small', 'data-testid': 'refresh' }, text('common.refresh'));
  refresh.addEventListener('click', () => void show(current));
  const countyPicker =
    session.role === 'admin'
      ? placePicker({ id: 'admin-county', levels: ['county'], multiple: false, placeholder: 'coord.adminCounty', onChange: () => ws.setCounty(countyPicker!.value()[0] ?? ws.county()) })
      : undefined;
  countyPicker?.set([ws.county()]);
  ws.onCountyChange(() => {
    renderHeading();
    void show(current);
  });

  const links = NAV.map((v) => h('a', { id: `tab-${v.id}`, href: `#/${v.id}`, class: 'view-link', 'data-view': v.id }, text(v.label)));
  const nav = h('nav', { class: 'view-nav', 'data-testid': 'view-nav', i18n: { 'aria-label': 'coord.views' } }, links);

  async function show(route: Route): Promise<void> {
    current = route;
    const id = factories[route.view] ? route.view : 'dashboard';
    for (const link of links) link.setAttribute('aria-current', String(link.dataset.view === id ? 'page' : false));
    let view = views.get(id);
    if (!view) views.set(id, (view = factories[id]!(ws)));
    replace(outlet, view.el);
    try {
      await view.show(route);
    } catch (error) {
      toast(errorText(error), 'error');
    }
  }

  replace(main, h('div', { class: 'dash-head' }, heading, h('div', { class: 'row' }, countyPicker?.el ?? null, updated, refresh)), nav, outlet);
  startRouter('dashboard', (route) => void show(route));
}
