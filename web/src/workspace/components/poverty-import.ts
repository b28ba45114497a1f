// Import the county's poverty list (建档立卡名单, POST /labourers/poverty-import); a large list (202) runs in
// the background and is followed with a progress bar until its result.
import { ApiError, request, type JobStarted, type PovertyImport } from '../../api.js';
import { busy, h, replace, text, toast } from '../../dom.js';
import { msg, t } from '../../i18n.js';
import type { Workspace } from '../workspace.js';
import { followJob } from './job-progress.js';

export function povertyImport(ws: Workspace, onImported: () => void): HTMLElement {
  const file = h('input', { type: 'file', id: 'poverty-file', class: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const button = h('button', { type: 'button', class: 'button', 'data-testid': 'import-poverty' }, text('coord.import.run'));
  const result = h('div', { class: 'result', 'data-testid': 'import-result', 'aria-live': 'polite' });
  button.addEventListener('click', () =>
    void busy(button, async () => {
      const chosen = file.files?.[0];
      if (!chosen) {
        toast(text('coord.import.pick'), 'error');
        return;
      }
      const query = ws.session.role === 'admin' ? { county: ws.county() } : {};
      // The file's own bytes: an office's list is often GBK (Excel on Chinese Windows) or .xlsx, which the
      // API decodes; read as text here, GBK would be lost before it left the browser.
      const answer = await request<PovertyImport | JobStarted>('POST', '/labourers/poverty-import', { ...ws.opts, query, body: await chosen.arrayBuffer(), contentType: 'application/octet-stream' });
      file.value = '';
      let data = answer.data as PovertyImport;
      if (answer.status === 202) {
        const job = await followJob<PovertyImport>(result, (answer.data as JobStarted).jobId, ws.opts);
        if (job.state === 'failed' || !job.result) {
          const reason = job.error ?? t('job.failed');
          replace(result, h('p', { class: 'error' }, reason));
          throw new ApiError(500, 'JOB_FAILED', reason);
        }
        data = job.result;
      }
      const line = msg('coord.import.result', { matched: data.matched, unmatched: data.unmatched, other: data.notResident ?? 0 });
      replace(
        result,
        h('p', null, text(line)),
        data.errors?.length
          ? h('details', null, h('summary', null, text(msg('coord.import.errors', { n: data.errors.length }))), h('ul', null, data.errors.slice(0, 50).map((e) => h('li', null, `#${e.row}: ${e.message}`))))
          : null,
      );
      toast(text(line));
      onImported();
    }),
  );
  return h(
    'div',
    { class: 'action' },
    h('h3', null, text('coord.import.title')),
    h('p', { class: 'muted' }, text('coord.import.help')),
    h('div', { class: 'row' }, file, button),
    result,
  );
}
