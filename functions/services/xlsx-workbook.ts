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
