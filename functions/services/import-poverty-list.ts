// The coordinator's poverty-household list (建档立卡): registered labourers of the county are confirmed
// poor; ID numbers nobody registered yet are remembered, so their registration is marked on arrival.
// Only the county's own residents (by the ID number's region) are looked up at all: a county can neither
// mark another's residents nor learn whether they registered. Bad rows are reported in Chinese, with the
// row and the name, never fatal. The file is what the office has (poverty-list-file.ts).
import { homeCountyFromIdRegion } from '#domain/divisions.js';
import { parseIdNumber } from '#domain/id-number.js';
import type { Deps } from './deps.js';
import { readPovertyList, type PovertyListEntry } from './poverty-list-file.js';
import { ID_REASONS } from './register-labourer.js';

export interface PovertyImportResult {
  /** Registered labourers of the county now marked poor (confirmed). */
  matched: number;
  /** ID numbers not registered yet, kept for their registration. */
  unmatched: number;
  /** ID numbers of another county's residents (by their region code): skipped, nothing looked up. */
  notResident: number;
  errors: { row: number; message: string }[];
}

const CONCURRENCY = 16;
const MAX_REPORTED_ERRORS = 200;

/** What is wrong with a row's ID number, or undefined when it reads. */
function idProblem(entry: PovertyListEntry, now: Date): { ok: true; idNumber: string; regionCode: string } | { ok: false; message: string } {
  // Excel keeps at most 15 significant digits of a number: an ID column stored as numbers lost its last digits.
  if (typeof entry.idNumber === 'number' || /^\d(\.\d+)?e\+?\d+$/i.test(entry.idNumber)) {
    return { ok: false, message: '身份证号被 Excel 存成了数字，末几位已丢失：请把该列设为“文本”后重新填写、导入' };
  }
  if (entry.idNumber === '') return { ok: false, message: '身份证号为空' };
  const id = parseIdNumber(entry.idNumber, now);
  return id.ok ? { ok: true, idNumber: id.value.normalized, regionCode: id.value.regionCode } : { ok: false, message: ID_REASONS[id.reason] };
}

export async function importPovertyList(deps: Deps, county: string, file: Uint8Array): Promise<PovertyImportResult> {
  const entries = await readPovertyList(file);
  const now = deps.clock.now();
  const result: PovertyImportResult = { matched: 0, unmatched: 0, notResident: 0, errors: [] };
  const seen = new Set<string>();
  const valid: { row: number; idNumber: string }[] = [];
  for (const entry of entries) {
    const id = idProblem(entry, now);
    if (!id.ok) {
      result.errors.push({ row: entry.row, message: `第${entry.row}行${entry.name ? `（${entry.name}）` : ''}：${id.message}` });
      continue;
    }
    if (seen.has(id.idNumber)) continue;
    seen.add(id.idNumber);
    if (homeCountyFromIdRegion(id.regionCode)?.code === county) valid.push({ row: entry.row, idNumber: id.idNumber });
    else result.notResident++;
  }

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
