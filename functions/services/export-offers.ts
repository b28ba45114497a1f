// A county's offers as a spreadsheet (GET /offers.xlsx), with each labourer's name and phone.
import { chinaDateTime } from '#domain/calendar.js';
import { countyByCode } from '#domain/divisions.js';
import { ValidationError } from '#domain/errors.js';
import { OFFER_STATUS_LABELS, VACANCY_KIND_LABELS, labelOf } from '#domain/status-labels.js';
import type { OFFER_STATUSES } from '#store/entities/offer.js';
import type { Deps } from './deps.js';
import { MAX_EXPORT_ROWS } from './export-labourers.js';
import { toOfferView, type OfferView } from './offer-view.js';
import { xlsxBuffer, type SheetColumn } from './xlsx-workbook.js';

type Row = OfferView & { name?: string; phone?: string };

const COLUMNS: SheetColumn<Row>[] = [
  { header: '姓名', width: 10, value: (o) => o.name },
  { header: '手机号', width: 16, value: (o) => o.phone?.replace(/^\+86/, '') },
  { header: '岗位', width: 22, value: (o) => o.vacancyTitle },
  { header: '岗位类型', width: 10, value: (o) => labelOf(VACANCY_KIND_LABELS, o.vacancyKind) },
  { header: '岗位所在地', width: 14, value: (o) => countyByCode(o.vacancyCounty)?.name ?? o.vacancyCounty },
  { header: '状态', width: 8, value: (o) => labelOf(OFFER_STATUS_LABELS, o.status) },
  { header: '匹配度', width: 8, value: (o) => o.fit },
  // Each reason is `CODE: 中文`; the sheet shows the Chinese.
  { header: '匹配理由', width: 50, value: (o) => o.reasons.map((r) => r.replace(/^[A-Z]+: /, '')).join('；') },
  { header: '发出时间', width: 17, value: (o) => chinaDateTime(o.createdAt) },
  { header: '答复期限', width: 17, value: (o) => chinaDateTime(o.respondBy) },
  { header: '答复时间', width: 17, value: (o) => (o.answeredAt ? chinaDateTime(o.answeredAt) : undefined) },
  { header: '劳动者编号', width: 28, value: (o) => o.labourerId },
];

export async function exportOffers(
  deps: Pick<Deps, 'db'>,
  query: { county: string; status?: (typeof OFFER_STATUSES)[number]; vacancyId?: string },
): Promise<Buffer> {
  const { county, status, vacancyId } = query;
  const offers = deps.db.entities.offer.query.offersByCounty({ county, ...(status ? { status } : {}) });
  const { data } = await (vacancyId ? offers.where((a, { eq }) => eq(a.vacancyId, vacancyId)) : offers).go({ pages: 'all' });
  if (data.length > MAX_EXPORT_ROWS) {
    throw new ValidationError(`岗位通知超过 ${MAX_EXPORT_ROWS} 条，请按状态分别导出`, [{ path: 'status', message: '请选择一个状态' }]);
  }
  const ids = [...new Set(data.map((o) => o.labourerId))];
  const people = new Map<string, { name?: string; phone?: string }>();
  for (let i = 0; i < ids.length; i += 100) {
    const { data: found } = await deps.db.entities.labourer
      .get(ids.slice(i, i + 100).map((labourerId) => ({ labourerId })))
      .go({ attributes: ['labourerId', 'name', 'phone'] });
    for (const p of found) people.set(p.labourerId!, { name: p.name, phone: p.phone });
  }
  const rows = data.map((o) => ({ ...toOfferView(o), ...people.get(o.labourerId) }));
  return xlsxBuffer('岗位通知', COLUMNS, rows);
}
