// The API's field messages (details[].path) shown under their fields, as the registration form does, so a
// coordinator sees what to fix where they typed it; anything without a field goes to a toast.
import { ApiError } from '../../api.js';
import { h, toastError } from '../../dom.js';

/** `fields`: the API's field names → the inputs that hold them. Returns a runner for `busy()`'s onError. */
export function fieldErrors(fields: Record<string, HTMLElement>): { clear(): void; show(error: unknown): void } {
  const shown: HTMLElement[] = [];
  const clear = () => {
    for (const el of shown.splice(0)) el.remove();
    for (const input of Object.values(fields)) input.removeAttribute('aria-invalid');
  };
  for (const input of Object.values(fields)) input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
  return {
    clear,
    show(error) {
      clear();
      if (!(error instanceof ApiError) || error.details.length === 0) return toastError(error);
      let unplaced = false;
      for (const detail of error.details) {
        const input = fields[detail.path];
        if (!input) {
          unplaced = true;
          continue;
        }
        input.setAttribute('aria-invalid', 'true');
        const message = h('p', { class: 'field-error', 'data-testid': `error-${detail.path}` }, detail.message);
        input.after(message);
        shown.push(message);
      }
      if (unplaced) toastError(error);
      (Object.entries(fields).find(([path]) => error.details.some((d) => d.path === path))?.[1] as HTMLInputElement | undefined)?.focus();
    },
  };
}
