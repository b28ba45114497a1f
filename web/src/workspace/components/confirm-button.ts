// A button for an action that cannot be taken back: the first press asks (the label becomes the question),
// a second press within a few seconds acts; Escape or waiting cancels.
import { busy, h, replace, text } from '../../dom.js';
import type { Key } from '../../i18n.js';

const ASK_MS = 5000;

export function confirmButton(options: { label: Key; question: Key; testId: string; danger?: boolean; action: () => Promise<unknown> }): HTMLButtonElement {
  const button = h('button', { type: 'button', class: `button small${options.danger ? ' danger' : ''}`, 'data-testid': options.testId }, text(options.label));
  let asking: ReturnType<typeof setTimeout> | undefined;
  const reset = () => {
    clearTimeout(asking);
    asking = undefined;
    button.removeAttribute('aria-pressed');
    replace(button, text(options.label));
  };
  button.addEventListener('keydown', (e) => e.key === 'Escape' && reset());
  button.addEventListener('click', () => {
    if (!asking) {
      button.setAttribute('aria-pressed', 'true');
      replace(button, text(options.question));
      asking = setTimeout(reset, ASK_MS);
      return;
    }
    reset();
    void busy(button, options.action);
  });
  return button;
}
