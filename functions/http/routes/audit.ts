// GET /audit: the county's trail of staff writes, newest first; `target` narrows it to one thing.
import type { Deps } from '#services/deps.js';
import { listAudit } from '#services/audit.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { resolveCounty, type Principal } from '../principal.js';
import { AuditQuery } from '../schemas/audit.js';
import { validate } from '../validate.js';

type Staff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

/** A coordinator reads their county's entries only; admin names a county, or reads one target anywhere. */
export async function listAuditRoute(deps: Deps, event: HttpEvent, who: Staff): Promise<HttpResult> {
  const query = validate(AuditQuery, event.queryStringParameters ?? {}, '查询条件');
  const county = who.role === 'admin' && query.county === undefined && query.target !== undefined ? undefined : resolveCounty(who, query.county);
  const page = await listAudit(deps, { county, target: query.target, limit: query.limit, cursor: query.cursor });
  return jsonResponse(200, page.items, page.cursor ? { 'x-next-cursor': page.cursor } : {});
}
