// The workers coming to one vacancy (GET /vacancies/{id}/workers), as the employer sees them: who, on which
// bus, arriving when, and where they stand; the employer confirms each one at work (POST /offers/{id}/placed).
import { get, post, type VacancyWorker } from '../api.js';
import { busy, h, replace, text, toast } from '../dom.js';
import { msg } from '../i18n.js';
import type { Session } from '../auth.js';
import { table } from '../workspace/components/table.js';

/** Who the employer can confirm: arrived on a county bus, or travelling on their own (accepted, no bus). */
const CONFIRMABLE = new Set(['arrived', 'accepted', 'travelling']);

export function vacancyWorkers(session: Session, vacancyId: string, onChange: () => void): { el: HTMLElement; load: () => Promise<void> } {
  const el = h('div', { class: 'workers', 'data-testid': 'vacancy-workers', 'aria-live': 'polite' });

  async function load(): Promise<void> {
    const workers = await get<VacancyWorker[]>(`/vacancies/${vacancyId}/workers`, { session });
    if (workers.length === 0) return replace(el, h('p', { class: 'empty' }, text('employer.workers.none')));
    const sorted = [...workers].sort((a, b) => (a.arrivalDate ?? '9999').localeCompare(b.arrivalDate ?? '9999') || a.name.localeCompare(b.name, 'zh'));
    replace(
      el,
      table(
        ['employer.workers.name', 'employer.workers.id', 'employer.workers.phone', 'employer.workers.arrival', 'employer.workers.status', 'employer.workers.action'],
        sorted.map((w) => [
          w.name,
          h('span', { class: 'mono' }, w.idNumberMasked),
          h('a', { href: `tel:${w.phone}` }, w.phone.replace(/^\+86/, '')),
          w.arrivalDate ?? '—',
          h('span', { class: `badge status-${w.status}`, 'data-status': w.status }, text(msg('status.worker', { v: w.status }))),
          CONFIRMABLE.has(w.status) ? confirmAtWork(w) : null,
        ]),
        (row, i) => (row.dataset.worker = sorted[i]!.labourerId),
      ),
    );
  }

  function confirmAtWork(w: VacancyWorker): HTMLButtonElement {
    const button = h('button', { type: 'button', class: 'button small primary', 'data-testid': 'confirm-placed' }, text('employer.workers.placed'));
    button.addEventListener('click', () =>
      void busy(button, async () => {
        await post(`/offers/${w.offerId}/placed`, {}, { session });
        toast(text(msg('employer.workers.placedDone', { name: w.name })));
        await load();
        onChange();
      }),
    );
    return button;
  }

  return { el, load };
}
