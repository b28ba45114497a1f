// The placements ledger a county files for transport and job-retention subsidies (交通补助, 稳岗补贴; issue
// #18): one row per worker who travelled on a county bus and was placed, with the trip, the job, the dates
// and days at work; and the 公示 sheet for public posting — name, masked ID number, employer, date — never a
// full ID number (none is stored). Both sheets in one workbook, or the 公示 sheet alone.
import { chinaToday } from '#domain/calendar.js';
import { countyByCode } from '#domain/divisions.js';
import { ValidationError } from '#domain/errors.js';
import type { Deps } from './deps.js';
import { MAX_EXPORT_ROWS } from './export-labourers.js';
import type { OfferItem } from './offer-view.js';
import type { TripItem } from './trip-view.js';
import { loadExcel, type SheetColumn } from './xlsx-workbook.js';

const LEFT_REASON_LABELS: Record<string, string> = { left: '已离职', change: '想换工作', not_arrived: '未到岗', employer: '单位辞退' };
const CHECK_IN_LABELS: Record<string, string> = { stay: '在岗', left: '已离职', change: '想换工作', unknown: '未回复' };
/** 稳岗补贴 is paid after three months at work. */
const RETENTION_DAYS = 90;

export interface PlacementRow {
  name: string;
  idNumberMasked: string;
  phone: string;
  tripDate: string;
  tripRoute: string;
  pickup: string;
  arrivalDate: string;
  job: string;
  jobPlace: string;
  /** The place and 用工单位 (no employer name is stored). */
  employer: string;
  /** The employer's account id, for the county to trace. */
  employerAccount: string;
  placedDate: string;
  leftDate: string;
  leftReason: string;
  daysAtWork: number;
  d30: string;
  d60: string;
  d90: string;
}

const LEDGER: SheetColumn<PlacementRow>[] = [
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '身份证号（脱敏）', width: 20, value: (r) => r.idNumberMasked },
  { header: '手机号', width: 14, value: (r) => r.phone },
  { header: '乘车日期', width: 12, value: (r) => r.tripDate },
  { header: '车次（出发→到达）', width: 24, value: (r) => r.tripRoute },
  { header: '上车点', width: 14, value: (r) => r.pickup },
  { header: '到达日期', width: 12, value: (r) => r.arrivalDate },
  { header: '用工单位', width: 16, value: (r) => r.employer },
  { header: '用工单位账号', width: 18, value: (r) => r.employerAccount },
  { header: '岗位', width: 22, value: (r) => r.job },
  { header: '岗位所在地', width: 14, value: (r) => r.jobPlace },
  { header: '上岗日期', width: 12, value: (r) => r.placedDate },
  { header: '离岗日期', width: 12, value: (r) => r.leftDate },
  { header: '离岗原因', width: 10, value: (r) => r.leftReason },
  { header: '在岗天数', width: 10, value: (r) => r.daysAtWork },
  { header: '满3个月', width: 8, value: (r) => (r.daysAtWork >= RETENTION_DAYS ? '是' : '否') },
  { header: '30天回访', width: 10, value: (r) => r.d30 },
  { header: '60天回访', width: 10, value: (r) => r.d60 },
  { header: '90天回访', width: 10, value: (r) => r.d90 },
];

const PUBLICITY: SheetColumn<PlacementRow & { no: number }>[] = [
  { header: '序号', width: 6, value: (r) => r.no },
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '身份证号', width: 20, value: (r) => r.idNumberMasked },
  { header: '用工单位（岗位）', width: 36, value: (r) => (r.employer ? `${r.employer}（${r.job}）` : r.job) },
  { header: '上岗日期', width: 12, value: (r) => r.placedDate },
];

const chinaDay = (iso: string) => chinaToday(new Date(iso));

/**
 * What the sheets can say of the employer: vacancies carry no employer name, only an account id (an
 * internal key, never for a notice board). So the place and 用工单位 (a county's own post: 公益岗位), the
 * account id beside it in the ledger only, where the county may need to trace it.
 */
function employerLabel(v: { employerId?: string; county?: string; kind?: string }): { label: string; account: string } {
  const place = v.county ? (countyByCode(v.county)?.name ?? '') : '';
  const label = v.kind === 'post' ? `${place}公益岗位` : `${place}用工单位`;
  return { label, account: v.employerId ?? '' };
}

