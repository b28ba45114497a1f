// The workers coming to one vacancy (GET /vacancies/{id}/workers), as the employer sees them: who, on which
// bus, arriving when, and where they stand; the employer confirms each one at work (POST /offers/{id}/placed)
// or says they never came (POST /offers/{id}/not-arrived: the place goes back, the county re-plans them).
import { get, post, type VacancyWorker } from '../api.js';
import { busy, h, replace, text, toast } from '../dom.js';
import { msg } from '../i18n.js';
import type { Session } from '../auth.js';
import { table } from '../workspace/components/table.js';

/** Who the employer can settle: arrived on a county bus, or accepted (a job near home needs no bus; the API refuses the rest). */
const SETTLEABLE = new Set(['arrived', 'accepted']);

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
          SETTLEABLE.has(w.status) ? h('div', { class: 'row' }, settle(w, 'placed'), settle(w, 'not-arrived')) : null,
        ]),
        (row, i) => (row.dataset.worker = sorted[i]!.labourerId),
      ),
    );
  }

  function settle(w: VacancyWorker, outcome: 'placed' | 'not-arrived'): HTMLButtonElement {
    const placed = outcome === 'placed';
    const button = h('button', { type: 'button', class: `button small ${placed ? 'primary' : ''}`, 'data-testid': placed ? 'confirm-placed' : 'confirm-not-arrived' }, text(placed ? 'employer.workers.placed' : 'employer.workers.notArrived'));
    button.addEventListener('click', () =>
      void busy(button, async () => {
        await post(`/offers/${w.offerId}/${outcome}`, {}, { session });
        toast(text(msg(placed ? 'employer.workers.placedDone' : 'employer.workers.notArrivedDone', { name: w.name })));
        await load();
        onChange();
      }),
    );
    return button;
  }

  return { el, load };
}
