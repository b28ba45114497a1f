// The 换号申请 card on /coordinator: the county's pending phone changes (GET /phone-changes), each approved
// once the coordinator has seen the labourer's ID card, or refused (POST /phone-changes/{id}/approve|refuse).
// A decision moves a registration to another phone, so it is confirmed in place before it is sent.
import { get, post, type PhoneChange, type PhoneChangeDecision } from '../api.js';
import type { Session } from '../auth.js';
import { busy, formatDateTime, h, replace, text, toast } from '../dom.js';
import { msg, onLanguageChange } from '../i18n.js';
import { formatPhone } from '../phone-book.js';

type Decision = 'approve' | 'refuse';

/** A phone inside a sentence, never broken across lines. */
const phoneInText = (phone: string) => formatPhone(phone).replace(/ /g, '\u00a0');

export interface PhoneChangesCard {
  el: HTMLElement;
  /** Reads the county's pending requests (again). */
  load(county: string): Promise<void>;
}

/** `onSettled`: the page refreshes what a decision changed (the labourer's phone in its lists). */
export function phoneChangesCard(session: Session, onSettled: () => void): PhoneChangesCard {
  let county = '';
  /** undefined until the first answer: no empty state before anything was read. */
  let changes: PhoneChange[] | undefined;
  const count = h('span', { class: 'badge status-pending', hidden: true, 'data-testid': 'phone-changes-count' });
  // Focus lands here when the item that held it is gone (decided).
  const list = h('div', { class: 'phone-change-list', tabindex: '-1', 'data-testid': 'phone-changes-list' });
  const el = h(
    'section',
    { class: 'card', 'data-testid': 'phone-changes' },
    h('div', { class: 'card-head' }, h('h2', null, text('coord.phoneChanges.title')), count),
    h('p', { class: 'muted' }, text('coord.phoneChanges.help')),
    list,
  );

  async function load(next: string): Promise<void> {
    county = next;
    const found = await get<PhoneChange[]>('/phone-changes', { session, query: { county, status: 'pending' } });
    if (next !== county) return; // another county was picked meanwhile
    // Oldest first: the nearest to completing on its own.
    changes = found.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    render();
  }

  function render(): void {
    if (changes === undefined) return replace(list, h('p', { class: 'empty' }, '…'));
    count.hidden = changes.length === 0;
    replace(count, text(msg('coord.phoneChanges.count', { n: changes.length })));
    if (changes.length === 0) return replace(list, h('p', { class: 'empty' }, text('coord.phoneChanges.none')));
    replace(list, changes.map(item));
  }

  function item(change: PhoneChange): HTMLElement {
    const name = change.name ?? change.labourerId;
    const buttons = h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'button small primary', 'data-testid': 'approve-change', on: { click: () => ask('approve') } }, text('coord.phoneChanges.approve')),
      h('button', { type: 'button', class: 'button small danger', 'data-testid': 'refuse-change', on: { click: () => ask('refuse') } }, text('coord.phoneChanges.refuse')),
    );
    const confirm = h('div', { class: 'confirm', role: 'group', hidden: true, 'data-testid': 'confirm-change' });
    let asked: HTMLElement | undefined;

    const close = () => {
      confirm.hidden = true;
      buttons.hidden = false;
      asked?.focus();
    };
    confirm.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') close();
    });

    function ask(decision: Decision): void {
      asked = buttons.querySelector<HTMLElement>(`[data-testid=${decision}-change]`) ?? undefined;
      const approve = decision === 'approve';
      const yes = h('button', { type: 'button', class: `button small ${approve ? 'primary' : 'danger'}`, 'data-testid': 'confirm-yes' }, text(approve ? 'coord.phoneChanges.confirmApprove' : 'coord.phoneChanges.confirmRefuse'));
      const no = h('button', { type: 'button', class: 'button small', on: { click: close } }, text('common.cancel'));
      yes.addEventListener('click', () => void busy(yes, () => decide(change, decision)));
      const question = approve
        ? msg('coord.phoneChanges.askApprove', { name, id: change.idNumberMasked ?? '—', phone: phoneInText(change.newPhone) })
        : msg('coord.phoneChanges.askRefuse', { phone: phoneInText(change.oldPhone) });
      replace(confirm, h('p', null, text(question)), h('div', { class: 'row' }, yes, no));
      buttons.hidden = true;
      confirm.hidden = false;
      yes.focus();
    }

    return h(
      'article',
      { class: 'phone-change', 'data-labourer': change.labourerId },
      h('header', { class: 'phone-change-head' }, h('strong', null, name), h('span', { class: 'mono muted' }, change.idNumberMasked ?? '')),
      h(
        'p',
        { class: 'phone-move' },
        h('span', null, h('small', { class: 'muted' }, text('coord.phoneChanges.old')), ' ', h('span', { class: 'mono', 'data-testid': 'old-phone' }, formatPhone(change.oldPhone))),
        h('span', { class: 'offer-arrow', 'aria-hidden': 'true' }, '→'),
        h('span', null, h('small', { class: 'muted' }, text('coord.phoneChanges.new')), ' ', h('strong', { class: 'mono', 'data-testid': 'new-phone' }, formatPhone(change.newPhone))),
      ),
      h(
        'p',
        { class: 'meta' },
        h('span', null, text(msg('coord.phoneChanges.requested', { time: formatDateTime(change.requestedAt) }))),
        h('span', null, text(msg('coord.phoneChanges.completes', { time: formatDateTime(change.completesAt) }))),
      ),
      buttons,
      confirm,
    );
  }

  async function decide(change: PhoneChange, decision: Decision): Promise<void> {
    const name = change.name ?? change.labourerId;
    try {
      const result = await post<PhoneChangeDecision>(`/phone-changes/${encodeURIComponent(change.labourerId)}/${decision}`, {}, { session });
      if (result.status === 'done') toast(text(msg('coord.phoneChanges.done', { name, phone: phoneInText(change.newPhone) })));
      // Approved, yet refused: the new phone registered someone meanwhile.
      else if (decision === 'approve') toast(text(msg('coord.phoneChanges.taken', { phone: phoneInText(change.newPhone) })), 'error');
      else toast(text(msg('coord.phoneChanges.refused', { name })));
      onSettled();
    } finally {
      // Settled here or elsewhere meanwhile (a 404 or 409 is toasted by busy()): the list as it is now.
      await load(county).catch(() => undefined);
      if (!el.contains(document.activeElement)) list.focus();
    }
  }

  onLanguageChange(render);
  render();
  return { el, load };
}
