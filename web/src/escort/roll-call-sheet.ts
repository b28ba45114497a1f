// The printable roll-call sheet: one page per pickup point (seat, name, masked ID, phone, a box to tick and
// a column to sign), for an escort who prefers paper or whose phone runs flat.
import type { BoardingList } from '../api.js';
import { h, text } from '../dom.js';
import { msg } from '../i18n.js';
import { table } from '../workspace/components/table.js';
import { byPickup } from './roll-call.js';

export function rollCallSheet(list: BoardingList): HTMLElement {
  return h(
    'div',
    { class: 'print-only roll-call-sheet', 'data-testid': 'roll-call-sheet' },
    [...byPickup(list.passengers)].map(([pickup, people]) =>
      h(
        'section',
        { class: 'sheet' },
        h('h2', null, text(msg('escort.sheetTitle', { date: list.date, time: list.departureTime, pickup, destination: list.destinationName }))),
        table(
          ['escort.seat', 'escort.name', 'escort.id', 'escort.phone', 'escort.tick', 'escort.sign'],
          people.map((p) => [String(p.seatNo), p.name, p.idNumberMasked, p.phone.replace(/^\+86/, ''), p.boarding === 'present' ? '✓' : p.boarding === 'absent' ? '✗' : '', '']),
        ),
      ),
    ),
  );
}
