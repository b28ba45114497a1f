// The frame every page shares: top bar (pages, who is signed in, sign-out, language) and, for pages that
// need a role, the sign-in card shown instead of the page until there is a session.
import { beginSignIn, currentSession, resumeSignIn, signIn, signInConfig, signOut, takeTokenFromUrl, type Role, type Session } from './auth.js';
import { $, h, replace, text, toast } from './dom.js';
import { initLanguage, lang, msg, onLanguageChange, setLang, t, type Key } from './i18n.js';
import { placeName } from './places.js';
import './styles.css';

/** `escort` is reached from a link the coordinator hands the bus escort; it is not in the top bar. */
export type PageId = 'register' | 'employer' | 'coordinator' | 'phone' | 'escort';

const PAGES: { id: Exclude<PageId, 'escort'>; href: string; label: Key }[] = [
  { id: 'register', href: '/', label: 'nav.register' },
  { id: 'employer', href: '/employer', label: 'nav.employer' },
  { id: 'coordinator', href: '/coordinator', label: 'nav.coordinator' },
  { id: 'phone', href: '/phone', label: 'nav.phone' },
];

/** Every role, in the order a page open to all of them looks for a kept session. */
const ALL_ROLES: readonly Role[] = ['coordinator', 'admin', 'employer'];

/** sessionStorage: a sign-in that came back without a session, told once after the reload. */
const SIGN_IN_FAILED = 'chunfeng.signInFailed';

export interface Page {
  main: HTMLElement;
  session: Session | undefined;
}

/** A coordinator's county, an employer's id, or everything. */
export function scopeLabel(session: Session): string {
  if (session.role === 'coordinator') return `${placeName(session.scope)} ${session.scope}`;
  return session.scope;
}

/**
 * Builds the frame. With `roles`, the page needs a session of one of them: without one, `main` holds
 * the sign-in card and `session` is undefined (the page then renders nothing else).
 */
export function mountPage(page: PageId, options: { title: Key; roles?: readonly Role[]; examples?: string[]; hideNavFor?: readonly Role[] }): Page {
  initLanguage();
  // Back from the hosted sign-in, or holding an expired ID token for this page: finish that first, then
  // reload. Pages for everyone (the registration form, the phone) never wait on a sign-in.
  const resuming = options.roles ? resumeSignIn(options.roles) : undefined;
  const fromUrl = resuming ? ({ kind: 'none' } as const) : takeTokenFromUrl();
  const session = resuming ? undefined : currentSession(options.roles ?? ALL_ROLES);

  const app = $('#app');
  const langButton = h(
    'button',
    { type: 'button', class: 'lang-switch', 'data-testid': 'lang-switch', on: { click: () => setLang(lang() === 'zh' ? 'en' : 'zh') } },
    text('lang.switch'),
  );
  const who =
    session && options.roles
      ? h(
          'div',
          { class: 'who', 'data-testid': 'session' },
          h('span', { class: 'who-role' }, text(msg('role', { v: session.role }))),
          h('span', { class: 'who-scope' }, scopeLabel(session)),
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'data-testid': 'sign-out',
              on: {
                click: () => void signOut(session),
              },
            },
            text('auth.signOut'),
          ),
        )
      : null;
  const header = h(
    'header',
    { class: 'topbar' },
    h('a', { class: 'brand', href: '/' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '春'), text('brand')),
    h(
      'nav',
      { class: 'nav', i18n: { 'aria-label': 'nav.label' } },
      // A role with no use for the other pages (a trip's escort) does not see them.
      session && options.hideNavFor?.includes(session.role) ? [] : PAGES.map((p) => h('a', { href: p.href, 'aria-current': p.id === page ? 'page' : undefined }, text(p.label))),
    ),
    h('div', { class: 'topbar-end' }, who, langButton),
  );
  const main = h('main', { class: `page page-${page}`, id: 'main' });
  replace(app, header, main);
  const setTitle = () => (document.title = `${t(options.title)} · ${t('brand')}`);
  setTitle();
  onLanguageChange(setTitle);

  if (resuming) {
    replace(main, h('section', { class: 'card signin', 'data-testid': 'signing-in' }, h('h1', null, text('auth.signingIn'))));
    void resuming.then((ok) => {
      if (!ok) sessionStorage.setItem(SIGN_IN_FAILED, '1');
      window.location.reload();
    });
    return { main, session: undefined };
  }
  if (sessionStorage.getItem(SIGN_IN_FAILED) !== null) {
    sessionStorage.removeItem(SIGN_IN_FAILED);
    toast(text('auth.signInFailed'), 'error');
  }
  if (fromUrl.kind === 'invalid') toast(text('auth.invalidToken'), 'error');
  // Signed in, but as a role this page does not serve (a token from the address, or a sign-in).
  const elsewhere = options.roles && !session ? currentSession(ALL_ROLES) : undefined;
  if (elsewhere) toast(text(msg('auth.wrongRole', { role: elsewhere.role })), 'info');
  if (options.roles && !session) renderSignIn(main, options.roles, options.examples ?? []);
  return { main, session: options.roles ? session : undefined };
}

function renderSignIn(main: HTMLElement, roles: readonly Role[], examples: string[]): void {
  const input = h('input', { id: 'token', class: 'input', autocomplete: 'off', spellcheck: 'false', i18n: { placeholder: 'auth.tokenPlaceholder' } });
  const error = h('p', { class: 'field-error', id: 'token-error', role: 'alert', hidden: true });
  const submit = (token: string) => {
    const session = signIn(token);
    if (!session || !roles.includes(session.role)) {
      error.hidden = false;
      replace(error, text(session ? msg('auth.wrongRole', { role: session.role }) : 'auth.invalidToken'));
      return;
    }
    window.location.reload();
  };
  // Deployed, the hosted sign-in; locally, dev tokens. Neither shows until GET /auth/config has said which.
  const hostedButton = h('button', { type: 'button', class: 'button primary', 'data-testid': 'hosted-sign-in' }, text('auth.hostedSignIn'));
  const hosted = h('div', { class: 'form', hidden: true }, h('p', { class: 'muted' }, text('auth.hostedHint')), hostedButton);
  const dev = h(
    'div',
    { hidden: true },
    h('p', { class: 'muted' }, text('auth.deployed')),
    h(
      'form',
      {
        class: 'form',
        on: {
          submit: (e) => {
            e.preventDefault();
            submit(input.value);
          },
        },
      },
      h('label', { for: 'token', class: 'label' }, text('auth.tokenLabel')),
      h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'button primary' }, text('auth.signIn'))),
      error,
    ),
    examples.length > 0
      ? h(
          'div',
          { class: 'examples' },
          h('span', { class: 'muted' }, text('auth.examples')),
          examples.map((token) => h('button', { type: 'button', class: 'chip', on: { click: () => submit(token) } }, token)),
        )
      : null,
  );
  replace(
    main,
    h(
      'section',
      { class: 'card signin', 'data-testid': 'signin' },
      h('h1', null, text('auth.title')),
      h(
        'p',
        null,
        text('auth.needs'),
        roles.map((role, i) => [i > 0 ? ' / ' : '', h('strong', null, text(msg('role', { v: role })))]),
      ),
      hosted,
      dev,
    ),
  );
  void signInConfig().then((config) => {
    if (config === null) {
      dev.hidden = false;
      return;
    }
    hosted.hidden = false;
    hostedButton.addEventListener('click', () => void beginSignIn(config));
  });
}

/** A titled card. */
export function section(title: Key | ReturnType<typeof msg>, ...children: Parameters<typeof h>[2][]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', null, text(title)), ...children);
}
