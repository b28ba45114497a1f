// Booking many buses in the background, at the service level: a worker that dies part-way leaves the
// job failed with the trips it booked (they stand), and booking all proposed trips again books the rest,
// nobody seated or told twice; a worker whose time is nearly up hands on to the next one, trip by trip.
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { JobLauncher } from '../../functions/adapters/job-launcher.js';
import { readJob } from '../../functions/services/background-job.js';
import { startBulkBooking } from '../../functions/services/bulk-booking.js';
import { handleInboundSms } from '../../functions/services/conversation/handle-inbound-sms.js';
import type { Deps } from '../../functions/services/deps.js';
import { postVacancy } from '../../functions/services/manage-vacancies.js';
import { planCountyTrips } from '../../functions/services/plan-county-trips.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { runCountyMatching } from '../../functions/services/run-matching.js';
import { runJob } from '../../functions/services/run-job.js';
import { freshDeps, localClient } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const ACTOR = 'coordinator:510822';

function recordingLauncher(): JobLauncher & { started: string[] } {
  const started: string[] = [];
  return { started, start: async (jobId) => void started.push(jobId) };
}

/** Five welders who accepted jobs in Huzhou, on five one-seat trips. */
async function fiveTrips(client: DynamoDBClient) {
  const deps = { ...(await freshDeps({ client })), jobs: recordingLauncher() };
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const phone = mobilePhone();
    const { id } = await registerLabourer(deps, {
      name: '王立学', idNumber: validIdNumber(COUNTY), phone, skills: ['焊工'], destinations: ['3305'], expectedWage: 6000, canTravel: true, channel: 'web',
    });
    ids.push(id);
    await postVacancy(deps, {
      employerId: 'huzhou-weld', employerKind: 'enterprise', title: '湖州焊工', skills: ['焊工'], county: '330502', openings: 1, monthlyWage: 9000, startDate: '2099-03-01',
    });
    await runCountyMatching(deps, COUNTY);
    await handleInboundSms(deps, { from: phone, text: '1', inboundMessageId: randomUUID() });
  }
  const plan = await planCountyTrips(deps, { county: COUNTY, capacity: 1 });
  expect(plan.trips).toHaveLength(5);
  return { deps, ids };
}

async function bookedNotices(deps: Deps): Promise<number> {
  const { data } = await deps.db.entities.outboxMessage.scan.go({ pages: 'all' });
  return data.filter((m) => m.template === 'tripBooked').length;
}

async function statuses(deps: Deps, ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (labourerId) => (await deps.db.entities.labourer.get({ labourerId }).go()).data!.status));
}

describe('booking every proposed trip in the background', () => {
  it('that dies on the third trip is failed with the two booked; booking again books the other three, nobody twice', async () => {
    const client = localClient();
    const { deps, ids } = await fiveTrips(client);
    const started = await startBulkBooking(deps, COUNTY, undefined, ACTOR);
    if (started.ran !== 'background') throw new Error('expected a background booking');
    // Each trip takes two transactions (its seat, then its status): the fifth call is the third trip's seat.
    let calls = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'TransactWriteItemsCommand' && ++calls > 4) throw new Error('socket hang up (injected)');
        return next(args);
      },
      { step: 'initialize', name: 'dieAfterFour' },
    );
    await runJob(deps, started.job.jobId);
    client.middlewareStack.remove('dieAfterFour');

    const job = await readJob(deps, started.job.jobId);
    expect(job).toMatchObject({ state: 'failed', done: 2, result: { booked: 2, seats: 2, failed: [] } });
    expect(job?.error).toBe('预订中断：已订好 2 趟车（有效），再预订一次会接着订其余的车');
    expect((await statuses(deps, ids)).filter((s) => s === 'travelling')).toHaveLength(2);

    const again = await startBulkBooking(deps, COUNTY, undefined, ACTOR);
    expect(again).toEqual({ ran: 'now', result: { booked: 3, seats: 3, failed: [] } });
    expect(await statuses(deps, ids)).toEqual(Array(5).fill('travelling'));
    expect(await bookedNotices(deps)).toBe(5);
  });

  it('whose worker runs out of time hands on after each trip and ends with one result', async () => {
    const { deps, ids } = await fiveTrips(localClient());
    const started = await startBulkBooking(deps, COUNTY, undefined, ACTOR);
    if (started.ran !== 'background') throw new Error('expected a background booking');
    let turns = 0;
    while (deps.jobs.started.length > turns) {
      turns++;
      await runJob(deps, started.job.jobId, { timeLeftMs: () => 0 });
    }
    expect(turns).toBe(5);
    expect(await readJob(deps, started.job.jobId)).toMatchObject({ state: 'done', done: 5, total: 5, result: { booked: 5, seats: 5, failed: [] } });
    expect(await statuses(deps, ids)).toEqual(Array(5).fill('travelling'));
    expect(await bookedNotices(deps)).toBe(5);
  });
});
