// A departure or an arrival cut short (the Lambda timed out, DynamoDB kept refusing) and called again:
// whoever was told is not told twice, whoever was not is, and the bus still moves once.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bookTrip, getTrip } from '../../functions/services/book-trip.js';
import { handleInboundSms } from '../../functions/services/conversation/handle-inbound-sms.js';
import type { Deps } from '../../functions/services/deps.js';
import { postVacancy } from '../../functions/services/manage-vacancies.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { runCountyMatching } from '../../functions/services/run-matching.js';
import { arriveTrip, departTrip, recordBoarding } from '../../functions/services/trip-boarding.js';
import { injectTransactionConflicts } from '../helpers/inject-conflicts.js';
import { freshDeps, localClient } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const ESCORT = 'escort:test';

/** Three labourers who accepted jobs in Huzhou, seated on one booked bus. */
async function bookedBus(deps: Deps) {
  const phones: string[] = [];
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const phone = mobilePhone();
    const { id } = await registerLabourer(deps, {
      name: '王立学', idNumber: validIdNumber(COUNTY), phone, skills: ['泥瓦工'], destinations: ['3305'], expectedWage: 4500, canTravel: true, channel: 'web',
    });
    ids.push(id);
    phones.push(phone);
  }
  await postVacancy(deps, {
    employerId: 'huzhou-build', employerKind: 'enterprise', title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 3, monthlyWage: 6000, startDate: '2099-03-01',
  });
  await runCountyMatching(deps, COUNTY);
  for (const phone of phones) await handleInboundSms(deps, { from: phone, text: '1', inboundMessageId: randomUUID() });
  const tripId = deps.newId();
  await deps.db.entities.trip
    .put({
      tripId, planId: 'plan', county: COUNTY, destination: '3305', destinationName: '湖州市', date: '2099-02-27', departureTime: '07:30',
      pickupPoint: '青川县汽车客运站', passengers: ids, seats: 3, vehicleSeats: 3, seatsTaken: 0, status: 'proposed', createdAt: new Date().toISOString(),
    })
    .go();
  await bookTrip(deps, await getTrip(deps, tripId));
  return { tripId, ids, phones: phones.map((p) => `+86${p}`) };
}

async function smsCount(deps: Deps, phone: string, template: string) {
  const { data } = await deps.db.entities.outboxMessage.query.messagesByPhone({ to: phone }).go({ pages: 'all' });
  return data.filter((m) => m.template === template).length;
}

describe('the day of the bus, cut short and repeated', () => {
  it('departs: a second call tells only those not told yet, then moves the bus once', async () => {
    const client = localClient();
    const deps = await freshDeps({ client });
    const booked = await bookedBus(deps);
    const { tripId, ids, phones } = booked;
    // The bus leaves on its own day only.
    const day = { ...deps, clock: { now: () => new Date('2099-02-27T07:00:00+08:00') } };
    await recordBoarding(deps, await getTrip(deps, tripId), ids[0]!, true, ESCORT);
    await recordBoarding(deps, await getTrip(deps, tripId), ids[1]!, true, ESCORT);
    await recordBoarding(deps, await getTrip(deps, tripId), ids[2]!, false, ESCORT);
    // Every transaction after the first passenger's keeps colliding: the call gives up part way.
    const injected = injectTransactionConflicts(client, { when: (call) => call.n > 1 });
    await expect(departTrip(day, await getTrip(deps, tripId), ESCORT)).rejects.toThrow();
    injected.remove();
    expect((await getTrip(deps, tripId)).status).toBe('boarding');
    expect(await smsCount(deps, phones[0]!, 'tripDeparted')).toBe(1);
    const again = await departTrip(day, await getTrip(deps, tripId), ESCORT);
    expect(again).toEqual({ departed: 1, absent: 1 });
    expect((await getTrip(deps, tripId)).status).toBe('departed');
    expect(await smsCount(deps, phones[0]!, 'tripDeparted')).toBe(1);
    expect(await smsCount(deps, phones[1]!, 'tripDeparted')).toBe(1);
    expect(await smsCount(deps, phones[2]!, 'tripMissed')).toBe(1);
    await expect(departTrip(day, await getTrip(deps, tripId), ESCORT)).rejects.toThrow('不在待发车状态');

    // Arrival, cut short the same way.
    const cut = injectTransactionConflicts(client, { when: (call) => call.n > 1 });
    await expect(arriveTrip(deps, await getTrip(deps, tripId), ESCORT)).rejects.toThrow();
    cut.remove();
    expect((await getTrip(deps, tripId)).status).toBe('departed');
    expect(await arriveTrip(deps, await getTrip(deps, tripId), ESCORT)).toEqual({ arrived: 1 });
    expect((await getTrip(deps, tripId)).status).toBe('arrived');
    for (const phone of phones.slice(0, 2)) expect(await smsCount(deps, phone, 'tripArrived')).toBe(1);
    expect(await smsCount(deps, phones[2]!, 'tripArrived')).toBe(0);
    const { data: people } = await deps.db.entities.labourer.get(ids.map((labourerId) => ({ labourerId }))).go();
    expect(Object.fromEntries(people.map((p) => [p.labourerId, p.status]))).toEqual({ [ids[0]!]: 'arrived', [ids[1]!]: 'arrived', [ids[2]!]: 'accepted' });
  });

  it('checks nobody in whom the departure under way has already told the seat went', async () => {
    const client = localClient();
    const deps = await freshDeps({ client });
    const { tripId, ids } = await bookedBus(deps);
    const day = { ...deps, clock: { now: () => new Date('2099-02-27T07:00:00+08:00') } };
    await recordBoarding(deps, await getTrip(deps, tripId), ids[0]!, true, ESCORT);
    await recordBoarding(deps, await getTrip(deps, tripId), ids[1]!, true, ESCORT);
    await recordBoarding(deps, await getTrip(deps, tripId), ids[2]!, false, ESCORT);
    // The escort taps the no-show "present" right after the departure told them the seat went (tripMissed,
    // back to waiting) and before it moves the bus: the trip is still at the roll call then.
    let tap: unknown;
    client.middlewareStack.add(
      (next) => async (args) => {
        const out = await next(args);
        const items = JSON.stringify((args.input as { TransactItems?: unknown[] }).TransactItems ?? []);
        if (tap === undefined && items.includes('tripMissed') && items.includes(ids[2]!)) {
          tap = 'pending';
          tap = await recordBoarding(deps, await getTrip(deps, tripId), ids[2]!, true, ESCORT).then(
            () => 'boarded',
            (e: Error) => e.message,
          );
        }
        return out;
      },
      { step: 'initialize', name: 'tapDuringDeparture' },
    );
    try {
      expect(await departTrip(day, await getTrip(deps, tripId), ESCORT)).toEqual({ departed: 2, absent: 1 });
    } finally {
      client.middlewareStack.remove('tapDuringDeparture');
    }
    expect(tap).toContain('正在发车');
    const { data: seat } = await deps.db.entities.seat.get({ tripId, labourerId: ids[2]! }).go();
    expect(seat?.boarding).toBe('absent');
    expect((await getTrip(deps, tripId)).status).toBe('departed');
    expect(await arriveTrip(deps, await getTrip(deps, tripId), ESCORT)).toEqual({ arrived: 2 });
    const { data: people } = await deps.db.entities.labourer.get(ids.map((labourerId) => ({ labourerId }))).go();
    expect(people.find((p) => p.labourerId === ids[2])?.status).toBe('accepted');
  });
});
