// 短信记录: one phone's SMS log; 重发失败短信 sends the county's undelivered SMS again (POST /messages/resend).
import { get, post, type ResendResult, type SmsLogEntry } from '../../api.js';
import { busy, formatDateTime, h, replace, text, toast } from '../../dom.js';
import { msg } from '../../i18n.js';
import { templateDisplayName } from '../../../../functions/domain/sms/template-names.js';
import { empty, statusBadge, table } from '../components/table.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

export function messagesView(ws: Workspace): View {
  const phone = h('input', { type: 'search', class: 'input small', inputmode: 'tel', 'data-testid': 'messages-phone', i18n: { placeholder: 'coord.messages.phone' } });
  const show = h('button', { type: 'submit', class: 'button small' }, text('coord.messages.show'));
  const list = h('div', { class: 'table-wrap', 'data-testid': 'messages' });
  const resend = h('button', { type: 'button', class: 'button small', 'data-testid': 'messages-resend' }, text('coord.messages.resend'));
  const resendResult = h('div', { class: 'result', 'data-testid': 'messages-resend-result', 'aria-live': 'polite' });
  resend.addEventListener('click', () =>
    void busy(resend, async () => {
      const done = await post<ResendResult>('/messages/resend', { county: ws.county(), status: 'failed' }, ws.opts);
      const lines = [
        msg('coord.messages.resent', { resent: done.resent }),
        ...(done.skippedUnreachable > 0 ? [msg('coord.messages.skippedUnreachable', { n: done.skippedUnreachable })] : []),
        ...(done.skippedOutOfDate > 0 ? [msg('coord.messages.skippedOutOfDate', { n: done.skippedOutOfDate, days: done.maxAgeDays })] : []),
      ];
      replace(resendResult, ...lines.map((line) => h('p', null, text(line))));
      toast(text(lines[0]!));
      await load();
    }),
  );
  const form = h('form', { class: 'toolbar', novalidate: true }, phone, show, resend);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(show, load);
  });

  async function load(): Promise<void> {
    if (!phone.value.trim()) return;
    const messages = await get<SmsLogEntry[]>('/messages', { ...ws.opts, query: { phone: phone.value.trim() } });
    replace(list, messages.length === 0 ? empty('coord.messages.none') : messageTable(messages));
  }

  return {
    el: h('section', { class: 'card view' }, h('h2', null, text('tab.messages')), form, resendResult, list),
    async show(route) {
      if (route.param) phone.value = route.param;
      await load();
    },
  };
}

/** Newest first by when each message was written (a held message is sent later: its send time is shown beside). */
export function messageTable(messages: readonly SmsLogEntry[]): HTMLElement {
  const newestFirst = [...messages].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return table(
    ['col.time', 'col.template', 'col.body', 'col.segments', 'col.status'],
    newestFirst.map((m) => [
      timeCell(m),
      h('span', { title: m.template }, templateDisplayName(m.template) ?? m.template),
      h('span', { class: 'sms-body' }, m.body),
      String(m.segments),
      statusBadge('status.message', m.status),
    ]),
  );
}

function timeCell(m: SmsLogEntry): HTMLElement {
  const written = formatDateTime(m.createdAt);
  const sent = m.sentAt ? formatDateTime(m.sentAt) : written;
  return h('span', null, written, ...(sent !== written ? [h('br'), h('small', { class: 'muted' }, text(msg('coord.messages.sentAt', { time: sent })))] : []));
}
