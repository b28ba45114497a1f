// A few DOM helpers instead of a framework: `h()` builds elements, `busy()` runs a long action with its
// button disabled and spinning, `toast()` reports the result. Text that follows the language switch is
// an element carrying `data-i18n` (see i18n.ts), so switching language never rebuilds a form.
import { msg, type Msg, t, type Key, type Params } from './i18n.js';

export type Child = Node | string | number | Msg | null | undefined | false | readonly Child[];

type Handlers = { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };

export interface Props {
  class?: string;
  /** DOM properties (value, checked, disabled, type …) set directly. */
  [attribute: string]: unknown;
  on?: Handlers;
  /** Attributes that follow the language: `{ placeholder: 'form.name.placeholder' }`. */
  i18n?: Record<string, Key | Msg>;
}

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'indeterminate', 'hidden', 'multiple']);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'on') {
      for (const [event, handler] of Object.entries(value as Handlers)) el.addEventListener(event, handler as EventListener);
    } else if (name === 'i18n') {
      const specs: string[] = [];
      for (const [attr, key] of Object.entries(value as Record<string, Key | Msg>)) {
        const m = typeof key === 'string' ? msg(key) : key;
        el.setAttribute(attr, t(m.key, m.params));
        specs.push(`${attr}=${m.key}${m.params ? `?${encodeURIComponent(JSON.stringify(m.params))}` : ''}`);
      }
      el.dataset.i18nAttr = specs.join(' ');
    } else if (name === 'class') {
      el.className = String(value);
    } else if (PROPERTIES.has(name)) {
      (el as unknown as Record<string, unknown>)[name] = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else if (typeof child === 'object') parent.appendChild(text(child as Msg));
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** A span whose text follows the language. */
export function text(m: Msg | Key, params?: Params): HTMLSpanElement {
  const message = typeof m === 'string' ? msg(m, params) : m;
  const span = document.createElement('span');
  span.dataset.i18n = message.key;
  if (message.params) span.dataset.i18nParams = JSON.stringify(message.params);
  span.textContent = t(message.key, message.params);
  return span;
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`missing element ${selector}`);
  return el;
}

// ——— long actions ———

/**
 * Runs `action` with `button` disabled, marked busy and showing a spinner; the button comes back
 * however the action ends. Returns the action's result, or undefined if it threw (the error is toasted).
 */
export async function busy<T>(button: HTMLButtonElement, action: () => Promise<T>, onError: (error: unknown) => void = toastError): Promise<T | undefined> {
  if (button.disabled) return undefined;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  const spinner = h('span', { class: 'spinner', 'aria-hidden': 'true' });
  button.prepend(spinner);
  try {
    return await action();
  } catch (error) {
    onError(error);
    return undefined;
  } finally {
    spinner.remove();
    button.removeAttribute('aria-busy');
    button.disabled = false;
  }
}

// ——— toasts ———

let toastHost: HTMLElement | undefined;

export function toast(content: Child, kind: 'ok' | 'error' | 'info' = 'ok', ms = kind === 'error' ? 8000 : 5000): HTMLElement {
  if (!toastHost || !toastHost.isConnected) {
    toastHost = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.appendChild(toastHost);
  }
  const close = h('button', { type: 'button', class: 'toast-close', on: { click: () => item.remove() }, i18n: { 'aria-label': 'common.close' } }, '×');
  const item = h('div', { class: `toast toast-${kind}`, 'data-kind': kind }, h('div', { class: 'toast-body' }, content), close);
  toastHost.appendChild(item);
  setTimeout(() => item.remove(), ms);
  return item;
}

export function toastError(error: unknown): void {
  toast(errorText(error), 'error');
}

/** What to tell the user about a failure: the API's message (Chinese), or a network / unknown error. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'userMessage' in error) return String((error as { userMessage: string }).userMessage);
  return error instanceof Error ? error.message : String(error);
}

// ——— formatting ———

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(document.documentElement.lang || 'zh-CN').format(n);
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(document.documentElement.lang || 'zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}

/** Today in China (UTC+8) as YYYY-MM-DD, `days` later. */
export function chinaDate(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
