// Run the county's matching (POST /matching/runs); the offers it made are then shown. A big county is
// matched in the background (202 {runId, jobId}): a progress bar follows the job to the same result.
// `onDone` runs once the run has ended (either way), so the dashboard's figures follow at once.
import { ApiError, request, type MatchingRun, type MatchingRunStarted } from '../../api.js';
import { busy, h, replace, text, toast } from '../../dom.js';
import { msg, t } from '../../i18n.js';
import { rememberRun } from '../last-run.js';
import type { Workspace } from '../workspace.js';
import { followJob } from './job-progress.js';

export function matchingAction(ws: Workspace, onDone: () => void = () => undefined): HTMLElement {
  const button = h('button', { type: 'button', class: 'button primary', 'data-testid': 'run-matching' }, text('coord.match.run'));
  const result = h('div', { class: 'result', 'data-testid': 'match-result', 'aria-live': 'polite' });
  button.addEventListener('click', () =>
    void busy(button, async () => {
      const answer = await request<MatchingRun | MatchingRunStarted>('POST', '/matching/runs', { ...ws.opts, json: { county: ws.county() } });
      let run = answer.data as MatchingRun;
      if (answer.status === 202) {
        const started = answer.data as MatchingRunStarted;
        rememberRun(ws.county(), started.runId);
        const job = await followJob<MatchingRun>(result, started.jobId, ws.opts, (j) =>
          j.total > 0 ? msg('job.progress.offers', { done: j.done, total: j.total }) : msg('job.progress.solving'),
        );
        if (job.state === 'failed' || !job.result) {
          // What it wrote stands: the error says how many offers went out, and the offers are listed.
          const reason = job.error ?? t('job.failed');
          replace(result, h('p', { class: 'error' }, reason), h('p', null, h('a', { href: '#/offers' }, text('coord.match.seeOffers'))));
          ws.directory.clear();
          onDone();
          throw new ApiError(500, 'JOB_FAILED', reason);
        }
        run = job.result;
      }
      const line = msg('coord.match.result', { offers: run.offers, unmatched: run.unmatched, poor: run.poorPlaced });
      replace(
        result,
        h(
          'p',
          null,
          text(line),
          run.skipped ? text(msg('coord.match.skipped', { n: run.skipped })) : null,
          ' ',
          h('a', { href: '#/offers' }, text('coord.match.seeOffers')),
          run.unmatched > 0 ? [' ', h('a', { href: `#/unmatched/${run.runId}`, 'data-testid': 'see-unmatched' }, text(msg('coord.match.seeUnmatched', { n: run.unmatched })))] : null,
        ),
      );
      rememberRun(ws.county(), run.runId);
      toast(text(line));
      ws.directory.clear();
      onDone();
    }),
  );
  return h('div', { class: 'action' }, h('h3', null, text('coord.match.title')), h('p', { class: 'muted' }, text('coord.match.help')), button, result);
}
