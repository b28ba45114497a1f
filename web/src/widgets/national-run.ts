// The admin's national run on /coordinator: start one over the deployment's counties or those picked
// (POST /matching/national-runs), then follow it (GET /matching/national-runs/{id}) until it is done.
import { ApiError, get, post, type NationalRun, type NationalRunStarted } from '../api.js';
import type { Session } from '../auth.js';
import { busy, h, replace, text, toast } from '../dom.js';
import { msg } from '../i18n.js';
import { placePicker } from './place-picker.js';

const POLL_MS = 3_000;
/** A run lasts minutes to hours: a poll that fails (the network, a 5xx) is tried again, this often in a row. */
const POLL_FAILURES = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `onDone`: the page refreshes what the run changed (its county's offers and figures). */
export function nationalRunAction(session: Session, onDone: () => void): HTMLElement {
  const counties = placePicker({ id: 'national-counties', levels: ['county'], multiple: true, max: 50, placeholder: 'coord.national.counties' });
  const start = h('button', { type: 'button', class: 'button', 'data-testid': 'start-national' }, text('coord.national.run'));
  const status = h('p', { class: 'result', 'data-testid': 'national-status', 'aria-live': 'polite' });

  const render = (run: NationalRun, total: number): void => {
    if (run.state === 'running') {
      return replace(status, text(msg('coord.national.progress', { summarised: run.summarised, matched: run.matched, total: run.counties ?? total })));
    }
    if (run.state === 'failed' || run.summary === undefined) return replace(status, text(msg('coord.national.failed', { id: run.runId })));
    const s = run.summary;
    replace(
      status,
      text(msg('coord.national.done', { counties: s.succeeded, offers: s.offers, poor: s.poorPlaced })),
      s.failed.length > 0 ? text(msg('coord.national.failedCounties', { list: s.failed.join('、') })) : null,
    );
  };

  /** Polls until the run ends; the last run seen, or undefined when polling had to give up. */
  const follow = async (started: NationalRunStarted): Promise<NationalRun | undefined> => {
    for (let failures = 0; failures < POLL_FAILURES; ) {
      await sleep(POLL_MS);
      try {
        const run = await get<NationalRun>(`/matching/national-runs/${started.runId}`, { session });
        failures = 0;
        render(run, started.counties);
        if (run.state !== 'running') return run;
      } catch (error) {
        // A refused or unknown run will not get better by asking again.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) throw error;
        failures++;
      }
    }
    return undefined;
  };

  // One run at a time from this page: the button stays busy until the run it started has ended.
  start.addEventListener('click', () =>
    void busy(start, async () => {
      const picked = counties.value();
      const started = await post<NationalRunStarted>('/matching/national-runs', picked.length > 0 ? { counties: picked } : {}, { session });
      replace(status, text(msg('coord.national.started', { total: started.counties })));
      const run = await follow(started);
      if (run === undefined) replace(status, text(msg('coord.national.lost', { id: started.runId })));
      else if (run.state === 'succeeded') toast(text(msg('coord.national.finished', { offers: run.summary?.offers ?? 0 })));
      onDone();
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
