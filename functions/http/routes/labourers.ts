// /labourers: public registration (web form), the coordinator's reads, search, edits and a person's history.
import { NotFoundError, ValidationError } from '#domain/errors.js';
import { normalizeMainlandMobile } from '#domain/phone.js';
import type { Deps } from '#services/deps.js';
import { findLabourerByPhone, getLabourer, listCountyLabourers } from '#services/find-labourers.js';
import { labourerHistory } from '#services/labourer-history.js';
import { startPovertyImport } from '#services/poverty-import-job.js';
import { searchLabourers } from '#services/search-labourers.js';
import { updateLabourer } from '#services/update-labourer.js';
import { registerFromWeb, type WebRegistrant } from '#services/register-from-web.js';
import { sendVerificationCode } from '#services/verify-phone.js';
import { clientAddress } from '../client-address.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { optionalPrincipal } from '../optional-principal.js';
import { uploadedFile } from '../uploaded-file.js';
import { actorOf, assertCountyAccess, resolveCounty, type Principal } from '../principal.js';
import { ListLabourersQuery, PatchLabourerBody, PovertyImportQuery, RegisterLabourerBody, VerifyPhoneBody } from '../schemas/labourers.js';
import { validate } from '../validate.js';

/** Public with the SMS code of the phone; a coordinator (own county's residents) or admin without one. */
export async function postLabourer(deps: Deps, event: HttpEvent): Promise<HttpResult> {
  const { verificationCode, consent: _consent, ...body } = validate(RegisterLabourerBody, event.body, '报名信息');
  const principal = await optionalPrincipal(event);
  const who: WebRegistrant =
    principal?.role === 'coordinator'
      ? { by: 'staff', registeredBy: `coordinator:${principal.county}`, county: principal.county }
      : principal?.role === 'admin'
        ? { by: 'staff', registeredBy: 'admin' }
        : { by: 'public', verificationCode };
  const result = await registerFromWeb(deps, body, who);
  return jsonResponse(201, result, { location: `/labourers/${result.id}` });
}

/** Sends the 6-digit code a public registration needs. */
export async function postVerification(deps: Deps, event: HttpEvent): Promise<HttpResult> {
  const { phone } = validate(VerifyPhoneBody, event.body, '请求');
  return jsonResponse(202, await sendVerificationCode(deps, phone, clientAddress(event)));
}

type Reader = Extract<Principal, { role: 'coordinator' | 'admin' }>;

export async function getLabourerById(deps: Deps, event: HttpEvent, principal: Reader): Promise<HttpResult> {
  const labourer = await getLabourer(deps, event.pathParameters?.id ?? '');
  if (!labourer) throw new NotFoundError('没有这个劳动者');
  assertCountyAccess(principal, labourer.homeCounty);
  return jsonResponse(200, labourer);
}

/** Answers a JSON array; the next page's cursor, when there is one, is in the `x-next-cursor` header. */
export async function listLabourers(deps: Deps, event: HttpEvent, who: Reader): Promise<HttpResult> {
  const query = validate(ListLabourersQuery, event.queryStringParameters ?? {}, '查询条件');
  if (query.q !== undefined) {
    // A coordinator searches their county; admin a named county, or (exact lookups) every county.
    const county = query.county ?? (who.role === 'coordinator' ? who.county : undefined);
    if (county) assertCountyAccess(who, county);
    const page = await searchLabourers(deps, { q: query.q, county, limit: query.limit, cursor: query.cursor });
    return jsonResponse(200, page.items, page.cursor ? { 'x-next-cursor': page.cursor } : {});
  }
  if (query.phone !== undefined) {
    // By phone, admin searches everywhere; a coordinator finds only their county's labourer.
    const county = query.county ?? (who.role === 'coordinator' ? who.county : undefined);
    if (county) assertCountyAccess(who, county);
    const phone = normalizeMainlandMobile(query.phone);
    if (!phone.ok) throw new ValidationError('查询条件有误', [{ path: 'phone', message: '手机号码格式不对' }]);
    const found = await findLabourerByPhone(deps, phone.e164);
    const visible =
      found &&
      (county === undefined || found.homeCounty === county) &&
      (query.status === undefined || found.status === query.status);
    return jsonResponse(200, visible ? [found] : []);
  }
  const county = resolveCounty(who, query.county);
  const page = await listCountyLabourers(deps, { county, status: query.status, limit: query.limit, cursor: query.cursor });
  const items = query.watch === 'true' ? page.items.filter((l) => l.watchSince) : page.items;
  return jsonResponse(200, items, page.cursor ? { 'x-next-cursor': page.cursor } : {});
}

/** Staff correct a labourer's details (audited); answers the labourer as GET does. */
export async function patchLabourerRoute(deps: Deps, event: HttpEvent, who: Reader): Promise<HttpResult> {
  const changes = validate(PatchLabourerBody, event.body, '修改的信息');
  const labourer = await updateLabourer(deps, event.pathParameters?.id ?? '', changes, actorOf(who), (county) => assertCountyAccess(who, county));
  return jsonResponse(200, labourer);
}

/** Both directions of SMS and what happened to the labourer, oldest first. */
export async function labourerHistoryRoute(deps: Deps, event: HttpEvent, who: Reader): Promise<HttpResult> {
  const labourer = await getLabourer(deps, event.pathParameters?.id ?? '');
  if (!labourer) throw new NotFoundError('没有这个劳动者');
  assertCountyAccess(who, labourer.homeCounty);
  return jsonResponse(200, (await labourerHistory(deps, labourer.id)) ?? []);
}

/**
 * The county's list as uploaded — .xlsx, or CSV in UTF-8 (BOM or not), UTF-16 or GBK/GB18030 — with an ID
 * number column; a coordinator imports for their county, admin names one with ?county=. A large list runs
 * in the background: `202 {jobId, state, total}`, followed with GET /jobs/{id}.
 */
export async function importPovertyRoute(deps: Deps, event: HttpEvent, who: Reader): Promise<HttpResult> {
  const query = validate(PovertyImportQuery, event.queryStringParameters ?? {}, '查询条件');
  const county = resolveCounty(who, query.county);
  const started = await startPovertyImport(deps, county, uploadedFile(event), actorOf(who));
  if (started.ran === 'now') return jsonResponse(200, started.result);
  const { jobId, state, total } = started.job;
  return jsonResponse(202, { jobId, state, total }, { location: `/jobs/${jobId}` });
}
