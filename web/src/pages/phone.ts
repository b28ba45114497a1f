// `/phone`: a basic phone in the browser. What it sends goes to POST /sim/sms (local only) exactly as an
// SMS from that number would, and the replies come back in the answer. When a coordinator (or admin) has
// signed in in this browser, the page also reads that phone's SMS log (GET /messages), so messages the
// system sends on its own — offers after a matching run, bus notices — arrive too.
import { idNumberChecksum } from '../../../functions/domain/id-number.js';
import { ApiError, get, post, type SimulatedReply, type SmsLogEntry } from '../api.js';
import { currentSession } from '../auth.js';
import { errorText, formatDateTime, h, replace, text, toast } from '../dom.js';
import { msg, onLanguageChange } from '../i18n.js';
import { mountPage } from '../layout.js';
import { formatPhone, knownPhones, loadThread, nationalNumber, rememberPhone, saveThread, clearThread, type ThreadEntry } from '../phone-book.js';

const { main } = mountPage('phone', { title: 'phone.title' });
const reader = currentSession(['coordinator', 'admin']);
const POLL_MS = 3000;

let phone: string | undefined;
let thread: ThreadEntry[] = [];
let sending = false;

// ——— the number ———
const numberInput = h('input', {
  id: 'phone-number',
  class: 'input mono',
  type: 'tel',
  inputmode: 'tel',
  autocomplete: 'off',
  list: 'known-phones',
  'data-testid': 'phone-number',
  i18n: { placeholder: 'phone.number.placeholder' },
});
const known = h('datalist', { id: 'known-phones' });
const numberError = h('p', { class: 'field-error', hidden: true });
const useButton = h('button', { type: 'submit', class: 'button', 'data-testid': 'use-number' }, text('phone.use'));
const randomButton = h('button', { type: 'button', class: 'button link-button', on: { click: () => choose(randomPhone()) } }, text('phone.random'));
const recent = h('div', { class: 'recent-phones' });
const numberForm = h(
  'form',
  { class: 'phone-number-form', novalidate: true },
  h('label', { class: 'label', for: 'phone-number' }, text('phone.number')),
  h('div', { class: 'row' }, numberInput, useButton),
  known,
  numberError,
  h('div', { class: 'row wrap' }, recent, randomButton),
);
numberForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const n = nationalNumber(numberInput.value);
  if (!n) {
    replace(numberError, text('phone.number.invalid'));
    numberError.hidden = false;
    return;
  }
  choose(n);
});

// ——— the device ———
const screenTitle = h('div', { class: 'device-title', 'data-testid': 'device-number' });
const threadList = h('ol', { class: 'thread', 'data-testid': 'thread', 'aria-live': 'polite' });
const composer = h('textarea', { id: 'composer', class: 'composer', rows: 2, maxlength: 2000, 'data-testid': 'composer', i18n: { placeholder: 'phone.composer', 'aria-label': 'phone.composer' } });
const sendButton = h('button', { type: 'submit', class: 'button primary send', 'data-testid': 'send' }, text('phone.send'));
const counter = h('span', { class: 'counter muted small' });
const composeForm = h('form', { class: 'compose', novalidate: true }, composer, h('div', { class: 'compose-side' }, sendButton, counter));
composeForm.addEventListener('submit', (e) => {
  e.preventDefault();
  void send(composer.value);
});
composer.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    void send(composer.value);
  }
});
composer.addEventListener('input', () => renderCounter());

const QUICK: { label: Parameters<typeof text>[0]; text: () => string; send: boolean; testid: string }[] = [
  { label: 'phone.quick.register', text: () => registrationExample(), send: false, testid: 'quick-register' },
  { label: 'phone.quick.accept', text: () => '1', send: true, testid: 'quick-1' },
  { label: 'phone.quick.decline', text: () => '2', send: true, testid: 'quick-2' },
  { label: 'phone.quick.status', text: () => 'CX', send: true, testid: 'quick-cx' },
  { label: 'phone.quick.optOut', text: () => 'TD', send: true, testid: 'quick-td' },
  { label: 'phone.quick.help', text: () => '帮助', send: true, testid: 'quick-help' },
];
const quick = h(
  'div',
  { class: 'quick', role: 'group', i18n: { 'aria-label': 'phone.quick' } },
  QUICK.map((q) =>
    h(
      'button',
      {
        type: 'button',
        class: 'chip',
        'data-testid': q.testid,
        on: {
          click: () => {
            if (q.send) void send(q.text());
            else {
              composer.value = q.text();
              renderCounter();
              composer.focus();
            }
          },
        },
      },
      text(q.label),
    ),
  ),
);
const clearButton = h(
  'button',
  {
    type: 'button',
    class: 'link-button small',
    on: {
      click: () => {
        if (!phone) return;
        clearThread(phone);
        thread = [];
        seenLog.clear();
        renderThread();
      },
    },
  },
  text('phone.clear'),
);

