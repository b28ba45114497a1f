// A county's labourers as a spreadsheet (GET /labourers.xlsx): masked ID numbers only, as every list.
import { chinaDateTime } from '#domain/calendar.js';
import { countyByCode } from '#domain/divisions.js';
import { ValidationError } from '#domain/errors.js';
import { CHANNEL_LABELS, LABOURER_STATUS_LABELS, POVERTY_SOURCE_LABELS, labelOf } from '#domain/status-labels.js';
import type { LABOURER_STATUSES } from '#store/entities/labourer.js';
import type { Deps } from './deps.js';
import { toLabourerView, type LabourerItem, type LabourerView } from './labourer-view.js';
import { xlsxBuffer, type SheetColumn } from './xlsx-workbook.js';

/** A Lambda answers at most 6 MB (base64): 50,000 rows stay well inside it. */
export const MAX_EXPORT_ROWS = 50_000;

const COLUMNS: SheetColumn<LabourerView>[] = [
  { header: '姓名', width: 10, value: (l) => l.name },
  { header: '手机号', width: 16, value: (l) => l.phone.replace(/^\+86/, '') },
  { header: '身份证号（脱敏）', width: 22, value: (l) => l.idNumberMasked },
  { header: '户籍县', width: 12, value: (l) => countyByCode(l.homeCounty)?.name ?? l.homeCounty },
  { header: '工种', width: 16, value: (l) => l.skills.join('、') },
  { header: '意向地', width: 20, value: (l) => l.destinations.map((d) => d.name).join('、') },
  { header: '能否外出', width: 10, value: (l) => (l.canTravel ? '能' : '仅本县') },
  { header: '期望月薪', width: 10, value: (l) => l.expectedWage },
  { header: '可到岗日期', width: 12, value: (l) => l.availableFrom },
  { header: '状态', width: 8, value: (l) => labelOf(LABOURER_STATUS_LABELS, l.status) },
  { header: '建档立卡', width: 10, value: (l) => (l.poverty ? '是' : '否') },
  { header: '建档立卡来源', width: 12, value: (l) => labelOf(POVERTY_SOURCE_LABELS, l.povertySource) },
  { header: '已退订短信', width: 10, value: (l) => (l.optedOut ? '是' : '否') },
  { header: '报名方式', width: 8, value: (l) => labelOf(CHANNEL_LABELS, l.channel) },
  { header: '报名码', width: 10, value: (l) => l.registrationCode },
  { header: '乘车点', width: 14, value: (l) => l.pickup?.name },
  { header: '报名时间', width: 17, value: (l) => chinaDateTime(l.createdAt) },
];

export async function exportLabourers(
  deps: Pick<Deps, 'db'>,
  query: { county: string; status?: (typeof LABOURER_STATUSES)[number] },
): Promise<Buffer> {
  const key = { homeCounty: query.county, ...(query.status ? { status: query.status } : {}) };
  const rows: LabourerView[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: LabourerItem[]; cursor: string | null } = await deps.db.entities.labourer.query
      .labourersByCounty(key)
      .go({ cursor, limit: 1000 });
    rows.push(...page.data.map(toLabourerView));
    cursor = page.cursor;
    if (rows.length > MAX_EXPORT_ROWS) {
      throw new ValidationError(`名单超过 ${MAX_EXPORT_ROWS} 人，请按状态分别导出`, [{ path: 'status', message: '请选择一个状态' }]);
    }
  } while (cursor);
  return xlsxBuffer('劳动者', COLUMNS, rows);
}
