// The workers coming to one vacancy (GET /vacancies/{id}/workers), as the employer sees them: who, on which
// bus, arriving when, and where they stand; the employer confirms each one at work (POST /offers/{id}/placed)
// or says they never came (POST /offers/{id}/not-arrived: the place goes back, the county re-plans them).
// Compact: the person in one cell (name, phone, masked ID), the bus above the arrival, the two buttons one
// above the other: four narrow columns fit the vacancy card at 1366 px.
import { get, post, type VacancyWorker } from '../api.js';
import { busy, h, replace, text, toast } from '../dom.js';
import { msg } from '../i18n.js';
import type { Session } from '../auth.js';
import { table } from '../workspace/components/table.js';

/** Their bus: its day and pickup time, on their own (a job near home), or not planned yet. */
function busCell(w: VacancyWorker): Node {
  if (w.tripDate) return text(msg('employer.workers.busAt', { date: w.tripDate.slice(5), time: w.tripTime ?? '' }));
  if (w.needsBus === false) return text('employer.workers.selfTravel');
  if (w.status === 'accepted' || w.status === 'travelling') return text('employer.workers.noBusYet');
  return document.createTextNode('—');
}

function arrivalCell(w: VacancyWorker): Node {
  if (!w.arrivalDate) return document.createTextNode('—');
  return text(msg(w.arrived === false ? 'employer.workers.expectedOn' : 'employer.workers.arrivedOn', { date: w.arrivalDate.slice(5) }));
}

/** The bus and the arrival, one above the other: the column stays narrow. */
function travelCell(w: VacancyWorker): HTMLElement {
  return h('div', { class: 'worker-travel' }, h('span', null, busCell(w)), h('small', { class: 'muted' }, arrivalCell(w)));
}

export function vacancyWorkers(session: Session, vacancyId: string, onChange: () => void): { el: HTMLElement; load: () => Promise<void> } {
  const el = h('div', { class: 'workers', 'data-testid': 'vacancy-workers', 'aria-live': 'polite' });

  async function load(): Promise<void> {
    const workers = await get<VacancyWorker[]>(`/vacancies/${vacancyId}/workers`, { session });
    if (workers.length === 0) return replace(el, h('p', { class: 'empty' }, text('employer.workers.none')));
    const sorted = [...workers].sort((a, b) => (a.arrivalDate ?? '9999').localeCompare(b.arrivalDate ?? '9999') || a.name.localeCompare(b.name, 'zh'));
    replace(
      el,
      h(
        'div',
        { class: 'table-wrap' },
        table(
          ['employer.workers.name', 'employer.workers.bus', 'employer.workers.status', 'employer.workers.action'],
          sorted.map((w) => [
            h(
              'div',
              { class: 'worker-who' },
              h('strong', null, w.name),
              h('small', null, h('a', { href: `tel:${w.phone}` }, w.phone.replace(/^\+86/, ''))),
              h('small', { class: 'mono muted' }, w.idNumberMasked),
            ),
            travelCell(w),
            h('span', { class: `badge status-${w.status}`, 'data-status': w.status }, text(msg('status.worker', { v: w.status }))),
            // Only what the API accepts now: arrived (or a job near home), or a no-show their bus left without.
            w.canSettle || w.canMarkNotArrived ? h('div', { class: 'row worker-actions' }, w.canSettle ? settle(w, 'placed') : null, settle(w, 'not-arrived')) : null,
          ]),
          (row, i) => (row.dataset.worker = sorted[i]!.labourerId),
        ),
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
