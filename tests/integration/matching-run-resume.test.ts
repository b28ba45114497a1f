// A big county's matching run in the background, at the service level: a worker that dies part-way
// leaves the run and the job failed with the offers it wrote (they stand), and the next run offers the
// rest without offering anyone twice; a worker whose time is nearly up hands the same run on to the next
// one, which finishes it with one record.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { JobLauncher } from '../../functions/adapters/job-launcher.js';
import { readJob } from '../../functions/services/background-job.js';
import type { Deps } from '../../functions/services/deps.js';
import { readRunRecord } from '../../functions/services/matching-run-record.js';
import { startMatchingRun } from '../../functions/services/matching-run-job.js';
import { runCountyMatching } from '../../functions/services/run-matching.js';
import { runJob } from '../../functions/services/run-job.js';
import { freshDeps, localClient } from '../helpers/local-table.js';
import { seedLabourers, seedVacancies } from '../helpers/seed-county.js';

const COUNTY = '510822';
const PEOPLE = 40;

/** A launcher that only remembers what it was asked to start (the test plays the next worker). */
function recordingLauncher(): JobLauncher & { started: string[] } {
  const started: string[] = [];
  return { started, start: async (jobId) => void started.push(jobId) };
}

/** Every TransactWriteItems call after the first `after` fails as a dead network would (not a conflict). */
function dieAfter(client: DynamoDBClient, after: number): { remove(): void } {
  let calls = 0;
  const name = `dieAfter${after}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand' && ++calls > after) throw new Error('socket hang up (injected)');
      return next(args);
    },
    { step: 'initialize', name },
  );
  return { remove: () => client.middlewareStack.remove(name) };
}

/** 40 builders of the county and 40 places for them in Huzhou: every one of them is offered a place. */
async function county(client = localClient()): Promise<{ deps: Deps & { jobs: ReturnType<typeof recordingLauncher> }; client: DynamoDBClient }> {
  const base = await freshDeps({ client });
  const deps = { ...base, jobs: recordingLauncher() };
  await seedLabourers(
    deps,
    Array.from({ length: PEOPLE }, (_, i) => ({
      homeCounty: COUNTY, skills: ['泥瓦工'], destinations: ['3305'], canTravel: true, expectedWage: 4500, poverty: i % 4 === 0,
    })),
  );
  await seedVacancies(deps, [
    { kind: 'job', county: '330502', skills: ['泥瓦工'], monthlyWage: 6000, startDate: '2099-03-01', openings: 25, remaining: 25 },
    { kind: 'job', county: '330502', skills: ['泥瓦工'], monthlyWage: 5500, startDate: '2099-03-01', openings: 15, remaining: 15 },
  ]);
  return { deps, client };
}

async function offersOf(deps: Deps) {
  const { data } = await deps.db.entities.offer.query.offersByCounty({ county: COUNTY }).go({ pages: 'all' });
  return data;
}

async function openPlaces(deps: Deps): Promise<number[]> {
  const { data } = await deps.db.entities.vacancy.query.openVacancies({ status: 'open' }).go({ pages: 'all' });
  return data.map((v) => v.remaining);
}

describe('a background matching run', () => {
  it('that dies after 10 offers is failed with those 10; the next run offers the other 30, nobody twice', async () => {
    const { deps, client } = await county();
    const started = await startMatchingRun(deps, COUNTY, 'coordinator:510822', { background: true });
    expect(started.ran).toBe('background');
    if (started.ran !== 'background') return;
    expect(deps.jobs.started).toEqual([started.job.jobId]);

    const death = dieAfter(client, 10);
    await runJob(deps, started.job.jobId);
    death.remove();

    // The job and the run say it failed, and what it wrote.
    const job = await readJob(deps, started.job.jobId);
    expect(job).toMatchObject({ state: 'failed', result: { runId: started.runId, offers: 10 } });
    expect(job?.error).toBe('匹配中断：已发出 10 份录用通知（有效）；再匹配一次会接着为其余的人匹配，不会重复发');
    const run = await readRunRecord(deps, started.runId);
    expect(run).toMatchObject({ state: 'failed', offers: 10, done: 10, jobId: started.job.jobId });
    const written = await offersOf(deps);
    expect(written).toHaveLength(10);
    expect(written.every((o) => o.runId === started.runId)).toBe(true);
    expect((await openPlaces(deps)).reduce((a, b) => a + b, 0)).toBe(30);

    // The same job delivered again is not run again: it ended.
    await runJob(deps, started.job.jobId);
    expect(await offersOf(deps)).toHaveLength(10);

    // Matching again offers exactly the 30 still open.
    const next = await runCountyMatching(deps, COUNTY);
    expect(next).toMatchObject({ offers: 30, unmatched: 0, skipped: 0 });
    const all = await offersOf(deps);
    expect(all).toHaveLength(PEOPLE);
    expect(new Set(all.map((o) => o.labourerId)).size).toBe(PEOPLE);
    expect(await openPlaces(deps)).toEqual([0, 0]);
    const { data: sms } = await deps.db.entities.outboxMessage.scan.go({ pages: 'all' });
    expect(sms.filter((m) => m.template === 'offer')).toHaveLength(PEOPLE);
  });

  it('whose worker runs out of time hands the same run on, turn after turn, to one finished record', async () => {
    const { deps } = await county();
    const started = await startMatchingRun(deps, COUNTY, 'coordinator:510822', { background: true });
    if (started.ran !== 'background') throw new Error('expected a background run');
    // Every worker has "no time left" once it wrote its first batch of 8: five turns for 40 offers.
    const noTime = { timeLeftMs: () => 0 };
    let turns = 0;
    while (deps.jobs.started.length > turns) {
      turns++;
      await runJob(deps, started.job.jobId, noTime);
      const job = await readJob(deps, started.job.jobId);
      if (job?.state === 'running') expect(job).toMatchObject({ done: 8 * turns, total: PEOPLE });
    }
    expect(turns).toBe(5);
    const run = await readRunRecord(deps, started.runId);
    expect(run).toMatchObject({ state: 'done', offers: PEOPLE, unmatched: 0, done: PEOPLE, total: PEOPLE });
    const job = await readJob(deps, started.job.jobId);
    expect(job).toMatchObject({ state: 'done', done: PEOPLE, total: PEOPLE, result: { runId: started.runId, offers: PEOPLE, unmatched: 0, poorPlaced: 10 } });
    const all = await offersOf(deps);
    expect(new Set(all.map((o) => o.labourerId)).size).toBe(PEOPLE);
    expect(all.every((o) => o.runId === started.runId)).toBe(true);
  });
});
