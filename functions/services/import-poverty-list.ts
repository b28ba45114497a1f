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

const BATCH = 100;
const PARALLEL_BATCHES = 4;
const RETRIES = 8;
const MAX_REPORTED_ERRORS = 200;
/** A background import records its progress every this many batches (1,000 rows), not on every batch. */
const PROGRESS_EVERY_BATCHES = 10;

/** Rows handled so far of the file's rows; awaited, so a failing write stops the import. */
export type PovertyImportProgress = (done: number, total: number) => Promise<void>;

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

export async function importPovertyList(
  deps: Deps,
  county: string,
  file: Uint8Array,
  onProgress?: PovertyImportProgress,
): Promise<PovertyImportResult> {
  return importPovertyEntries(deps, county, await readPovertyList(file), onProgress);
}

/** The rows of a list already read (the route reads it first to decide whether it runs in the background). */
export async function importPovertyEntries(
  deps: Deps,
  county: string,
  entries: PovertyListEntry[],
  onProgress?: PovertyImportProgress,
): Promise<PovertyImportResult> {
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
  /** One batch: its ID numbers' guards in batch gets, the unregistered marked in batch writes. */
  async function markBatch(batch: { row: number; idNumber: string }[]): Promise<void> {
    const hashes = await Promise.all(batch.map((entry) => deps.hasher.hash(entry.idNumber)));
    const guards = new Map<string, string>();
    for (let keys = hashes.map((value) => ({ kind: 'idNumber' as const, value })), attempt = 0; keys.length > 0; attempt++) {
      if (attempt === RETRIES) throw new Error('poverty import: guard reads still unprocessed after retries');
      const { data, unprocessed } = await uniqueGuard.get(keys).go();
      for (const guard of data) guards.set(guard.value, guard.labourerId);
      keys = unprocessed.map((k) => ({ kind: 'idNumber' as const, value: k.value }));
    }
    // A registered labourer's home county is their ID number's region: a resident, as checked above.
    const registered = [...new Set(guards.values())];
    await Promise.all(registered.map((labourerId) => labourer.patch({ labourerId }).set({ poverty: true, povertySource: 'import' }).go()));
    let marks = hashes.filter((idHash) => !guards.has(idHash)).map((idHash) => ({ idHash, county, importedAt }));
    const pending = marks.length;
    for (let attempt = 0; marks.length > 0; attempt++) {
      if (attempt === RETRIES) throw new Error('poverty import: mark writes still unprocessed after retries');
      const { unprocessed } = await povertyMark.put(marks).go();
      const left = new Set(unprocessed.map((k) => k.idHash));
      marks = marks.filter((m) => left.has(m.idHash));
    }
    result.matched += registered.length;
    result.unmatched += pending;
  }
  // Batches of 100 (one batch get each), a few at a time: 100,000 rows are 1,000 batches, not 400,000 calls.
  const batches: { row: number; idNumber: string }[][] = [];
  for (let i = 0; i < valid.length; i += BATCH) batches.push(valid.slice(i, i + BATCH));
  // Rows with errors, repeats and other counties' residents are handled once read.
  let done = entries.length - valid.length;
  let reportedAt = 0;
  for (let i = 0; i < batches.length; i += PARALLEL_BATCHES) {
    const group = batches.slice(i, i + PARALLEL_BATCHES);
    await Promise.all(group.map(markBatch));
    done += group.reduce((sum, batch) => sum + batch.length, 0);
    const handled = i + group.length;
    if (onProgress && handled - reportedAt >= PROGRESS_EVERY_BATCHES) {
      reportedAt = handled;
      await onProgress(done, entries.length);
    }
  }
  if (result.errors.length > MAX_REPORTED_ERRORS) result.errors.length = MAX_REPORTED_ERRORS;
  return result;
}
