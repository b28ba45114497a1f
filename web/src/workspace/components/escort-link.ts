// A booked bus's day-of links: the roll call for the coordinator (/escort#<trip>), and a one-day link for
// the escort (POST /trips/{id}/escort-token with their name and mobile, which the passengers get in the
// departure SMS), shown to copy or send — the escort needs no account.
import { post } from '../../api.js';
import type { Session } from '../../auth.js';
import { busy, h, replace, text, toast } from '../../dom.js';
import { msg } from '../../i18n.js';

export function escortLinks(session: Session, trip: { id: string; escort?: string }): HTMLElement {
  const box = h('div', { class: 'escort-links row wrap' });
  const rollCall = h('a', { class: 'button small', href: `/escort#${trip.id}`, target: '_blank', rel: 'noopener', 'data-testid': 'open-roll-call' }, text('coord.trips.rollCall'));
  const name = h('input', { class: 'input small', maxlength: 20, value: trip.escort ?? '', 'data-testid': 'escort-name', i18n: { placeholder: 'coord.trips.escortName', 'aria-label': 'coord.trips.escortName' } });
  const phone = h('input', { class: 'input small', type: 'tel', inputmode: 'numeric', maxlength: 13, 'data-testid': 'escort-phone', i18n: { placeholder: 'coord.trips.escortPhone', 'aria-label': 'coord.trips.escortPhone' } });
  const make = h('button', { type: 'button', class: 'button small', 'data-testid': 'make-escort-link' }, text('coord.trips.escortLink'));
  make.addEventListener('click', () =>
    void busy(make, async () => {
      const body = { ...(name.value.trim() ? { name: name.value.trim() } : {}), ...(phone.value.trim() ? { phone: phone.value.trim() } : {}) };
      const { token, expiresAt } = await post<{ token: string; expiresAt: string }>(`/trips/${trip.id}/escort-token`, body, { session });
      const link = `${window.location.origin}/escort?token=${encodeURIComponent(token)}#${trip.id}`;
      const field = h('input', { class: 'input', readonly: true, value: link, 'data-testid': 'escort-link', i18n: { 'aria-label': 'coord.trips.escortLink' } });
      const copy = h('button', { type: 'button', class: 'button small', on: { click: () => void navigator.clipboard?.writeText(link).then(() => toast(text('coord.trips.copied'))) } }, text('coord.trips.copy'));
      replace(box, rollCall, field, copy, h('small', { class: 'muted' }, text(msg('coord.trips.escortLinkUntil', { until: new Date(expiresAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) }))));
    }),
  );
  replace(box, rollCall, name, phone, make);
  return box;
}
