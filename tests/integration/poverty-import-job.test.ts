// A large poverty list runs in the background: POST answers 202 with a job, GET /jobs/{id} follows it to
// the same counts a small list answers at once; a job that throws ends `failed`, in Chinese.
import { describe, expect, it } from 'vitest';
import { idNumberChecksum } from '../../functions/domain/id-number.js';
import { createJob, readJob, readJobInput } from '../../functions/services/background-job.js';
import { importPovertyList } from '../../functions/services/import-poverty-list.js';
import { BACKGROUND_ROWS, startPovertyImport } from '../../functions/services/poverty-import-job.js';
import { runJob } from '../../functions/services/run-job.js';
import { useTestSystem } from '../helpers/local-api.js';
import { freshDeps } from '../helpers/local-table.js';
import { registrationBody, validIdNumber } from '../helpers/people.js';

const COORDINATOR = 'dev:coordinator:510822';
const NEIGHBOUR = 'dev:coordinator:510821';

const local = useTestSystem();
const { api } = local;

const importCsv = (csv: string, token = COORDINATOR) =>
  api('POST', '/labourers/poverty-import', { token, body: csv, contentType: 'text/csv' });

/** Distinct valid ID numbers of 510822, born in the 1960s (the shared helper's are 1970–1999: no overlap). */
function manyIdNumbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const first17 = `5108221960${String((Math.floor(i / 1000) % 12) + 1).padStart(2, '0')}01${String(i % 1000).padStart(3, '0')}`;
    return first17 + idNumberChecksum(first17);
  });
}

async function jobWhenEnded(jobId: string, token = COORDINATOR) {
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
    const res = await api('GET', `/jobs/${jobId}`, { token });
    if (res.body.state !== 'running') return res;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`job ${jobId} still running`);
}

describe('a large poverty list in the background', () => {
  it('answers 202 with a job that GET /jobs/{id} follows to done with the counts', { timeout: 120_000 }, async () => {
    // prepare: 2 registered residents, 1 resident of another county, 3 bad rows, the rest unregistered
    const registered = [registrationBody(), registrationBody()];
    for (const body of registered) expect((await api('POST', '/labourers', { json: body, token: COORDINATOR })).status).toBe(201);
    const unregistered = manyIdNumbers(5994);
    const rows = [...registered.map((b) => b.idNumber), validIdNumber('330502'), ...unregistered, '123', 'abc', '12345'];
    expect(rows.length).toBe(6000);
    // act
    const started = await importCsv(['身份证号', ...rows].join('\n'));
    // assess
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ jobId: expect.stringMatching(/^[0-9A-Z]{26}$/), state: 'running', total: 6000 });
    const other = await api('GET', `/jobs/${started.body.jobId}`, { token: NEIGHBOUR });
    expect(other.status).toBe(403);
    const ended = await jobWhenEnded(started.body.jobId);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ jobId: started.body.jobId, kind: 'povertyImport', state: 'done', done: 6000, total: 6000 });
    expect(ended.body.result).toMatchObject({ matched: 2, unmatched: 5994, notResident: 1 });
    expect(ended.body.result.errors).toHaveLength(3);
    expect(ended.body.finishedAt).toEqual(expect.any(String));
    const admin = await api('GET', `/jobs/${started.body.jobId}`, { token: 'dev:admin:all' });
    expect(admin.body.state).toBe('done');
    const audit = await api('GET', '/audit?county=510822', { token: COORDINATOR });
    expect(audit.body).toContainEqual(expect.objectContaining({ action: 'povertyImport', after: { matched: 2, unmatched: 5994, notResident: 1, errors: 3 } }));
  });

  it(`still answers a list of ${BACKGROUND_ROWS} rows or fewer at once (200)`, async () => {
    const res = await importCsv(['idNumber', validIdNumber(), validIdNumber()].join('\n'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ matched: 0, unmatched: 2, notResident: 0, errors: [] });
  });

  it('answers 404 for a job nobody started', async () => {
    const res = await api('GET', '/jobs/01JZZZZZZZZZZZZZZZZZZZZZZZ', { token: COORDINATOR });
    expect(res.status).toBe(404);
  });
});

describe('the import’s progress', () => {
  it('is reported every 10 batches of 100, not on every batch', async () => {
    const deps = await freshDeps();
    const calls: [number, number][] = [];
    const csv = new TextEncoder().encode(['idNumber', ...manyIdNumbers(2500), 'bad'].join('\n'));
    const result = await importPovertyList(deps, '510822', csv, async (done, total) => void calls.push([done, total]));
    expect(result.unmatched).toBe(2500);
    // 25 batches, 4 at a time: reported after 12 and 24 batches (the bad row counts as handled from the start).
    expect(calls).toEqual([[1201, 2501], [2401, 2501]]);
  });
});

describe('a background job that throws', () => {
  it('is recorded failed with a Chinese message, never left running', async () => {
    const deps = await freshDeps();
    const broken = { ...deps, hasher: { hash: async () => Promise.reject(new Error('KMS unavailable')) } };
    const csv = new TextEncoder().encode(['idNumber', validIdNumber()].join('\n'));
    const job = await createJob(deps, { kind: 'povertyImport', county: '510822', startedBy: 'coordinator:510822', total: 1 }, csv);
    await runJob(broken, job.jobId);
    const read = await readJob(deps, job.jobId);
    expect(read).toMatchObject({ state: 'failed', error: expect.stringMatching(/后台任务出错/) });
    expect(read?.finishedAt).toEqual(expect.any(String));
  });

  it('is recorded failed when the worker cannot be started, and the request fails', async () => {
    const deps = await freshDeps();
    const made: string[] = [];
    const refusing = {
      ...deps,
      newId: () => made[made.push(deps.newId()) - 1]!,
      jobs: { start: async () => Promise.reject(new Error('Rate exceeded')) },
    };
    const csv = new TextEncoder().encode(['idNumber', ...manyIdNumbers(BACKGROUND_ROWS + 1)].join('\n'));
    await expect(startPovertyImport(refusing, '510822', csv, 'coordinator:510822')).rejects.toThrow('Rate exceeded');
    const jobs = await Promise.all(made.map((id) => readJob(deps, id)));
    expect(jobs.filter(Boolean)).toEqual([expect.objectContaining({ state: 'failed', total: BACKGROUND_ROWS + 1, error: expect.stringMatching(/后台任务出错/) })]);
  });

  it('keeps a file of several parts byte for byte', async () => {
    const deps = await freshDeps();
    const bytes = new Uint8Array(600 * 1024).map((_, i) => (i * 7) % 256);
    const job = await createJob(deps, { kind: 'povertyImport', county: '510822', startedBy: 'admin', total: 1 }, bytes);
    expect(Buffer.from(await readJobInput(deps, job.jobId)).equals(Buffer.from(bytes))).toBe(true);
  });
});
