// GET /reports/placements.xlsx?county=&from=&to=&kind=: the county's placements ledger and 公示 sheet (issue #18).
import { chinaToday } from '#domain/calendar.js';
import { countyByCode } from '#domain/divisions.js';
import type { Deps } from '#services/deps.js';
import { exportPlacements } from '#services/export-placements.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { resolveCounty, type Principal } from '../principal.js';
import { PlacementsReportQuery } from '../schemas/after-bus.js';
import { validate } from '../validate.js';
import { xlsxResponse } from '../xlsx-response.js';

export async function placementsReportRoute(deps: Deps, event: HttpEvent, who: Extract<Principal, { role: 'coordinator' | 'admin' }>): Promise<HttpResult> {
  const query = validate(PlacementsReportQuery, event.queryStringParameters ?? {}, '查询条件');
  const county = resolveCounty(who, query.county);
  const file = await exportPlacements(deps, { county, from: query.from, to: query.to, kind: query.kind });
  const today = chinaToday(deps.clock.now());
  const place = countyByCode(county)?.name ?? county;
  const publicity = query.kind === 'publicity';
  return xlsxResponse(file, {
    chinese: `${place}${publicity ? '转移就业公示' : '转移就业台账'}-${today}.xlsx`,
    ascii: `${publicity ? 'placements-publicity' : 'placements'}-${county}-${today}.xlsx`,
  });
}
