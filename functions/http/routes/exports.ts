// GET /labourers.xlsx and GET /offers.xlsx: a county's lists as spreadsheets with Chinese headers.
import { chinaToday } from '#domain/calendar.js';
import { countyByCode } from '#domain/divisions.js';
import type { Deps } from '#services/deps.js';
import { exportLabourers } from '#services/export-labourers.js';
import { exportOffers } from '#services/export-offers.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { resolveCounty, type Principal } from '../principal.js';
import { ExportLabourersQuery } from '../schemas/exports.js';
import { ListOffersQuery } from '../schemas/matching.js';
import { validate } from '../validate.js';
import { xlsxResponse } from '../xlsx-response.js';

type CountyStaff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

function fileName(deps: Deps, county: string, what: { chinese: string; ascii: string }) {
  const today = chinaToday(deps.clock.now());
  const place = countyByCode(county)?.name ?? county;
  return { chinese: `${place}${what.chinese}-${today}.xlsx`, ascii: `${what.ascii}-${county}-${today}.xlsx` };
}

export async function labourersXlsxRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const query = validate(ExportLabourersQuery, event.queryStringParameters ?? {}, '查询条件');
  const county = resolveCounty(who, query.county);
  const file = await exportLabourers(deps, { county, status: query.status });
  return xlsxResponse(file, fileName(deps, county, { chinese: '劳动者名单', ascii: 'labourers' }));
}

export async function offersXlsxRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const query = validate(ListOffersQuery, event.queryStringParameters ?? {}, '查询条件');
  const county = resolveCounty(who, query.county);
  const file = await exportOffers(deps, { county, status: query.status, vacancyId: query.vacancyId });
  return xlsxResponse(file, fileName(deps, county, { chinese: '岗位通知', ascii: 'offers' }));
}