const device = h(
  'div',
  { class: 'device', 'data-testid': 'device' },
  h('div', { class: 'device-bar' }, h('span', { class: 'device-dot', 'aria-hidden': 'true' }), screenTitle, clearButton),
  threadList,
  quick,
  composeForm,
);

const help = h(
  'aside',
  { class: 'card phone-help' },
  h('h2', null, text('phone.how')),
  h(
    'ul',
    { class: 'grammar' },
    h('li', null, h('code', null, '报名 王立学 510822198503150018 泥瓦工 浙江湖州 4500'), text('phone.how.register')),
    h('li', null, h('code', null, '1'), ' / ', h('code', null, '2'), text('phone.how.answer')),
    h('li', null, h('code', null, 'CX'), text('phone.how.status')),
    h('li', null, h('code', null, 'TD'), ' / ', h('code', null, '订阅'), text('phone.how.optOut')),
    h('li', null, h('code', null, '换号 <身份证号>'), text('phone.how.changePhone')),
  ),
  h('p', { class: reader ? 'muted small' : 'notice small', 'data-testid': 'inbox-mode' }, text(reader ? 'phone.inbox.on' : 'phone.inbox.off')),
);

replace(
  main,
  h('div', { class: 'intro' }, h('h1', null, text('phone.heading')), h('p', { class: 'lead' }, text('phone.lead'))),
  h('div', { class: 'phone-layout' }, h('div', { class: 'phone-main' }, h('div', { class: 'card' }, numberForm), device), help),
);

// ——— behaviour ———
function renderKnown() {
  const phones = knownPhones();
  replace(known, phones.map((p) => h('option', { value: p.phone }, p.name ?? '')));
  replace(
    recent,
    phones.slice(0, 4).map((p) =>
      h('button', { type: 'button', class: `chip chip-small ${p.phone === phone ? 'is-on' : ''}`, on: { click: () => choose(p.phone) } }, p.name ? `${p.name} ${p.phone.slice(-4)}` : formatPhone(p.phone)),
    ),
  );
}

function choose(n: string, focus = true) {
  phone = n;
  numberInput.value = formatPhone(n);
  numberError.hidden = true;
  rememberPhone(n);
  const url = new URL(window.location.href);
  url.searchParams.set('phone', n);
  window.history.replaceState(window.history.state, '', url.pathname + url.search);
  thread = loadThread(n);
  seenLog.clear();
  for (const e of thread) if (e.id) seenLog.add(e.id);
  renderKnown();
  renderThread();
  setEnabled(true);
  void pollInbox();
  if (focus) composer.focus();
}

function setEnabled(on: boolean) {
  composer.disabled = !on;
  sendButton.disabled = !on || sending;
  for (const b of quick.querySelectorAll('button')) b.disabled = !on || sending;
}

function renderCounter() {
  const n = composer.value.length;
  replace(counter, n > 0 ? text(msg('phone.chars', { n })) : '');
}

function renderThread() {
  replace(screenTitle, phone ? `+86 ${formatPhone(phone)}` : text('phone.noNumber'));
  if (!phone) return replace(threadList, h('li', { class: 'thread-empty' }, text('phone.pickFirst')));
  if (thread.length === 0) return replace(threadList, h('li', { class: 'thread-empty' }, text('phone.empty')));
  replace(
    threadList,
    thread.map((e) =>
      h(
        'li',
        { class: `bubble bubble-${e.dir} ${e.pending ? 'is-pending' : ''} ${e.status === 'suppressed' ? 'is-suppressed' : ''}`, 'data-dir': e.dir },
        h('div', { class: 'bubble-body' }, e.body),
        h(
          'div',
          { class: 'bubble-meta' },
          e.pending ? text('phone.sending') : formatDateTime(e.at),
          e.segments ? h('span', null, ' · ', text(msg('phone.segments', { n: e.segments }))) : null,
          e.status === 'suppressed' ? h('span', null, ' · ', text('phone.suppressed')) : null,
        ),
      ),
    ),
  );
  threadList.scrollTop = threadList.scrollHeight;
  threadList.lastElementChild?.scrollIntoView({ block: 'nearest' });
}

