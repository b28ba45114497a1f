// The printable roll-call sheet: one page per pickup point (seat, name, masked ID, phone, a box to tick and
// a column to sign), for an escort who prefers paper or whose phone runs flat. Each page is headed with its
// own pickup time, the plate, the escort and the counts (应到 / 实到).
import type { BoardingList } from '../api.js';
import { h, text } from '../dom.js';
import { msg, t } from '../i18n.js';
import { table } from '../workspace/components/table.js';
import { byPickup } from './roll-call.js';

/** The stop's own time (the trip's stops), else the passenger's, else the departure. */
function pickupTime(list: BoardingList, pickup: string, passengerTime: string | undefined): string {
  return list.stops?.find((s) => s.kind === 'pickup' && s.name === pickup)?.time ?? passengerTime ?? list.departureTime;
}

export function rollCallSheet(list: BoardingList): HTMLElement {
  return h(
    'div',
    { class: 'print-only roll-call-sheet', 'data-testid': 'roll-call-sheet' },
    [...byPickup(list.passengers)].map(([pickup, people]) =>
      h(
        'section',
        { class: 'sheet', 'data-pickup': pickup },
        h('h2', null, text(msg('escort.sheetTitle', { date: list.date, time: pickupTime(list, pickup, people[0]?.pickupTime), pickup, destination: list.destinationName }))),
        h(
          'p',
          { class: 'sheet-meta' },
          text(
            msg('escort.sheetMeta', {
              plate: list.vehiclePlate ?? t('escort.sheetMetaNone'),
              escort: list.escort || list.escortPhone ? [list.escort, list.escortPhone].filter(Boolean).join(' ') : t('escort.sheetMetaNone'),
              expected: people.length,
              present: people.filter((p) => p.boarding === 'present').length,
            }),
          ),
        ),
        table(
          ['escort.seat', 'escort.name', 'escort.id', 'escort.phone', 'escort.tick', 'escort.sign'],
          people.map((p) => [String(p.seatNo), p.name, p.idNumberMasked, p.phone.replace(/^\+86/, ''), p.boarding === 'present' ? '✓' : p.boarding === 'absent' ? '✗' : '', '']),
        ),
      ),
    ),
  );
}
