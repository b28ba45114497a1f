// Run the county's matching (POST /matching/runs); the offers it made are then shown.
import { post, type MatchingRun } from '../../api.js';
import { busy, h, replace, text, toast } from '../../dom.js';
import { msg } from '../../i18n.js';
import { rememberRun } from '../last-run.js';
import type { Workspace } from '../workspace.js';

export function matchingAction(ws: Workspace): HTMLElement {
  const button = h('button', { type: 'button', class: 'button primary', 'data-testid': 'run-matching' }, text('coord.match.run'));
  const result = h('p', { class: 'result', 'data-testid': 'match-result', 'aria-live': 'polite' });
  button.addEventListener('click', () =>
    void busy(button, async () => {
      const run = await post<MatchingRun>('/matching/runs', { county: ws.county() }, ws.opts);
      const line = msg('coord.match.result', { offers: run.offers, unmatched: run.unmatched, poor: run.poorPlaced });
      replace(
        result,
        text(line),
        run.skipped ? text(msg('coord.match.skipped', { n: run.skipped })) : null,
        ' ',
        h('a', { href: '#/offers' }, text('coord.match.seeOffers')),
        run.unmatched > 0 ? [' ', h('a', { href: `#/unmatched/${run.runId}`, 'data-testid': 'see-unmatched' }, text(msg('coord.match.seeUnmatched', { n: run.unmatched })))] : null,
      );
      rememberRun(ws.county(), run.runId);
      toast(text(line));
      ws.directory.clear();
    }),
  );
  return h('div', { class: 'action' }, h('h3', null, text('coord.match.title')), h('p', { class: 'muted' }, text('coord.match.help')), button, result);
}
