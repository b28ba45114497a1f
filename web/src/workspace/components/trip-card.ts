// One bus of the plan: its vehicle, stops in order with times, and passengers grouped by where they board.
// While it is proposed or booked, its day, time, vehicle, plate and escort are edited in place (PATCH),
// picked (or dragged) passengers move to another bus or split onto a new one, and the whole bus merges
// into another.
import { download, patch, post, type Booking, type Trip } from '../../api.js';
import { busy, h, text, toast, toastError } from '../../dom.js';
import { msg, t } from '../../i18n.js';
import { placeName } from '../../places.js';
import { escortLinks } from './escort-link.js';
import { fieldErrors } from './field-errors.js';
import { statusBadge } from './table.js';
import type { Workspace } from '../workspace.js';

const VEHICLES = [53, 45, 35, 19, 7];
const EDITABLE = new Set(['proposed', 'booked']);

/** The drag's data type: a passenger leaving a bus. */
const DRAGGED = 'application/x-chunfeng-passenger';

const stopKey = (stop: { code?: string; name: string }) => stop.code ?? stop.name;

export function tripCard(ws: Workspace, trip: Trip, others: readonly Trip[], reload: () => Promise<void>): HTMLElement {
  const status = trip.status ?? 'proposed';
  const editable = EDITABLE.has(status);
  const passengers = trip.passengers ?? [];
  const stops = trip.stops ?? [{ kind: 'pickup' as const, name: trip.pickupPoint ?? '', time: trip.departureTime }];
  const riders = new Map((trip.riders ?? []).map((r) => [r.labourerId, r]));
  const name = (id: string) => ws.directory.get(id)?.name ?? id.slice(-6);

  // Passengers by pickup stop, in the stops' order; anyone whose stop is unknown boards at the first.
  const pickups = stops.filter((s) => s.kind === 'pickup');
  const firstPickup = pickups[0] ? stopKey(pickups[0]) : '';
  const boardsAt = (id: string) => {
    const key = riders.get(id)?.pickup;
    return pickups.some((s) => stopKey(s) === key || s.name === key) ? key! : firstPickup;
  };
  const picks: HTMLInputElement[] = [];
  const groups = pickups.map((stop) => {
    const here = passengers.filter((id) => [stopKey(stop), stop.name].includes(boardsAt(id)));
    if (here.length === 0) return null;
    return h(
      'div',
      { class: 'pickup-group' },
      h('span', { class: 'muted' }, stop.name, stop.time ? ` ${stop.time}` : ''),
      h('span', { class: 'row wrap' }, here.map((id) => passengerChip(id))),
    );
  });
  function passengerChip(id: string): HTMLElement {
    if (!editable) return h('a', { class: 'tag', href: `#/people/${id}` }, name(id));
    const pick = h('input', { type: 'checkbox', value: id, 'data-testid': 'passenger-pick' });
    picks.push(pick);
    const chip = h('label', { class: 'tag pick', 'data-passenger': id, draggable: 'true' }, pick, ' ', name(id));
    // Dragged onto another bus's card: the same move as picking it and choosing that bus.
    chip.addEventListener('dragstart', (e) => e.dataTransfer?.setData(DRAGGED, JSON.stringify({ labourerId: id, fromTripId: trip.id })));
    return chip;
  }
  const picked = () => picks.filter((p) => p.checked).map((p) => p.value);

  const title = `${placeName(trip.county ?? ws.county())} → ${trip.destinationName ?? placeName(trip.destination)}`;
  const card = h(
    'article',
    { class: `trip trip-${status}`, 'data-trip': trip.id, 'data-testid': 'trip-card' },
    h(
      'header',
      { class: 'trip-head' },
      h('span', { class: 'trip-bus', 'aria-hidden': 'true' }),
      h('strong', null, title),
      h('span', { class: 'muted', 'data-testid': 'trip-vehicle-type' }, text(msg('coord.trips.vehicle', { seats: trip.vehicleSeats ?? trip.seats ?? '?' }))),
      statusBadge('status.trip', status),
    ),
    h(
      'p',
      { class: 'meta' },
      h('span', { 'data-testid': 'trip-when' }, text(msg('coord.trips.date', { date: trip.date, time: trip.departureTime ?? '' }))),
      trip.arrivalDate ? h('span', { 'data-testid': 'trip-arrival' }, text(msg('coord.trips.arrival', { date: trip.arrivalDate }))) : null,
      h('span', { 'data-testid': 'trip-seats' }, seatCount()),
      trip.vehiclePlate ? h('span', null, trip.vehiclePlate) : null,
      trip.escort ? h('span', null, trip.escort) : null,
    ),
    h('ol', { class: 'stops', 'data-testid': 'trip-stops' }, stops.map((s) => h('li', { class: `stop stop-${s.kind}` }, text(s.kind === 'pickup' ? 'coord.trips.stopPickup' : 'coord.trips.stopDrop'), ' ', s.name, s.time ? ` ${s.time}` : ''))),
    h('div', { class: 'passengers' }, groups),
    editable ? editForm() : null,
    editable && others.length > 0 ? moveRow() : null,
    h('div', { class: 'row wrap' }, status === 'proposed' ? bookButton() : null, status === 'booked' ? manifestButton() : null, editable && passengers.length > 0 ? splitButton() : null),
    ['booked', 'boarding', 'departed'].includes(status) ? escortLinks(ws.session, trip) : null,
  );
  if (editable) {
    card.addEventListener('dragover', (e) => {
      if (e.dataTransfer?.types.includes(DRAGGED)) e.preventDefault();
    });
    card.addEventListener('drop', (e) => {
      const dragged = e.dataTransfer?.getData(DRAGGED);
      if (!dragged) return;
      e.preventDefault();
      const { labourerId, fromTripId } = JSON.parse(dragged) as { labourerId: string; fromTripId: string };
      if (fromTripId === trip.id) return;
      void post<{ note?: string }>(`/trips/${trip.id}/passengers`, { labourerId, fromTripId }, ws.opts)
        .then(async (moved) => {
          toast(text(msg('coord.trips.moved', { n: 1 })));
          if (moved.note) toast(moved.note, 'info', 12000);
          await reload();
        })
        .catch(toastError);
    });
  }
  return card;

  /** Before the bus leaves: seats booked of passengers planned; once it has left, who came and who did not. */
  function seatCount(): HTMLElement {
    const taken = trip.seatsTaken ?? 0;
    if (status === 'departed' || status === 'arrived') {
      return text(msg('coord.trips.rollCount', { present: taken, absent: Math.max(0, passengers.length - taken), seats: trip.seats ?? '?' }));
    }
    return text(msg('coord.trips.seats', { taken, passengers: passengers.length, seats: trip.seats ?? '?' }));
  }

  function editForm(): HTMLElement {
    const date = h('input', { class: 'input small', type: 'date', value: trip.date, 'data-testid': 'trip-date', i18n: { 'aria-label': 'coord.trips.editDate' } });
    const time = h('input', { class: 'input small', type: 'time', value: trip.departureTime ?? '', 'data-testid': 'trip-time', i18n: { 'aria-label': 'coord.trips.time' } });
    const current = trip.vehicleSeats ?? trip.seats;
    const choices = [...new Set([...VEHICLES, ...(current ? [current] : [])])].sort((a, b) => b - a);
    const vehicle = h(
      'select',
      { class: 'input small', 'data-testid': 'trip-vehicle', i18n: { 'aria-label': 'coord.trips.editVehicle' } },
      choices.map((seats) => h('option', { value: String(seats), selected: seats === current }, text(msg('coord.trips.vehicle', { seats })))),
    );
    const plate = h('input', { class: 'input small', maxlength: 12, value: trip.vehiclePlate ?? '', 'data-testid': 'trip-plate', i18n: { placeholder: 'coord.trips.plate', 'aria-label': 'coord.trips.plate' } });
    const escort = h('input', { class: 'input small', maxlength: 40, value: trip.escort ?? '', 'data-testid': 'trip-escort', i18n: { placeholder: 'coord.trips.escort', 'aria-label': 'coord.trips.escort' } });
    const save = h('button', { type: 'submit', class: 'button small', 'data-testid': 'trip-save' }, text('common.save'));
    const form = h('form', { class: 'row wrap trip-details', novalidate: true }, date, time, vehicle, plate, escort, save);
    const errors = fieldErrors({ date, departureTime: time, vehicleSeats: vehicle, vehiclePlate: plate, escort });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      errors.clear();
      // Only what changed: the passengers' SMS lists exactly that.
      const change: Record<string, unknown> = {};
      if (date.value && date.value !== trip.date) change.date = date.value;
      if (time.value && time.value !== trip.departureTime) change.departureTime = time.value;
      if (Number(vehicle.value) !== current) change.vehicleSeats = Number(vehicle.value);
      if (plate.value.trim() && plate.value.trim() !== (trip.vehiclePlate ?? '')) change.vehiclePlate = plate.value.trim();
      if (escort.value.trim() && escort.value.trim() !== (trip.escort ?? '')) change.escort = escort.value.trim();
      void busy(
        save,
        async () => {
          if (Object.keys(change).length > 0) await patch(`/trips/${trip.id}`, change, ws.opts);
          toast(text('coord.trips.saved'));
          await reload();
        },
        errors.show,
      );
    });
    return form;
  }

  function moveRow(): HTMLElement {
    const target = h(
      'select',
      { class: 'input small', 'data-testid': 'move-target', i18n: { 'aria-label': 'coord.trips.moveTarget' } },
      h('option', { value: '' }, text('coord.trips.moveTarget')),
      // Two buses of one day and city differ by vehicle, first pickup and a short number (issue #17).
      others.map((o) =>
        h(
          'option',
          { value: o.id },
          t('coord.trips.busOption', {
            date: o.date,
            time: o.departureTime ?? '',
            vehicle: o.vehicleSeats ?? o.seats ?? '?',
            first: o.stops?.find((s) => s.kind === 'pickup')?.name ?? o.pickupPoint ?? '',
            dest: o.destinationName ?? placeName(o.destination),
            n: o.passengers.length,
            seats: o.seats ?? '?',
            short: o.id.slice(-4),
          }),
        ),
      ),
    );
    const move = h('button', { type: 'button', class: 'button small', 'data-testid': 'move-passengers' }, text('coord.trips.move'));
    move.addEventListener('click', () =>
      void busy(move, async () => {
        const ids = picked();
        if (!target.value || ids.length === 0) return void toast(text('coord.trips.pickFirst'), 'info');
        const notes: string[] = [];
        for (const labourerId of ids) {
          const moved = await post<{ note?: string }>(`/trips/${target.value}/passengers`, { labourerId, fromTripId: trip.id }, ws.opts);
          if (moved.note) notes.push(moved.note);
        }
        toast(text(msg('coord.trips.moved', { n: ids.length })));
        // Where someone boards when the bus got a new stop, or could not stop at theirs.
        for (const note of notes) toast(note, 'info', 12000);
        await reload();
      }),
    );
    const merge = h('button', { type: 'button', class: 'button small', 'data-testid': 'merge-trip' }, text('coord.trips.merge'));
    merge.addEventListener('click', () =>
      void busy(merge, async () => {
        if (!target.value) return void toast(text('coord.trips.pickTarget'), 'info');
        const result = await post<{ moved: number; skipped: unknown[] }>(`/trips/${trip.id}/merge`, { intoTripId: target.value }, ws.opts);
        toast(text(result.skipped.length > 0 ? msg('coord.trips.merged', { n: result.moved, skipped: result.skipped.length }) : msg('coord.trips.mergedAll', { n: result.moved })));
        await reload();
      }),
    );
    return h('div', { class: 'row wrap move-row' }, target, move, merge);
  }

  function splitButton(): HTMLElement {
    const split = h('button', { type: 'button', class: 'button small', 'data-testid': 'split-trip' }, text('coord.trips.split'));
    split.addEventListener('click', () =>
      void busy(split, async () => {
        const ids = picked();
        if (ids.length === 0) return void toast(text('coord.trips.pickFirst'), 'info');
        await post(`/trips/${trip.id}/split`, { labourerIds: ids }, ws.opts);
        toast(text(msg('coord.trips.splitDone', { n: ids.length })));
        await reload();
      }),
    );
    return split;
  }

  function bookButton(): HTMLElement {
    const book = h('button', { type: 'button', class: 'button small primary', 'data-testid': 'book-trip' }, text('coord.trips.book'));
    book.addEventListener('click', () =>
      void busy(book, async () => {
        const result = await post<Booking>(`/trips/${trip.id}/book`, {}, ws.opts);
        toast(text(msg('coord.trips.booked', { seats: result.booked ?? result.seats.length })));
        if (result.skipped?.length) toast(text(msg('coord.trips.skipped', { n: result.skipped.length })), 'info');
        await reload();
      }),
    );
    return book;
  }

  function manifestButton(): HTMLElement {
    const manifest = h('button', { type: 'button', class: 'button small', 'data-testid': 'download-manifest' }, text('coord.trips.manifest'));
    manifest.addEventListener('click', () => void busy(manifest, () => download(`/trips/${trip.id}/manifest.csv`, `manifest-${trip.date}-${trip.destination}.csv`, ws.opts)));
    return manifest;
  }
}
