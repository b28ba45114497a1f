// The coordinator's poverty-household list (建档立卡): registered labourers of the county are confirmed
// poor; ID numbers nobody registered yet are remembered, so their registration is marked on arrival.
// Only the county's own residents (by the ID number's region) are looked up at all: a county can neither
// mark another's residents nor learn whether they registered. Bad rows are reported, never fatal.
import { parse } from 'csv-parse/sync';
import { homeCountyFromIdRegion } from '#domain/divisions.js';
import { ValidationError } from '#domain/errors.js';
import { parseIdNumber } from '#domain/id-number.js';
import type { Deps } from './deps.js';

export interface PovertyImportResult {
  /** Registered labourers of the county now marked poor (confirmed). */
  matched: number;
  /** ID numbers not registered yet, kept for their registration. */
  unmatched: number;
  /** ID numbers of another county's residents (by their region code): skipped, nothing looked up. */
  notResident: number;
  errors: { row: number; message: string }[];
}

const ID_COLUMNS = ['idNumber', 'idnumber', '身份证号', '身份证号码', '公民身份号码'];
const CONCURRENCY = 16;
const MAX_REPORTED_ERRORS = 200;

export async function importPovertyList(deps: Deps, county: string, csv: string): Promise<PovertyImportResult> {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv, { columns: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw new ValidationError('CSV 文件无法读取', [{ path: '(body)', message: (error as Error).message }]);
  }
  const column = ID_COLUMNS.find((c) => rows[0] && c in rows[0]);
  if (!column) throw new ValidationError('CSV 缺少身份证号列', [{ path: 'idNumber', message: '第一行应有列名 idNumber（或“身份证号”）' }]);

  const now = deps.clock.now();
  const result: PovertyImportResult = { matched: 0, unmatched: 0, notResident: 0, errors: [] };
  const seen = new Set<string>();
  const valid: { row: number; idNumber: string }[] = [];
  rows.forEach((record, i) => {
    const row = i + 2; // the header is line 1
    const id = parseIdNumber(record[column] ?? '', now);
    if (!id.ok) {
      result.errors.push({ row, message: `身份证号无效（${id.reason}）` });
      return;
    }
    if (seen.has(id.value.normalized)) return;
    seen.add(id.value.normalized);
    if (homeCountyFromIdRegion(id.value.regionCode)?.code === county) valid.push({ row, idNumber: id.value.normalized });
    else result.notResident++;
  });

  const importedAt = now.toISOString();
  const { labourer, uniqueGuard, povertyMark } = deps.db.entities;
  async function mark(entry: { row: number; idNumber: string }): Promise<void> {
    const idHash = await deps.hasher.hash(entry.idNumber);
    const { data: guard } = await uniqueGuard.get({ kind: 'idNumber', value: idHash }).go();
    const { data: found } = guard ? await labourer.get({ labourerId: guard.labourerId }).go() : { data: null };
    // A registered labourer's home county is their ID number's region: a resident, as checked above.
    if (!found) {
      await povertyMark.put({ idHash, county, importedAt }).go();
      result.unmatched++;
    } else {
      await labourer.patch({ labourerId: found.labourerId }).set({ poverty: true, povertySource: 'import' }).go();
      result.matched++;
    }
  }
  for (let i = 0; i < valid.length; i += CONCURRENCY) {
    await Promise.all(valid.slice(i, i + CONCURRENCY).map(mark));
  }
  if (result.errors.length > MAX_REPORTED_ERRORS) result.errors.length = MAX_REPORTED_ERRORS;
  return result;
}
