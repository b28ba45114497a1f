// The admin's national run on /coordinator: start one over every county or the counties picked
// (POST /matching/national-runs), then follow it (GET /matching/national-runs/{id}) until it is done.
import { get, post, type NationalRun, type NationalRunStarted } from '../api.js';
import type { Session } from '../auth.js';
import { busy, errorText, h, replace, text, toast } from '../dom.js';
import { msg } from '../i18n.js';
import { placePicker } from './place-picker.js';

const POLL_MS = 3_000;

/** `onDone`: the page refreshes what the run changed (its county's offers and figures). */
export function nationalRunAction(session: Session, onDone: () => void): HTMLElement {
  const counties = placePicker({ id: 'national-counties', levels: ['county'], multiple: true, max: 50, placeholder: 'coord.national.counties' });
  const start = h('button', { type: 'button', class: 'button', 'data-testid': 'start-national' }, text('coord.national.run'));
  const status = h('p', { class: 'result', 'data-testid': 'national-status', 'aria-live': 'polite' });

  const render = (run: NationalRun): void => {
    if (run.state === 'running') {
      const total = run.counties ?? 0;
      return replace(status, text(msg('coord.national.progress', { summarised: run.summarised, matched: run.matched, total })));
    }
    if (run.state === 'failed' || run.summary === undefined) return replace(status, text(msg('coord.national.failed', { id: run.runId })));
    const s = run.summary;
    replace(
      status,
      text(msg('coord.national.done', { counties: s.succeeded, offers: s.offers, poor: s.poorPlaced })),
      s.failed.length > 0 ? text(msg('coord.national.failedCounties', { list: s.failed.join('、') })) : null,
    );
  };

  // A run outlasts any button spinner (minutes for the whole country): follow it in the status line.
  const follow = async (runId: string): Promise<void> => {
    for (;;) {
      const run = await get<NationalRun>(`/matching/national-runs/${runId}`, { session });
      render(run);
      if (run.state !== 'running') {
        if (run.state === 'succeeded') toast(text(msg('coord.national.finished', { offers: run.summary?.offers ?? 0 })));
        return onDone();
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  start.addEventListener('click', () =>
    void busy(start, async () => {
      const picked = counties.value();
      const run = await post<NationalRunStarted>('/matching/national-runs', picked.length > 0 ? { counties: picked } : {}, { session });
      replace(status, text(msg('coord.national.started', { total: run.counties })));
      void follow(run.runId).catch((error: unknown) => toast(errorText(error), 'error'));
    }),
  );

  return h(
    'details',
    { class: 'action', 'data-testid': 'national-run' },
    h('summary', null, h('h3', null, text('coord.national.title'))),
    h('p', { class: 'muted' }, text('coord.national.help')),
    h('label', { class: 'label', for: 'national-counties' }, text('coord.national.countiesLabel')),
    counties.el,
    start,
    status,
  );
}
