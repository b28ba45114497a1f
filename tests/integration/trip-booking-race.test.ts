// Planning while a bus is being booked, interleaved deterministically: a client middleware runs the new
// plan right after the booking's first seat is written, or the plan runs between the booking's read of
// the trip and its first write. No labourer may end up seated on a bus that no longer exists.
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../functions/domain/errors.js';
import { errorResponse } from '../../functions/http/error-response.js';
import { bookTrip, getTrip } from '../../functions/services/book-trip.js';
import { handleInboundSms } from '../../functions/services/conversation/handle-inbound-sms.js';
import type { Deps } from '../../functions/services/deps.js';
import { postVacancy } from '../../functions/services/manage-vacancies.js';
import { planCountyTrips } from '../../functions/services/plan-county-trips.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { runCountyMatching } from '../../functions/services/run-matching.js';
import { freshDeps, localClient } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const phones = new Map<string, string>();

/** Five labourers of the county who accepted jobs in Huzhou, and one proposed bus for them. */
async function fiveAwaitingOneBus(deps: Deps) {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const phone = mobilePhone();
    const { id } = await registerLabourer(deps, {
      name: '王立学', idNumber: validIdNumber(COUNTY), phone, skills: ['泥瓦工'], destinations: ['3305'],
      expectedWage: 4500, canTravel: true, channel: 'web',
    });
    ids.push(id);
    phones.set(id, phone);
  }
  await postVacancy(deps, {
    employerId: 'huzhou-build', employerKind: 'enterprise', title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502',
    openings: 5, monthlyWage: 6000, startDate: '2099-03-01',
  });
  await runCountyMatching(deps, COUNTY);
  for (const id of ids) await handleInboundSms(deps, { from: phones.get(id)!, text: '1', inboundMessageId: randomUUID() });
  const plan = await planCountyTrips(deps, { county: COUNTY });
  expect(plan.trips).toHaveLength(1);
  return { ids, trip: plan.trips[0]! };
}

/**
 * Runs `between` once, right after the client's first TransactWriteItems has been written. (ElectroDB
 * binds its entities to the client of the last Service built, so this goes on the one client of the deps.)
 */
function afterFirstTransaction(client: DynamoDBClient, between: () => Promise<unknown>) {
  let done = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const output = await next(args);
      if (context.commandName === 'TransactWriteItemsCommand' && !done) {
        done = true;
        await between();
      }
      return output;
    },
    { step: 'initialize', name: 'afterFirstTransaction' },
  );
}

async function statuses(deps: Deps, ids: string[]) {
  const { data } = await deps.db.entities.labourer.get(ids.map((labourerId) => ({ labourerId }))).go();
  return data.map((l) => l.status);
}

async function bookingNotices(deps: Deps, ids: string[]) {
  const lists = await Promise.all(
    ids.map((id) => deps.db.entities.outboxMessage.query.messagesByPhone({ to: `+86${phones.get(id)}` }).go()),
  );
  return lists.flatMap((l) => l.data).filter((m) => m.template === 'tripBooked');
}

describe('planning while a bus is being booked', () => {
  it('keeps the bus being booked: every passenger is seated and the new plan leaves them out', async () => {
    const client = localClient();
    const deps = await freshDeps({ client });
    const { ids, trip } = await fiveAwaitingOneBus(deps);
    let replan: Awaited<ReturnType<typeof planCountyTrips>> | undefined;
    afterFirstTransaction(client, async () => {
      replan = await planCountyTrips(deps, { county: COUNTY });
    });
    // act: the first seat is written, then the plan runs, then the booking goes on
    const result = await bookTrip(deps, await getTrip(deps, trip.id));
    // assess
    expect(result.booked).toBe(5);
    expect(replan?.trips.flatMap((t) => t.passengers)).toEqual([]);
    expect(await getTrip(deps, trip.id)).toMatchObject({ status: 'booked', seatsTaken: 5 });
    expect(await statuses(deps, ids)).toEqual(ids.map(() => 'travelling'));
    expect(await bookingNotices(deps, ids)).toHaveLength(5);
  });

  it('refuses, with 409 and a Chinese message, to book a bus a new plan replaced meanwhile', async () => {
    const deps = await freshDeps();
    const { ids, trip } = await fiveAwaitingOneBus(deps);
    const read = await getTrip(deps, trip.id); // the coordinator's booking read the bus …
    await planCountyTrips(deps, { county: COUNTY }); // … then a new plan replaced it
    // act
    const error = await bookTrip(deps, read).catch((e: unknown) => e);
    // assess
    expect(error).toBeInstanceOf(ConflictError);
    const response = errorResponse(error).response as { statusCode: number; body: string };
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body).error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^[\u4e00-\u9fff]/) });
    expect(await statuses(deps, ids)).toEqual(ids.map(() => 'accepted'));
    expect(await bookingNotices(deps, ids)).toEqual([]);
  });
});
