// A poverty-list import, at once or in the background: a list of more than BACKGROUND_ROWS rows would
// outlast the HTTP API's 30 s, so it becomes a job (the worker: runPovertyImportJob) and the coordinator
// follows it with GET /jobs/{id}. Either way one audit entry, with the counts, once it is done.
import { UnavailableError } from '#domain/errors.js';
import { writeAudit } from './audit.js';
import { createJob, failJob, finishJob, readJobInput, recordJobProgress, type JobRecord } from './background-job.js';
import type { Deps } from './deps.js';
import { importPovertyEntries, importPovertyList, type PovertyImportResult } from './import-poverty-list.js';
import { readPovertyList } from './poverty-list-file.js';

/** Rows above which an import runs in the background (5,000 rows take ~10 s; the API gives up at 30). */
export const BACKGROUND_ROWS = 5000;

export type PovertyImportStart = { ran: 'now'; result: PovertyImportResult } | { ran: 'background'; job: JobRecord };

async function auditImport(deps: Deps, actor: string, county: string, result: PovertyImportResult): Promise<void> {
  // One entry per import (its rows are many single writes, not one transaction): the counts, never the IDs.
  const { matched, unmatched, notResident, errors } = result;
  await writeAudit(deps, {
    actor,
    action: 'povertyImport',
    target: `county:${county}`,
    county,
    after: { matched, unmatched, notResident, errors: errors.length },
  });
}

export async function startPovertyImport(deps: Deps, county: string, file: Uint8Array, actor: string): Promise<PovertyImportStart> {
  // A file that does not read is refused here (400), before any job exists.
  const entries = await readPovertyList(file);
  if (entries.length <= BACKGROUND_ROWS) {
    const result = await importPovertyEntries(deps, county, entries);
    await auditImport(deps, actor, county, result);
    return { ran: 'now', result };
  }
  if (!deps.jobs) throw new UnavailableError('后台任务没有配置，暂时不能导入大名单');
  const job = await createJob(deps, { kind: 'povertyImport', county, startedBy: actor, total: entries.length }, file);
  try {
    await deps.jobs.start(job.jobId);
  } catch (error) {
    await failJob(deps, job.jobId, error);
    throw error;
  }
  return { ran: 'background', job };
}

/** The worker's part: the stored file read again and imported, `done` recorded as it goes. */
export async function runPovertyImportJob(deps: Deps, job: JobRecord): Promise<void> {
  const file = await readJobInput(deps, job.jobId);
  const result = await importPovertyList(deps, job.county, file, (done) => recordJobProgress(deps, job.jobId, done));
  await auditImport(deps, job.startedBy, job.county, result);
  await finishJob(deps, job.jobId, job.total, result);
}
