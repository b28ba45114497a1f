// The roll call on the escort's phone: passengers by pickup point in route order, each with two big buttons
// (到了 / 未到) until the bus leaves, then read-only with each one's outcome. A passenger who texted their boarding code shows as checked in on the next refresh.
import { post, type BoardingList, type BoardingPassenger } from '../api.js';
import { busy, h, text, toast } from '../dom.js';
import { msg } from '../i18n.js';
import type { Session } from '../auth.js';

/** Passengers grouped by pickup, keeping the list's order (route order, then seat). */
export function byPickup(passengers: readonly BoardingPassenger[]): Map<string, BoardingPassenger[]> {
  const groups = new Map<string, BoardingPassenger[]>();
  for (const p of passengers) groups.set(p.pickup, [...(groups.get(p.pickup) ?? []), p]);
  return groups;
}

export function rollCall(session: Session, list: BoardingList, onChange: () => Promise<void>): HTMLElement {
  const open = list.status === 'booked' || list.status === 'boarding';
  const mark = (p: BoardingPassenger, present: boolean) => {
    const button = h(
      'button',
      {
        type: 'button',
        class: `button big ${present ? 'primary' : 'danger'}`,
        'data-testid': present ? 'board-present' : 'board-absent',
        'aria-pressed': String(p.boarding === (present ? 'present' : 'absent')),
        disabled: !open || p.boarding === (present ? 'present' : 'absent'),
      },
      text(present ? 'escort.present' : 'escort.absent'),
    );
    button.addEventListener('click', () =>
      void busy(button, async () => {
        await post(`/trips/${list.tripId}/boarding`, { labourerId: p.labourerId, present }, { session });
        toast(text(msg(present ? 'escort.presentDone' : 'escort.absentDone', { name: p.name })));
        await onChange();
      }),
    );
    return button;
  };
  return h(
    'div',
    { class: 'roll-call', 'data-testid': 'roll-call' },
    [...byPickup(list.passengers)].map(([pickup, people]) =>
      h(
        'section',
        { class: 'card pickup-group', 'data-pickup': pickup },
        h(
          'h2',
          null,
          pickup,
          ' ',
          people[0]?.pickupTime ? h('small', { class: 'pickup-time' }, text(msg('escort.pickupAt', { time: people[0].pickupTime }))) : null,
          ' ',
          h('small', { class: 'muted' }, text(msg('escort.groupCount', { n: people.length, present: people.filter((p) => p.boarding === 'present').length }))),
        ),
        h(
          'ul',
          { class: 'passengers' },
          people.map((p) =>
            h(
              'li',
              { class: `passenger boarding-${p.boarding ?? 'unchecked'}`, 'data-passenger': p.labourerId },
              h(
                'div',
                { class: 'passenger-who' },
                h('strong', null, `${p.seatNo}号 ${p.name}`),
                h('a', { href: `tel:${p.phone}`, class: 'muted' }, p.phone.replace(/^\+86/, '')),
                h('span', { class: `badge status-${p.boarding ?? 'unchecked'}` }, text(msg('escort.state', { v: p.boarding ?? 'unchecked' }))),
              ),
              // Once the bus has left the list is the outcome: no buttons to tap.
              open ? h('div', { class: 'passenger-actions' }, mark(p, true), mark(p, false)) : null,
            ),
          ),
        ),
      ),
    ),
  );
}
