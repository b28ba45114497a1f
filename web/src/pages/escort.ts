// `/escort#<tripId>`: the bus on its day, on the escort's phone — the roll call by pickup point, the departure
// once everyone is checked in or marked absent, the arrival, and a printable roll-call sheet. Open to the
// trip's escort (a one-day token from the coordinator) and to the county's coordinators.
import { ApiError, get, post, type BoardingList } from '../api.js';
import { busy, errorText, h, replace, text, toast } from '../dom.js';
import { msg, onLanguageChange } from '../i18n.js';
import { mountPage } from '../layout.js';
import { rollCall } from '../escort/roll-call.js';
import { rollCallSheet } from '../escort/roll-call-sheet.js';

const { main, session } = mountPage('escort', {
  title: 'escort.title',
  roles: ['escort', 'coordinator', 'admin'],
  examples: [],
  hideNavFor: ['escort'],
});

/** Re-read while the page is open: passengers check themselves in by SMS (上车 1234). */
const REFRESH_MS = 20_000;

if (session) {
  const tripId = decodeURIComponent(window.location.hash.replace(/^#\/?/, '')) || (session.role === 'escort' ? session.scope : '');
  const head = h('div', { class: 'escort-head' });
  const body = h('div', { 'aria-live': 'polite' });
  replace(main, head, body);
  let list: BoardingList | undefined;

  async function load(): Promise<void> {
    if (!tripId) return replace(body, h('p', { class: 'empty' }, text('escort.noTrip')));
    list = await get<BoardingList>(`/trips/${tripId}/boarding`, { session });
    render();
  }

  function render(): void {
    if (!list) return;
    const l = list;
    const open = l.status === 'booked' || l.status === 'boarding';
    const done = l.status === 'departed' || l.status === 'arrived';
    const depart = h('button', { type: 'button', class: 'button primary big', 'data-testid': 'depart', disabled: l.unchecked > 0 || !(l.status === 'booked' || l.status === 'boarding') }, text('escort.depart'));
    depart.addEventListener('click', () =>
      void busy(depart, async () => {
        const r = await post<{ departed: number; absent: number }>(`/trips/${l.tripId}/depart`, {}, { session });
        toast(text(msg('escort.departed', { n: r.departed, absent: r.absent })));
        await load();
      }),
    );
    const arrive = h('button', { type: 'button', class: 'button primary big', 'data-testid': 'arrive', hidden: l.status !== 'departed' }, text('escort.arrive'));
    arrive.addEventListener('click', () =>
      void busy(arrive, async () => {
        await post(`/trips/${l.tripId}/arrive`, {}, { session });
        toast(text('escort.arrived'));
        await load();
      }),
    );
    const print = h('button', { type: 'button', class: 'button', 'data-testid': 'print-sheet', on: { click: () => window.print() } }, text('escort.print'));
    replace(
      head,
      h('h1', null, text(msg('escort.heading', { date: l.date, time: l.departureTime, destination: l.destinationName }))),
      l.vehiclePlate || l.escort ? h('p', { class: 'muted', 'data-testid': 'trip-crew' }, [l.vehiclePlate, l.escort, l.escortPhone].filter(Boolean).join(' · ')) : null,
      h('p', { class: 'lead', 'data-testid': 'boarding-counts' }, h('span', { class: `badge status-${l.status}` }, text(msg('status.trip', { v: l.status }))), ' ', text(msg('escort.counts', { present: l.present, absent: l.absent, unchecked: l.unchecked }))),
      l.unchecked > 0 && open ? h('p', { class: 'hint' }, text('escort.departHint')) : null,
      done ? h('p', { class: 'hint', 'data-testid': 'trip-done' }, text(msg('escort.done', { v: l.status }))) : null,
      // 发车 while the roll call is open, 已到达 on the road, nothing to tap once there (or cancelled).
      h('div', { class: 'row escort-actions' }, open ? depart : null, l.status === 'departed' ? arrive : null, print),
    );
    replace(body, rollCall(session!, l, load), rollCallSheet(l));
  }

  onLanguageChange(render);
  const show = () =>
    load().catch((error) => replace(body, h('p', { class: 'field-error' }, error instanceof ApiError && error.status === 401 ? text('escort.expired') : errorText(error))));
  void show();
  window.addEventListener('hashchange', () => window.location.reload());
  setInterval(() => document.visibilityState === 'visible' && void load().catch(() => undefined), REFRESH_MS);
}
