// One offer: who, which job, its status and the reasons it was made.
import { post, type Offer } from '../../api.js';
import type { Session } from '../../auth.js';
import { busy, formatDateTime, h, text, toast } from '../../dom.js';
import { msg, type Key } from '../../i18n.js';
import { formatPhone } from '../../phone-book.js';
import { placeFullName } from '../../places.js';
import type { LabourerDirectory } from '../workspace.js';
import { confirmButton } from './confirm-button.js';
import { reasonTag, statusBadge } from './table.js';

/** `titles`: the county's vacancy titles, for offers whose view has none. */
export function offerCard(o: Offer, directory: LabourerDirectory, titles: ReadonlyMap<string, string> = new Map(), actions?: OfferActions): HTMLElement {
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
    actions && o.status === 'offered' ? offerActions(o, actions) : null,
  );
}

/** What a coordinator can do with an offer still waiting for its answer; `done` refreshes the list. */
export interface OfferActions {
  opts: { session: Session };
  done: () => Promise<void>;
}

function offerActions(o: Offer, { opts, done }: OfferActions): HTMLElement {
  const after = (key: Key) => async () => {
    toast(text(key));
    await done();
  };
  const resend = h('button', { type: 'button', class: 'button small', 'data-testid': 'resend-offer' }, text('coord.offers.resend'));
  resend.addEventListener('click', () => void busy(resend, () => post(`/offers/${o.id}/resend`, {}, opts).then(after('coord.offers.resent'))));
  const hours = h('select', { class: 'input small', 'data-testid': 'extend-hours', i18n: { 'aria-label': 'coord.offers.extendBy' } }, [24, 48, 72].map((n) => h('option', { value: String(n) }, text(msg('coord.offers.hours', { n })))));
  const extend = h('button', { type: 'button', class: 'button small', 'data-testid': 'extend-offer' }, text('coord.offers.extend'));
  extend.addEventListener('click', () => void busy(extend, () => post(`/offers/${o.id}/extend`, { hours: Number(hours.value) }, opts).then(after('coord.offers.extended'))));
  const withdraw = confirmButton({
    label: 'coord.offers.withdraw',
    question: 'coord.offers.withdrawConfirm',
    testId: 'withdraw-offer',
    danger: true,
    action: () => post(`/offers/${o.id}/withdraw`, {}, opts).then(after('coord.offers.withdrawn')),
  });
  return h('div', { class: 'row wrap offer-actions' }, resend, hours, extend, withdraw);
}
