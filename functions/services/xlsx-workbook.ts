// One-sheet .xlsx files for the exports, with exceljs. exceljs is large (23 MB installed, ~0.4 s to load):
// it is imported on first use, so only the export and import routes pay for it, never another route's
// cold start. Keep every use of it behind loadExcel().
import type ExcelJSModule from 'exceljs';

type ExcelJS = typeof ExcelJSModule;
let loading: Promise<ExcelJS> | undefined;

export function loadExcel(): Promise<ExcelJS> {
  // exceljs is CommonJS: its exports arrive as the default export.
  loading ??= import('exceljs').then((m) => (m as unknown as { default: ExcelJS }).default ?? (m as unknown as ExcelJS));
  return loading;
}

export interface SheetColumn<T> {
  header: string;
  /** In characters. */
  width: number;
  value: (row: T) => string | number | undefined;
}

export async function xlsxBuffer<T>(sheetName: string, columns: readonly SheetColumn<T>[], rows: readonly T[]): Promise<Buffer> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = '春风行动';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell as read: its text, or a number as Excel stored it (long digit strings lose digits as numbers). */
export type SheetCell = string | number;

/** The first worksheet's rows (row number as Excel shows it, cells from column A). */
export async function readFirstSheet(bytes: Uint8Array): Promise<{ row: number; cells: SheetCell[] }[]> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  const sheet = workbook.worksheets[0];
  const rows: { row: number; cells: SheetCell[] }[] = [];
  sheet?.eachRow((row, number) => {
    const cells = (row.values as unknown[]).slice(1).map(cellValue);
    rows.push({ row: number, cells });
  });
  return rows;
}

function cellValue(value: unknown): SheetCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // Rich text, hyperlinks and formulas carry their text or result inside.
  const v = value as { richText?: { text: string }[]; text?: string; result?: unknown };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (typeof v.text === 'string') return v.text;
  if (v.result !== undefined) return cellValue(v.result);
  return String(value);
}
