// The bus plan's inputs (POST /trips/plan): the fleet as a small table of vehicle types (seats, cost),
// seats and load factor, stops and drops per bus, the departure window or chosen days, the day cap, the
// pickup point and time. An empty field takes the API's default; anything typed is sent as it is. A seat
// count typed in 每车座位 plans one bus type of that size (the season-1 way) instead of the fleet.
// The fields start at the API's own defaults (the planner's settings for no options), so what is shown is
// what is planned. Every error the API names shows under its field, a fleet row's under that row's input.
import { DEFAULT_FLEET, settingsOf } from '../../../../functions/domain/transport/plan-options.js';
import { busy, h, text } from '../../dom.js';
import { t } from '../../i18n.js';
import { fieldErrors } from './field-errors.js';
import { labelled } from './table.js';

export interface PlanBody {
  county: string;
  [field: string]: unknown;
}

/** What the planner uses when an option is not given. */
const DEFAULTS = settingsOf({});

export function planForm(county: () => string, onPlan: (body: PlanBody) => Promise<void>): { el: HTMLFormElement; button: HTMLButtonElement } {
  const input = (id: string, props: Record<string, unknown> = {}) => h('input', { id, class: 'input', ...props });
  const capacity = input('t-capacity', { type: 'number', inputmode: 'numeric', min: 1, max: 100, i18n: { placeholder: 'coord.trips.capacityFleet' } });
  const loadFactor = input('t-load', { type: 'number', inputmode: 'decimal', min: 0.1, max: 1, step: 0.05, value: '1' });
  const perDay = input('t-perday', { type: 'number', inputmode: 'numeric', min: 1, i18n: { placeholder: 'coord.trips.perDayAny' } });
  const maxStops = input('t-stops', { type: 'number', inputmode: 'numeric', min: 1, max: 10, value: String(DEFAULTS.maxStops) });
  const maxDrops = input('t-drops', { type: 'number', inputmode: 'numeric', min: 1, max: 5, value: String(DEFAULTS.maxDrops) });
  const dropRadius = input('t-radius', { type: 'number', inputmode: 'decimal', min: 0, max: 500, value: String(DEFAULTS.dropRadiusKm) });
  const departFrom = input('t-from', { type: 'date' });
  const departTo = input('t-to', { type: 'date' });
  const dates = input('t-dates', { maxlength: 2000, i18n: { placeholder: 'coord.trips.datesHint' } });
  const pickup = input('t-pickup', { maxlength: 40, i18n: { placeholder: 'coord.trips.pickupDefault' } });
  const departure = input('t-time', { type: 'time', value: DEFAULTS.departureTime });

  const fleetRows = h('tbody', null);
  const addRow = (seats = '', cost = '') => {
    const seatsInput = h('input', { class: 'input small', type: 'number', inputmode: 'numeric', min: 1, max: 80, value: seats, 'data-fleet': 'seats', i18n: { 'aria-label': 'coord.trips.fleetSeats' } });
    const costInput = h('input', { class: 'input small', type: 'number', inputmode: 'decimal', min: 0, step: 0.05, value: cost, 'data-fleet': 'cost', i18n: { 'aria-label': 'coord.trips.fleetCost' } });
    const remove = h('button', { type: 'button', class: 'button small', i18n: { 'aria-label': 'coord.trips.fleetRemove' } }, '×');
    const row = h('tr', null, h('td', null, seatsInput), h('td', null, costInput), h('td', null, remove));
    remove.addEventListener('click', () => row.remove());
    fleetRows.append(row);
  };
  for (const v of DEFAULT_FLEET) addRow(String(v.seats), String(v.cost));
  const add = h('button', { type: 'button', class: 'button small', 'data-testid': 'fleet-add' }, text('coord.trips.fleetAdd'));
  add.addEventListener('click', () => addRow());
  const fleet = h(
    'table',
    { class: 'table fleet', id: 't-fleet', 'data-testid': 'fleet' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, text('coord.trips.fleetSeats')), h('th', { scope: 'col' }, text('coord.trips.fleetCost')), h('th', null))),
    fleetRows,
  );

  const planButton = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'plan-trips' }, text('coord.trips.plan'));
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'plan-form' },
    h('fieldset', { class: 'fleet-box' }, h('legend', null, text('coord.trips.fleet')), fleet, add),
    h('div', { class: 'grid-3' }, labelled('t-capacity', 'coord.trips.capacity', capacity), labelled('t-load', 'coord.trips.loadFactor', loadFactor), labelled('t-perday', 'coord.trips.perDay', perDay)),
    h('div', { class: 'grid-3' }, labelled('t-stops', 'coord.trips.maxStops', maxStops), labelled('t-drops', 'coord.trips.maxDrops', maxDrops), labelled('t-radius', 'coord.trips.dropRadius', dropRadius)),
    h('div', { class: 'grid-3' }, labelled('t-from', 'coord.trips.departFrom', departFrom), labelled('t-to', 'coord.trips.departTo', departTo), labelled('t-dates', 'coord.trips.departureDates', dates)),
    h('div', { class: 'grid-2' }, labelled('t-pickup', 'coord.trips.pickup', pickup), labelled('t-time', 'coord.trips.time', departure)),
    h('div', { class: 'actions' }, planButton),
  );
  const errors = fieldErrors({
    fleet,
    capacity,
    loadFactor,
    maxDeparturesPerDay: perDay,
    maxStops,
    maxDrops,
    dropRadiusKm: dropRadius,
    departFrom,
    departTo,
    departureDates: dates,
    pickupPoint: pickup,
    departureTime: departure,
  }, (path) => {
    // fleet.<row>.<seats|cost>: that row's input; departureDates.<i>: the dates field, naming the date typed.
    const [field, index, part] = path.split('.');
    const i = Number(index);
    if (field === 'fleet' && Number.isInteger(i)) {
      const row = fleetRows.querySelectorAll('tr')[filledRows()[i] ?? -1];
      const cell = row?.querySelector<HTMLElement>(`[data-fleet=${part === 'cost' ? 'cost' : 'seats'}]`);
      return cell ? { input: cell } : { input: fleet, prefix: t('coord.trips.fleetRow', { n: i + 1 }) };
    }
    if (field === 'departureDates' && Number.isInteger(i)) return { input: dates, prefix: `“${dateList()?.[i] ?? ''}”：` };
    const named: Record<string, HTMLElement> = { capacity, loadFactor, maxStops, maxDrops, departFrom, departTo };
    return field && named[field] ? { input: named[field]! } : undefined;
  });
  const number = (el: HTMLInputElement) => (el.value.trim() === '' ? undefined : Number(el.value));
  const rowValues = () =>
    [...fleetRows.querySelectorAll('tr')].map((row) => ({
      seats: number(row.querySelector<HTMLInputElement>('[data-fleet=seats]')!),
      cost: number(row.querySelector<HTMLInputElement>('[data-fleet=cost]')!),
    }));
  /** The table rows sent (empty ones are left out): the API's fleet.<i> is the table's row filledRows()[i]. */
  const filledRows = () => rowValues().flatMap((r, row) => (r.seats !== undefined || r.cost !== undefined ? [row] : []));
  const fleetValue = () => {
    const rows = rowValues();
    const filled = filledRows().map((row) => rows[row]!);
    return filled.length > 0 ? filled : undefined;
  };
  // 2027-03-01, 2027-03-03 or 3/1 … : what was typed, split on commas and spaces (the API says what is wrong).
  const dateList = () => {
    const items = dates.value.split(/[\s,，、]+/).filter(Boolean);
    return items.length > 0 ? items : undefined;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    errors.clear();
    void busy(
      planButton,
      () =>
        onPlan({
          county: county(),
          ...(number(capacity) !== undefined ? { capacity: number(capacity) } : { fleet: fleetValue() }),
          loadFactor: number(loadFactor),
          maxDeparturesPerDay: number(perDay),
          maxStops: number(maxStops),
          maxDrops: number(maxDrops),
          dropRadiusKm: number(dropRadius),
          departFrom: departFrom.value || undefined,
          departTo: departTo.value || undefined,
          departureDates: dateList(),
          pickupPoint: pickup.value.trim() || undefined,
          departureTime: departure.value || undefined,
        }),
      errors.show,
    );
  });
  return { el: form, button: planButton };
}