export async function placementRows(deps: Pick<Deps, 'db' | 'clock'>, query: { county: string; from?: string; to?: string }): Promise<PlacementRow[]> {
  const { offer, labourer, trip, vacancy } = deps.db.entities;
  const [{ data: placed }, { data: left }] = await Promise.all([
    offer.query.offersByCounty({ county: query.county, status: 'placed' }).go({ pages: 'all' }),
    offer.query.offersByCounty({ county: query.county, status: 'left' }).go({ pages: 'all' }),
  ]);
  const rows = [...placed, ...left].filter((o): o is OfferItem & { placedAt: string; tripId: string } => {
    if (!o.placedAt || !o.tripId) return false;
    const day = chinaDay(o.placedAt);
    return (!query.from || day >= query.from) && (!query.to || day <= query.to);
  });
  if (rows.length > MAX_EXPORT_ROWS) throw new ValidationError(`超过 ${MAX_EXPORT_ROWS} 行，请缩短日期范围`, [{ path: 'from', message: '请缩短日期范围' }]);
  const people = new Map<string, { name?: string; phone?: string; idNumberMasked?: string }>();
  const trips = new Map<string, TripItem>();
  const employers = new Map<string, { label: string; account: string }>();
  const labourerIds = [...new Set(rows.map((o) => o.labourerId))];
  const tripIds = [...new Set(rows.map((o) => o.tripId))];
  const vacancyIds = [...new Set(rows.map((o) => o.vacancyId))];
  for (let i = 0; i < labourerIds.length; i += 100) {
    const { data } = await labourer.get(labourerIds.slice(i, i + 100).map((labourerId) => ({ labourerId }))).go({ attributes: ['labourerId', 'name', 'phone', 'idNumberMasked'] });
    for (const p of data) people.set(p.labourerId!, p);
  }
  for (let i = 0; i < tripIds.length; i += 100) {
    const { data } = await trip.get(tripIds.slice(i, i + 100).map((tripId) => ({ tripId }))).go();
    for (const t of data) trips.set(t.tripId, t);
  }
  for (let i = 0; i < vacancyIds.length; i += 100) {
    const { data } = await vacancy.get(vacancyIds.slice(i, i + 100).map((vacancyId) => ({ vacancyId }))).go({ attributes: ['vacancyId', 'employerId', 'county', 'kind'] });
    for (const v of data) employers.set(v.vacancyId!, employerLabel(v));
  }
  const now = deps.clock.now();
  return rows
    .map((o): PlacementRow => {
      const p = people.get(o.labourerId);
      const t = trips.get(o.tripId);
      const r = t?.riders?.find((x) => x.labourerId === o.labourerId);
      const stop = r && t?.stops?.find((s) => (s.code ?? s.name) === r.pickup);
      const end = o.leftAt ? new Date(o.leftAt) : now;
      return {
        name: p?.name ?? '',
        idNumberMasked: p?.idNumberMasked ?? '',
        phone: p?.phone?.replace(/^\+86/, '') ?? '',
        // The day it really left (a bus held back leaves later than planned); the plan's day before departure.
        tripDate: t?.departedAt ? chinaDay(t.departedAt) : (t?.date ?? ''),
        tripRoute: t ? `${countyByCode(t.county)?.name ?? t.county} → ${t.destinationName}` : '',
        pickup: stop?.name ?? t?.pickupPoint ?? '',
        arrivalDate: o.arrivedAt ? chinaDay(o.arrivedAt) : '',
        job: o.vacancyTitle,
        jobPlace: countyByCode(o.vacancyCounty)?.name ?? o.vacancyCounty,
        employer: employers.get(o.vacancyId)?.label ?? '',
        employerAccount: employers.get(o.vacancyId)?.account ?? '',
        placedDate: chinaDay(o.placedAt),
        leftDate: o.leftAt ? chinaDay(o.leftAt) : '',
        leftReason: o.leftReason ? (LEFT_REASON_LABELS[o.leftReason] ?? o.leftReason) : '',
        daysAtWork: Math.max(0, Math.floor((end.getTime() - Date.parse(o.placedAt)) / 86_400_000)),
        d30: CHECK_IN_LABELS[o.retention?.d30 ?? ''] ?? '',
        d60: CHECK_IN_LABELS[o.retention?.d60 ?? ''] ?? '',
        d90: CHECK_IN_LABELS[o.retention?.d90 ?? ''] ?? '',
      };
    })
    .sort((a, b) => a.placedDate.localeCompare(b.placedDate) || a.name.localeCompare(b.name, 'zh'));
}

/** `kind`: both sheets (`ledger`, the default) or the 公示 sheet alone. */
export async function exportPlacements(
  deps: Pick<Deps, 'db' | 'clock'>,
  query: { county: string; from?: string; to?: string; kind?: 'ledger' | 'publicity' },
): Promise<Buffer> {
  const rows = await placementRows(deps, query);
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = '春风行动';
  const addSheet = <T>(name: string, columns: SheetColumn<T>[], data: T[]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of data) sheet.addRow(columns.map((c) => c.value(row) ?? ''));
    // Printed on one page width: the 公示 sheet goes on a notice board.
    sheet.pageSetup = { orientation: columns.length > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  };
  if (query.kind !== 'publicity') addSheet('转移就业台账', LEDGER, rows);
  addSheet('公示', PUBLICITY, rows.map((r, i) => ({ ...r, no: i + 1 })));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
