// The "获取验证码" button of a phone field: sends (the page's `send`), then stays disabled with a countdown
// ("60 秒后重新获取") for as long as the API would refuse another code, as Chinese government forms do.
import { h, replace, text } from '../dom.js';
import { msg } from '../i18n.js';

export interface CodeButton {
  el: HTMLButtonElement;
  /** Disabled for `seconds`, counting down; then "重新获取". */
  wait(seconds: number): void;
  /** Back to "获取验证码", enabled (a new form, or another phone). */
  reset(): void;
}

/** `send` resolves to the seconds to wait before the next code, or undefined when nothing was sent. */
export function codeButton(send: () => Promise<number | undefined>): CodeButton {
  const el = h('button', { type: 'button', class: 'button code-button', 'data-testid': 'send-code', 'aria-controls': 'verificationCode' }, text('register.code.send'));
  let timer: ReturnType<typeof setInterval> | undefined;
  let sending = false;
  /** What the button says when it can be pressed: "重新获取" once a code went out. */
  let idle: 'register.code.send' | 'register.code.again' = 'register.code.send';

  const ready = () => {
    el.disabled = false;
    replace(el, text(idle));
  };

  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };

  const wait = (seconds: number) => {
    stop();
    idle = 'register.code.again';
    // Counted against the clock, not the ticks: a phone's browser slows timers in the background.
    const until = Date.now() + seconds * 1000;
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0) {
        stop();
        ready();
        return;
      }
      el.disabled = true;
      // Minutes for the long waits (the daily limit), so the label stays short.
      replace(el, text(left > 90 ? msg('register.code.waitMinutes', { n: Math.ceil(left / 60) }) : msg('register.code.wait', { n: left })));
    };
    tick();
    timer = setInterval(tick, 1000);
  };

  el.addEventListener('click', () => {
    if (sending || timer) return;
    sending = true;
    el.disabled = true;
    el.setAttribute('aria-busy', 'true');
    replace(el, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text('register.code.sending'));
    void send()
      .catch(() => undefined)
      .then((seconds) => {
        sending = false;
        el.removeAttribute('aria-busy');
        if (seconds) wait(seconds);
        else ready();
      });
  });

  function reset() {
    stop();
    idle = 'register.code.send';
    ready();
  }

  return { el, wait, reset };
}
