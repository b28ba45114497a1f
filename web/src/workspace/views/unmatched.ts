// 未匹配原因 (#/unmatched/<runId>): who a matching run left without an offer, by the first reason that held,
// with what the coordinator can do about each. Without a run id: the county's last run from this page.
import { get, request, type MatchingRunRecord, type UnmatchedEntry } from '../../api.js';
import { busy, formatDateTime, h, replace, text } from '../../dom.js';
import { msg } from '../../i18n.js';
import { formatPhone } from '../../phone-book.js';
import { UNMATCHED_REASON_ADVICE, UNMATCHED_REASON_LABELS, UNMATCHED_REASONS, type UnmatchedReason } from '../../../../functions/domain/matching/unmatched-reasons.js';
import { empty, table } from '../components/table.js';
import { lastRun } from '../last-run.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

export function unmatchedView(ws: Workspace): View {
  const summary = h('div', { 'data-testid': 'unmatched-summary' });
  const people = h('div', { class: 'table-wrap', 'data-testid': 'unmatched-list' });
  const more = h('button', { type: 'button', class: 'button small', hidden: true }, text('common.more'));
  let run: MatchingRunRecord | undefined;
  let reason: UnmatchedReason | undefined;
  let cursor: string | null = null;
  let shown: UnmatchedEntry[] = [];
  more.addEventListener('click', () => void busy(more, () => loadPeople(true)));

  async function loadPeople(next = false): Promise<void> {
    if (!run) return;
    const response = await request<UnmatchedEntry[]>('GET', `/matching/runs/${run.runId}/unmatched`, {
      ...ws.opts,
      query: { reason, cursor: next ? (cursor ?? undefined) : undefined },
    });
    await ws.directory.ensure();
    shown = next ? [...shown, ...response.data] : response.data;
    cursor = response.headers.get('x-next-cursor');
    more.hidden = !cursor;
    replace(
      people,
      shown.length === 0
        ? empty('coord.unmatched.nobody')
        : table(
            ['col.name', 'col.phone', 'col.reason'],
            shown.map((u) => {
              const person = ws.directory.get(u.labourerId);
              return [
                h('a', { href: `#/people/${u.labourerId}`, class: 'person-link' }, h('strong', null, person?.name ?? u.labourerId.slice(-6))),
                person ? h('span', { class: 'mono nowrap' }, formatPhone(person.phone)) : '',
                UNMATCHED_REASON_LABELS[u.reason as UnmatchedReason] ?? u.reason,
              ];
            }),
          ),
    );
  }

  function renderSummary(): void {
    if (!run) return replace(summary, empty('coord.unmatched.noRun'));
    const counts = UNMATCHED_REASONS.filter((r) => (run!.byReason[r] ?? 0) > 0);
    const pick = (r: UnmatchedReason | undefined) => () => {
      reason = r;
      renderSummary();
      void loadPeople();
    };
    replace(
      summary,
      h('p', { class: 'muted' }, text(msg('coord.unmatched.run', { time: formatDateTime(run.finishedAt ?? run.startedAt), offers: run.offers, unmatched: run.unmatched }))),
      counts.length === 0
        ? empty('coord.unmatched.none')
        : h(
            'ul',
            { class: 'reason-counts' },
            h('li', null, h('button', { type: 'button', class: 'chip', 'aria-pressed': String(!reason), on: { click: pick(undefined) } }, text(msg('coord.unmatched.all', { n: run.unmatched })))),
            counts.map((r) =>
              h(
                'li',
                { 'data-reason': r },
                h('button', { type: 'button', class: 'chip', 'aria-pressed': String(reason === r), on: { click: pick(r) } }, `${UNMATCHED_REASON_LABELS[r]} · ${run!.byReason[r]}`),
                h('p', { class: 'muted small' }, UNMATCHED_REASON_ADVICE[r]),
              ),
            ),
          ),
    );
  }

  return {
    el: h('section', { class: 'card view' }, h('h2', null, text('tab.unmatched')), summary, people, h('div', { class: 'actions' }, more)),
    async show(route) {
      const runId = route.param ?? lastRun(ws.county());
      run = runId ? await get<MatchingRunRecord>(`/matching/runs/${runId}`, ws.opts) : undefined;
      reason = undefined;
      renderSummary();
      if (run) await loadPeople();
      else replace(people);
    },
  };
}
