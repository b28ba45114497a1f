// 包车: the county's pickup points; plan the buses for accepted offers that need travel (fleet, stops, days);
// the plan by day, each bus with its vehicle, stops and passengers, editable in place (components/trip-card.ts);
// book them (seats and SMS notices), download manifests.
import { ApiError, get, post, type Trip, type TripPlan } from '../../api.js';
import { h, replace, text, toast } from '../../dom.js';
import { msg, onLanguageChange } from '../../i18n.js';
import { bookAllTrips } from '../components/book-all-trips.js';
import { pickupPointsEditor } from '../components/pickup-points.js';
import { planForm, type PlanBody } from '../components/plan-form.js';
import { empty } from '../components/table.js';
import { tripCard } from '../components/trip-card.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

const EDITABLE = new Set(['proposed', 'booked']);

export function tripsView(ws: Workspace): View {
  let trips: Trip[] = [];
  let lastPlan: TripPlan | undefined;
  let available = true;

  const summary = h('div', { class: 'result', 'data-testid': 'plan-result', 'aria-live': 'polite' });
  const notice = h('p', { class: 'notice', hidden: true, 'data-testid': 'trips-unavailable' }, text('coord.trips.unavailable'));
  const list = h('div', { class: 'trip-list', 'data-testid': 'trips' });
  const pickupPoints = pickupPointsEditor(ws);
  const form = planForm(() => ws.county(), plan);

  async function plan(body: PlanBody): Promise<void> {
    try {
      lastPlan = await post<TripPlan>('/trips/plan', body, ws.opts);
    } catch (error) {
      if (isMissingRoute(error)) return markUnavailable();
      throw error;
    }
    await ws.directory.ensure();
    const line = msg('coord.trips.planned', {
      buses: lastPlan.vehicles ?? lastPlan.buses,
      cost: lastPlan.cost ?? lastPlan.buses,
      lower: lastPlan.lowerBound,
      gap: lastPlan.gap ?? 0,
      passengers: lastPlan.trips.reduce((n, trip) => n + trip.passengers.length, 0),
      unplanned: lastPlan.unplanned.length,
    });
    replace(
      summary,
      h('p', null, text(line)),
      lastPlan.unplanned.length
        ? h('ul', { class: 'unplanned' }, lastPlan.unplanned.map((u) => h('li', null, ws.directory.get(u.labourerId)?.name ?? u.labourerId, ' — ', text(msg('unplanned', { v: u.reason ?? '' })))))
        : null,
    );
    toast(text(line));
    await load();
  }

  function isMissingRoute(error: unknown): boolean {
    return error instanceof ApiError && (error.status === 404 || error.status === 405) && error.code !== 'VALIDATION';
  }

  function markUnavailable(): void {
    available = false;
    notice.hidden = false;
    form.button.disabled = true;
    replace(list);
  }

  async function load(): Promise<void> {
    if (!available) return;
    const county = ws.county();
    void pickupPoints.load().catch(() => undefined);
    try {
      const answer = await get<Trip[]>('/trips', { ...ws.opts, query: { county } });
      if (county !== ws.county()) return;
      trips = answer;
    } catch (error) {
      if (!isMissingRoute(error)) throw error;
      // Without the list, the plan's answer still shows what the buses would be.
      if (!lastPlan) return markUnavailable();
      trips = lastPlan.trips;
    }
    await ws.directory.ensure();
    render();
  }

  /** The plan by day: each day's buses, by destination. */
  function render(): void {
    const shown = trips.filter((trip) => trip.status !== 'cancelled');
    if (shown.length === 0) return replace(list, empty('coord.trips.none'));
    const sorted = [...shown].sort((a, b) => a.date.localeCompare(b.date) || (a.departureTime ?? '').localeCompare(b.departureTime ?? '') || a.destination.localeCompare(b.destination));
    const editable = sorted.filter((t) => EDITABLE.has(t.status ?? 'proposed'));
    const boarding = sorted.filter((t) => t.status === 'boarding');
    // Someone still waiting (on a proposed bus) may also take a no-show's seat on a bus at its roll call.
    const targetsFor = (trip: Trip) => [...editable, ...(trip.status === 'proposed' ? boarding : [])].filter((o) => o.id !== trip.id);
    const days = [...new Set(sorted.map((t) => t.date))];
    replace(
      list,
      days.map((date) => {
        const buses = sorted.filter((t) => t.date === date);
        return h(
          'section',
          { class: 'trip-day', 'data-day': date },
          h('h3', null, text(msg('coord.trips.day', { date, n: buses.length }))),
          buses.map((trip) => tripCard(ws, trip, targetsFor(trip), load)),
        );
      }),
    );
  }

  onLanguageChange(() => available && render());
  // Another county's plan is not this one's.
  ws.onCountyChange(() => {
    lastPlan = undefined;
    trips = [];
    replace(summary);
  });
  return {
    el: h(
      'section',
      { class: 'card view' },
      h('h2', null, text('tab.trips')),
      h('p', { class: 'muted' }, text('coord.trips.help')),
      notice,
      pickupPoints.el,
      form.el,
      summary,
      bookAllTrips(ws, load),
      list,
    ),
    show: load,
  };
}
