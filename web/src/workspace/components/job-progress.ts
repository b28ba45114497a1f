// A background job (GET /jobs/{id}) followed on the page: a <progress> bar, asked again every 2 s until
// the job is done or failed.
import { request, type BackgroundJob } from '../../api.js';
import { h, replace, text } from '../../dom.js';
import { msg } from '../../i18n.js';

const POLL_MS = 2000;

/** Shows the job's progress in `into`; resolves with the job once it ended (failed ones included). */
export async function followJob<R>(into: Element, jobId: string, opts: Parameters<typeof request>[2]): Promise<BackgroundJob<R>> {
  const bar = h('progress', { max: '1', value: '0', 'data-testid': 'job-progress' });
  const label = h('span', { class: 'muted' });
  replace(into, h('p', null, bar, ' ', label));
  for (;;) {
    const { data: job } = await request<BackgroundJob<R>>('GET', `/jobs/${jobId}`, opts);
    bar.max = Math.max(job.total, 1);
    bar.value = job.done;
    replace(label, text(msg('job.progress', { done: job.done, total: job.total })));
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
