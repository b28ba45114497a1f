// One offer: who, which job, its status and the reasons it was made.
import type { Offer } from '../../api.js';
import { formatDateTime, h, text } from '../../dom.js';
import { msg } from '../../i18n.js';
import { formatPhone } from '../../phone-book.js';
import { placeFullName } from '../../places.js';
import type { LabourerDirectory } from '../workspace.js';
import { reasonTag, statusBadge } from './table.js';

/** `titles`: the county's vacancy titles, for offers whose view has none. */
export function offerCard(o: Offer, directory: LabourerDirectory, titles: ReadonlyMap<string, string> = new Map()): HTMLElement {
  const person = directory.get(o.labourerId);
  const what = [o.vacancyTitle ?? titles.get(o.vacancyId), o.vacancyCounty ? placeFullName(o.vacancyCounty) : undefined].filter(Boolean).join(' · ') || o.vacancyId;
  return h(
    'article',
    { class: `offer offer-${o.status}`, 'data-offer': o.id },
    h(
      'header',
      { class: 'offer-head' },
      h('a', { class: 'offer-who', href: `#/people/${o.labourerId}` }, h('strong', null, person ? `${person.name} · ${formatPhone(person.phone)}` : o.labourerId)),
      h('span', { class: 'offer-arrow', 'aria-hidden': 'true' }, '→'),
      h('span', { class: 'offer-what' }, what, o.vacancyKind ? h('small', { class: 'muted' }, ' · ', text(msg('kind', { v: o.vacancyKind }))) : null),
      statusBadge('status.offer', o.status),
    ),
    h('ul', { class: 'reasons', 'data-testid': 'reasons' }, o.reasons.map(reasonTag)),
    h(
      'p',
      { class: 'muted small' },
      text(msg('coord.offers.fit', { fit: Math.round(o.fit * 100) / 100 })),
      ' · ',
      text(msg(o.answeredAt ? 'coord.offers.answered' : 'coord.offers.respondBy', { time: formatDateTime(o.answeredAt ?? o.respondBy) })),
    ),
  );
}
