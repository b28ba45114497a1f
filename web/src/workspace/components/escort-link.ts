// A booked bus's day-of links: the roll call for the coordinator (/escort#<trip>), and a one-day link for
// the escort (POST /trips/{id}/escort-token), shown to copy or send — the escort needs no account.
import { post } from '../../api.js';
import type { Session } from '../../auth.js';
import { busy, h, replace, text, toast } from '../../dom.js';
import { msg } from '../../i18n.js';

export function escortLinks(session: Session, tripId: string): HTMLElement {
  const box = h('div', { class: 'escort-links row wrap' });
  const rollCall = h('a', { class: 'button small', href: `/escort#${tripId}`, target: '_blank', rel: 'noopener', 'data-testid': 'open-roll-call' }, text('coord.trips.rollCall'));
  const make = h('button', { type: 'button', class: 'button small', 'data-testid': 'make-escort-link' }, text('coord.trips.escortLink'));
  make.addEventListener('click', () =>
    void busy(make, async () => {
      const { token, expiresAt } = await post<{ token: string; expiresAt: string }>(`/trips/${tripId}/escort-token`, {}, { session });
      const link = `${window.location.origin}/escort?token=${encodeURIComponent(token)}#${tripId}`;
      const field = h('input', { class: 'input', readonly: true, value: link, 'data-testid': 'escort-link', i18n: { 'aria-label': 'coord.trips.escortLink' } });
      const copy = h('button', { type: 'button', class: 'button small', on: { click: () => void navigator.clipboard?.writeText(link).then(() => toast(text('coord.trips.copied'))) } }, text('coord.trips.copy'));
      replace(box, rollCall, field, copy, h('small', { class: 'muted' }, text(msg('coord.trips.escortLinkUntil', { until: new Date(expiresAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) }))));
    }),
  );
  replace(box, rollCall, make);
  return box;
}
