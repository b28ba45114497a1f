// /phone-changes: the county's 换号 requests, and a coordinator's decision once they have seen the
// labourer's ID card (the old phone may be lost, or the request may not be the labourer's).
import { NotFoundError } from '#domain/errors.js';
import type { Deps } from '#services/deps.js';
import { getLabourer } from '#services/find-labourers.js';
import { listPhoneChanges, settlePhoneChange } from '#services/phone-change.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { assertCountyAccess, resolveCounty, type Principal } from '../principal.js';
import { ListPhoneChangesQuery } from '../schemas/phone-changes.js';
import { validate } from '../validate.js';

type Staff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

export async function listPhoneChangesRoute(deps: Deps, event: HttpEvent, who: Staff): Promise<HttpResult> {
  const query = validate(ListPhoneChangesQuery, event.queryStringParameters ?? {}, '查询条件');
  const county = resolveCounty(who, query.county);
  const changes = await listPhoneChanges(deps, county, query.status);
  const withNames = await Promise.all(
    changes.map(async (change) => {
      const labourer = await getLabourer(deps, change.labourerId);
      return { ...change, name: labourer?.name, idNumberMasked: labourer?.idNumberMasked };
    }),
  );
  return jsonResponse(200, withNames);
}

function decideRoute(decision: 'approve' | 'refuse') {
  return async (deps: Deps, event: HttpEvent, who: Staff): Promise<HttpResult> => {
    const labourer = await getLabourer(deps, event.pathParameters?.labourerId ?? '');
    if (!labourer) throw new NotFoundError('没有这个劳动者');
    assertCountyAccess(who, labourer.homeCounty);
    const decidedBy = who.role === 'coordinator' ? `coordinator:${who.county}` : 'admin';
    const status = await settlePhoneChange(deps, labourer.id, decision, decidedBy);
    return jsonResponse(200, { labourerId: labourer.id, status });
  };
}

export const approvePhoneChangeRoute = decideRoute('approve');
export const refusePhoneChangeRoute = decideRoute('refuse');
