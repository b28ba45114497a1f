// A background job (GET /jobs/{id}) followed on the page: a <progress> bar, asked again every 2 s until
// the job is done or failed.
import { request, type BackgroundJob } from '../../api.js';
import { h, replace, text } from '../../dom.js';
import { msg } from '../../i18n.js';

const POLL_MS = 2000;

/**
 * Shows the job's progress in `into`; resolves with the job once it ended (failed ones included).
 * `label` says what is counted (default: a poverty list's rows).
 */
export async function followJob<R>(
  into: Element,
  jobId: string,
  opts: Parameters<typeof request>[2],
  label: (job: BackgroundJob<R>) => Parameters<typeof text>[0] = (job) => msg('job.progress', { done: job.done, total: job.total }),
): Promise<BackgroundJob<R>> {
  const bar = h('progress', { max: '1', value: '0', 'data-testid': 'job-progress' });
  const caption = h('span', { class: 'muted' });
  replace(into, h('p', null, bar, ' ', caption));
  for (;;) {
    const { data: job } = await request<BackgroundJob<R>>('GET', `/jobs/${jobId}`, opts);
    bar.max = Math.max(job.total, 1);
    bar.value = job.done;
    replace(caption, text(label(job)));
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