async function send(raw: string): Promise<void> {
  const body = raw.trim();
  if (!phone || !body || sending) return;
  const from = `+86${phone}`;
  const mine: ThreadEntry = { dir: 'out', body, at: new Date().toISOString() };
  thread.push(mine);
  const waiting: ThreadEntry = { dir: 'in', body: '…', at: new Date().toISOString(), pending: true };
  thread.push(waiting);
  composer.value = '';
  renderCounter();
  sending = true;
  setEnabled(true);
  renderThread();
  try {
    const result = await post<SimulatedReply>('/sim/sms', { from, text: body });
    thread = thread.filter((e) => e !== waiting);
    for (const reply of result.replies) thread.push({ dir: 'in', body: reply.body, at: new Date().toISOString() });
    if (result.replies.length === 0) toast(text('phone.noReply'), 'info');
  } catch (error) {
    thread = thread.filter((e) => e !== waiting);
    toast(error instanceof ApiError ? error.userMessage : errorText(error), 'error');
  } finally {
    sending = false;
    setEnabled(true);
    saveThread(phone, thread);
    renderThread();
    void pollInbox();
  }
}

// The SMS log, when a coordinator session can read it: adds what the system sent on its own, and gives
// the simulator's replies their log ids (matched by text) so nothing shows twice.
const seenLog = new Set<string>();
let polling = false;
async function pollInbox(): Promise<void> {
  if (!reader || !phone || polling || sending) return;
  polling = true;
  const forPhone = phone;
  try {
    const log = await get<SmsLogEntry[]>('/messages', { session: reader, query: { phone: forPhone } });
    if (forPhone !== phone) return;
    let changed = false;
    for (const m of log) {
      if (seenLog.has(m.id)) continue;
      seenLog.add(m.id);
      const twin = thread.find((e) => e.dir === 'in' && !e.id && !e.pending && e.body === m.body);
      if (twin) {
        Object.assign(twin, { id: m.id, segments: m.segments, status: m.status });
      } else {
        const at = m.sentAt ?? m.createdAt;
        const entry: ThreadEntry = { dir: 'in', body: m.body, at, id: m.id, segments: m.segments, status: m.status };
        const index = thread.findIndex((e) => e.at > at);
        if (index < 0) thread.push(entry);
        else thread.splice(index, 0, entry);
      }
      changed = true;
    }
    if (changed) {
      saveThread(forPhone, thread);
      renderThread();
    }
  } catch {
    // The log is a bonus: the simulator works without it.
  } finally {
    polling = false;
  }
}

/** A registration SMS that works as is: a random, checksum-valid ID number from 青川县 (510822). */
function registrationExample(): string {
  const names = ['王立学', '李芳', '张建国', '刘秀英', '陈志强', '杨桂兰'];
  const name = names[Math.floor(Math.random() * names.length)]!;
  const year = 1970 + Math.floor(Math.random() * 30);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const first17 = `510822${year}${month}${day}${seq}`;
  return `报名 ${name} ${first17}${idNumberChecksum(first17)} 泥瓦工 浙江湖州 4500`;
}

function randomPhone(): string {
  const prefixes = ['138', '139', '137', '135', '150', '151', '186', '187'];
  return `${prefixes[Math.floor(Math.random() * prefixes.length)]}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

onLanguageChange(() => {
  renderThread();
  renderKnown();
});

renderKnown();
const initial = nationalNumber(new URL(window.location.href).searchParams.get('phone') ?? '') ?? knownPhones()[0]?.phone;
if (initial) choose(initial, false);
else {
  renderThread();
  setEnabled(false);
}
setInterval(() => {
  if (document.visibilityState === 'visible') void pollInbox();
}, POLL_MS);
