// The API's field messages (details[].path) shown under their fields, as the registration form does, so a
// coordinator sees what to fix where they typed it; anything without a field goes to a toast, and when
// there are several the toast says how many.
import { ApiError } from '../../api.js';
import { h, toast, toastError } from '../../dom.js';
import { t } from '../../i18n.js';

/** Where a nested path (`fleet.2.seats`, `departureDates.0`) shows: its input, and words naming the item. */
export type FieldResolver = (path: string) => { input: HTMLElement; prefix?: string } | undefined;

/**
 * `fields`: the API's field names → the inputs that hold them; `resolve` places the paths not named there.
 * Returns a runner for `busy()`'s onError.
 */
export function fieldErrors(fields: Record<string, HTMLElement>, resolve?: FieldResolver): { clear(): void; show(error: unknown): void } {
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
      let first: HTMLElement | undefined;
      // One message a field: a date that is no date also "is not between 2000 and 2100" — the first says it.
      const details = error.details.filter((d, i) => error.details.findIndex((e) => e.path === d.path) === i);
      for (const detail of details) {
        const place = fields[detail.path] ? { input: fields[detail.path]! } : resolve?.(detail.path);
        if (!place) {
          unplaced = true;
          continue;
        }
        const { input, prefix } = place;
        input.setAttribute('aria-invalid', 'true');
        const message = h('p', { class: 'field-error', 'data-testid': `error-${detail.path}` }, prefix ? `${prefix}${detail.message}` : detail.message);
        // Several messages for one input read in order under it.
        const after = shown.filter((m) => m.dataset.for === input.id && input.id).at(-1) ?? input;
        if (input.id) message.dataset.for = input.id;
        after.after(message);
        shown.push(message);
        first ??= input;
      }
      if (unplaced) toastError(error);
      else if (details.length > 1) toast(t('form.errorsBelow', { n: details.length }), 'error');
      (first as HTMLInputElement | undefined)?.focus();
    },
  };
}
