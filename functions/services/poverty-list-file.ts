// A poverty list (建档立卡名单) as an office has it — .xlsx, or CSV in UTF-8, UTF-8 with BOM, UTF-16 or
// GBK/GB18030 — read into its entries: the row as the office sees it, the ID number cell and the name.
// The header is the first of the top rows that names an ID column (a title row above it is common).
import { parse } from 'csv-parse/sync';
import { ValidationError } from '#domain/errors.js';
import { decodeText } from './decode-text.js';
import { readFirstSheet, type SheetCell } from './xlsx-workbook.js';

export interface PovertyListEntry {
  /** 1-based, as Excel or a text editor numbers it. */
  row: number;
  idNumber: SheetCell;
  name: string;
}

const ID_COLUMNS = ['idnumber', '身份证号', '身份证号码', '公民身份号码', '身份证'];
const NAME_COLUMNS = ['name', '姓名'];
/** How far down the header may be. */
const HEADER_ROWS = 10;

/** Header text compared loosely: full-width forms, blanks and case do not matter. */
function columnKey(cell: SheetCell): string {
  return String(cell).normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** An .xlsx (and any zip) starts with PK\x03\x04. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

async function rowsOf(bytes: Uint8Array): Promise<{ row: number; cells: SheetCell[] }[]> {
  if (isZip(bytes)) {
    try {
      return await readFirstSheet(bytes);
    } catch {
      throw new ValidationError('Excel 文件无法读取', [{ path: '(body)', message: '请上传 .xlsx 文件（旧的 .xls 请先另存为 .xlsx 或 CSV）' }]);
    }
  }
  const { text } = decodeText(bytes);
  try {
    const records: { record: string[]; info: { lines: number } }[] = parse(text, {
      delimiter: [',', '\t'],
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    });
    return records.map(({ record, info }) => ({ row: info.lines, cells: record }));
  } catch (error) {
    throw new ValidationError('CSV 文件无法读取', [{ path: '(body)', message: `文件格式有误：${(error as Error).message}` }]);
  }
}

export async function readPovertyList(bytes: Uint8Array): Promise<PovertyListEntry[]> {
  const rows = await rowsOf(bytes);
  const headerAt = rows.slice(0, HEADER_ROWS).findIndex((r) => r.cells.some((c) => ID_COLUMNS.includes(columnKey(c))));
  if (headerAt < 0) {
    const seen = (rows[0]?.cells ?? []).map(String).filter((c) => c !== '').slice(0, 8);
    throw new ValidationError('没有找到身份证号列', [
      {
        path: 'idNumber',
        message: `表头应有一列名为“身份证号”“身份证号码”“公民身份号码”或“idNumber”${seen.length > 0 ? `；第一行是：${seen.join('、')}` : '；文件是空的'}`,
      },
    ]);
  }
  const header = rows[headerAt]!.cells.map(columnKey);
  const idColumn = header.findIndex((c) => ID_COLUMNS.includes(c));
  const nameColumn = header.findIndex((c) => NAME_COLUMNS.includes(c));
  return rows
    .slice(headerAt + 1)
    .filter((r) => r.cells.some((c) => String(c).trim() !== ''))
    .map((r) => ({
      row: r.row,
      idNumber: typeof r.cells[idColumn] === 'number' ? r.cells[idColumn] : String(r.cells[idColumn] ?? '').trim(),
      name: nameColumn < 0 ? '' : String(r.cells[nameColumn] ?? '').trim(),
    }));
}
