// GET /jobs/{id}: how a background job (a large poverty-list import, a big matching run, a bulk booking) goes, for its county's staff.
import { NotFoundError } from '#domain/errors.js';
import { jobView, readJob } from '#services/background-job.js';
import type { Deps } from '#services/deps.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { assertCountyAccess, type Principal } from '../principal.js';

type CountyStaff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

export async function getJobRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const job = await readJob(deps, event.pathParameters?.id ?? '');
  if (!job) throw new NotFoundError('没有这个后台任务（记录保留 14 天）');
  assertCountyAccess(who, job.county);
  return jsonResponse(200, jobView(job));
}
