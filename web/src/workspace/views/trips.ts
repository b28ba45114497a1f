// 包车: plan the county's buses for accepted offers that need travel, book them (seats and SMS notices),
// name the vehicle and escort, download manifests.
import { ApiError, download, get, patch, post, type Booking, type Trip, type TripPlan } from '../../api.js';
import { busy, h, replace, text, toast } from '../../dom.js';
import { msg, onLanguageChange } from '../../i18n.js';
import { placeName } from '../../places.js';
import { fieldErrors } from '../components/field-errors.js';
import { empty, labelled, statusBadge } from '../components/table.js';
import type { View } from '../router.js';
import { escortLinks } from '../components/escort-link.js';
import { bookAllTrips } from '../components/book-all-trips.js';
import type { Workspace } from '../workspace.js';

export function tripsView(ws: Workspace): View {
  let trips: Trip[] = [];
  let lastPlan: TripPlan | undefined;
  let available = true;

  const capacity = h('input', { id: 't-capacity', class: 'input', type: 'number', inputmode: 'numeric', min: 1, max: 100, value: '45' });
  const loadFactor = h('input', { id: 't-load', class: 'input', type: 'number', inputmode: 'decimal', min: 0.1, max: 1, step: 0.05, value: '1' });
  const perDay = h('input', { id: 't-perday', class: 'input', type: 'number', inputmode: 'numeric', min: 1, i18n: { placeholder: 'coord.trips.perDayAny' } });
  const pickup = h('input', { id: 't-pickup', class: 'input', maxlength: 40, i18n: { placeholder: 'coord.trips.pickupDefault' } });
  const departure = h('input', { id: 't-time', class: 'input', type: 'time', value: '07:30' });
  const planButton = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'plan-trips' }, text('coord.trips.plan'));
  const summary = h('div', { class: 'result', 'data-testid': 'plan-result', 'aria-live': 'polite' });
  const notice = h('p', { class: 'notice', hidden: true, 'data-testid': 'trips-unavailable' }, text('coord.trips.unavailable'));
  const list = h('div', { class: 'trip-list', 'data-testid': 'trips' });
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'plan-form' },
    h('div', { class: 'grid-3' }, labelled('t-capacity', 'coord.trips.capacity', capacity), labelled('t-load', 'coord.trips.loadFactor', loadFactor), labelled('t-perday', 'coord.trips.perDay', perDay)),
    h('div', { class: 'grid-2' }, labelled('t-pickup', 'coord.trips.pickup', pickup), labelled('t-time', 'coord.trips.time', departure)),
    h('div', { class: 'actions' }, planButton),
  );
  const errors = fieldErrors({ capacity, loadFactor, maxDeparturesPerDay: perDay, pickupPoint: pickup, departureTime: departure });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    errors.clear();
    void busy(planButton, plan, errors.show);
  });

  async function plan(): Promise<void> {
    // An empty field takes the API's default; anything typed is sent as it is (0 seats is an error, not "default").
    const number = (input: HTMLInputElement) => (input.value.trim() === '' ? undefined : Number(input.value));
    const body = {
      county: ws.county(),
      capacity: number(capacity),
      loadFactor: number(loadFactor),
      maxDeparturesPerDay: number(perDay),
      pickupPoint: pickup.value.trim() || undefined,
      departureTime: departure.value || undefined,
    };
    try {
      lastPlan = await post<TripPlan>('/trips/plan', body, ws.opts);
    } catch (error) {
      if (isMissingRoute(error)) return markUnavailable();
      throw error;
    }
    await ws.directory.ensure();
    const line = msg('coord.trips.planned', {
      buses: lastPlan.buses,
      lower: lastPlan.lowerBound,
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
    planButton.disabled = true;
    replace(list);
  }

  async function load(): Promise<void> {
    if (!available) return;
    const county = ws.county();
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

  function render(): void {
    const shown = trips.filter((trip) => trip.status !== 'cancelled');
    if (shown.length === 0) return replace(list, empty('coord.trips.none'));
    const sorted = [...shown].sort((a, b) => a.date.localeCompare(b.date) || a.destination.localeCompare(b.destination));
    replace(list, sorted.map(tripCard));
  }

  function tripCard(trip: Trip): HTMLElement {
    const status = trip.status ?? 'proposed';
    const book = h('button', { type: 'button', class: 'button small primary', 'data-testid': 'book-trip' }, text('coord.trips.book'));
    book.addEventListener('click', () => void busy(book, async () => {
      const result = await post<Booking>(`/trips/${trip.id}/book`, {}, ws.opts);
      toast(text(msg('coord.trips.booked', { seats: result.booked ?? result.seats.length })));
      if (result.skipped?.length) toast(text(msg('coord.trips.skipped', { n: result.skipped.length })), 'info');
      await load();
    }));
    const manifest = h('button', { type: 'button', class: 'button small', 'data-testid': 'download-manifest' }, text('coord.trips.manifest'));
    manifest.addEventListener('click', () => void busy(manifest, () => download(`/trips/${trip.id}/manifest.csv`, `manifest-${trip.date}-${trip.destination}.csv`, ws.opts)));
    const plate = h('input', { class: 'input small', maxlength: 12, value: trip.vehiclePlate ?? '', i18n: { placeholder: 'coord.trips.plate', 'aria-label': 'coord.trips.plate' } });
    const escort = h('input', { class: 'input small', maxlength: 40, value: trip.escort ?? '', i18n: { placeholder: 'coord.trips.escort', 'aria-label': 'coord.trips.escort' } });
    const save = h('button', { type: 'submit', class: 'button small' }, text('common.save'));
    const details = h('form', { class: 'row wrap trip-details', novalidate: true }, plate, escort, save);
    details.addEventListener('submit', (e) => {
      e.preventDefault();
      void busy(save, async () => {
        await patch(`/trips/${trip.id}`, { ...(plate.value.trim() ? { vehiclePlate: plate.value.trim() } : {}), ...(escort.value.trim() ? { escort: escort.value.trim() } : {}) }, ws.opts);
        toast(text('coord.trips.saved'));
        await load();
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
        h('strong', null, `${placeName(trip.county ?? ws.county())} → ${trip.destinationName ?? placeName(trip.destination)}`),
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
      h('p', { class: 'passengers' }, passengers.map((id) => h('a', { class: 'tag', href: `#/people/${id}` }, ws.directory.get(id)?.name ?? id.slice(-6)))),
      status !== 'cancelled' ? details : null,
      h('div', { class: 'row wrap' }, status === 'proposed' ? book : null, status === 'booked' ? manifest : null),
      ['booked', 'boarding', 'departed'].includes(status) ? escortLinks(ws.session, trip.id) : null,
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
    el: h('section', { class: 'card view' }, h('h2', null, text('tab.trips')), h('p', { class: 'muted' }, text('coord.trips.help')), notice, form, summary, bookAllTrips(ws, load), list),
    show: load,
  };
}
