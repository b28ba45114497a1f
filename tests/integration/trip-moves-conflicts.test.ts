// Moves racing for the last seat, with DynamoDB's transaction conflicts injected (DynamoDB Local never
// raises them): whatever collides and is retried, a bus never holds more passengers or seats than it has,
// nobody is on two buses, and a moved seat is announced once.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../functions/domain/errors.js';
import { bookTrip, getTrip } from '../../functions/services/book-trip.js';
import { findBookedSeat } from '../../functions/services/booked-seat.js';
import { handleInboundSms } from '../../functions/services/conversation/handle-inbound-sms.js';
import type { Deps } from '../../functions/services/deps.js';
import { postVacancy } from '../../functions/services/manage-vacancies.js';
import { movePassenger } from '../../functions/services/move-passenger.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { runCountyMatching } from '../../functions/services/run-matching.js';
import { injectTransactionConflicts, type ConflictOptions } from '../helpers/inject-conflicts.js';
import { freshDeps, localClient } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const ACTOR = `coordinator:${COUNTY}`;

/** Four labourers who accepted jobs in Huzhou, all on bus A (4 seats); bus B, empty, has `seatsOnB`. */
async function twoBuses(deps: Deps, seatsOnB: number) {
  const ids: string[] = [];
  const phones: string[] = [];
  for (let i = 0; i < 4; i++) {
    const phone = mobilePhone();
    const { id } = await registerLabourer(deps, {
      name: '王立学', idNumber: validIdNumber(COUNTY), phone, skills: ['泥瓦工'], destinations: ['3305'], expectedWage: 4500, canTravel: true, channel: 'web',
    });
    ids.push(id);
    phones.push(phone);
  }
  await postVacancy(deps, {
    employerId: 'huzhou-build', employerKind: 'enterprise', title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 4, monthlyWage: 6000, startDate: '2099-03-01',
  });
  await runCountyMatching(deps, COUNTY);
  for (const phone of phones) await handleInboundSms(deps, { from: phone, text: '1', inboundMessageId: randomUUID() });
  const bus = (tripId: string, passengers: string[], seats: number) => ({
    tripId, planId: 'plan', county: COUNTY, destination: '3305', destinationName: '湖州市', date: '2099-02-27', departureTime: '07:30',
    pickupPoint: '青川县汽车客运站', passengers, seats, vehicleSeats: seats, seatsTaken: 0, status: 'proposed' as const, createdAt: new Date().toISOString(),
    stops: [{ kind: 'pickup' as const, name: '青川县汽车客运站', time: '07:30' }, { kind: 'drop' as const, code: '3305', name: '湖州市' }],
    riders: passengers.map((labourerId) => ({ labourerId, pickup: '青川县汽车客运站', drop: '3305' })),
  });
  const [a, b] = [deps.newId(), deps.newId()];
  await deps.db.entities.trip.put([bus(a, ids, 4), bus(b, [], seatsOnB)]).go();
  return { ids, phones, a, b };
}

async function conflictingDeps(options: ConflictOptions) {
  const client = localClient();
  const injected = injectTransactionConflicts(client, options);
  return { deps: await freshDeps({ client }), injected };
}

async function seatsOf(deps: Deps, tripId: string) {
  return (await deps.db.entities.seat.query.byTrip({ tripId }).go()).data;
}

describe('moves under transaction conflicts', () => {
  it('retries the conflicts of a move and moves the passenger once', async () => {
    let touchingB = 0;
    let b = '';
    const { deps, injected } = await conflictingDeps({ when: ({ items }) => items.includes(b) && ++touchingB <= 3 });
    const buses = await twoBuses(deps, 1);
    b = buses.b;
    // act
    const result = await movePassenger(deps, { tripId: b, labourerId: buses.ids[0]!, fromTripId: buses.a, actor: ACTOR });
    // assess
    expect(injected.conflicts).toBe(3);
    expect(result.trip.passengers).toEqual([buses.ids[0]]);
    expect((await getTrip(deps, buses.a)).passengers).toEqual(buses.ids.slice(1));
  });

  it('lets one of four seated passengers racing for the one seat left through, under random conflicts, and tells only them', async () => {
    const { deps, injected } = await conflictingDeps({ fraction: 0.3, seed: 17 });
    const { ids, a, b } = await twoBuses(deps, 1);
    await bookTrip(deps, await getTrip(deps, a), ACTOR);
    // act
    const outcomes = await Promise.allSettled(ids.map((labourerId) => movePassenger(deps, { tripId: b, labourerId, fromTripId: a, actor: ACTOR })));
    // assess
    expect(injected.conflicts).toBeGreaterThan(0);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ConflictError);
    const [busA, busB] = [await getTrip(deps, a), await getTrip(deps, b)];
    expect(busB).toMatchObject({ seatsTaken: 1 });
    expect(busB.passengers).toHaveLength(1);
    expect(busA.seatsTaken).toBe(3);
    expect([...busA.passengers, ...busB.passengers].sort()).toEqual([...ids].sort());
    expect(await seatsOf(deps, b)).toHaveLength(1);
    expect(await seatsOf(deps, a)).toHaveLength(3);
    const { data: moved } = await deps.db.entities.outboxMessage.scan.where((m, { eq }) => eq(m.template, 'seatMoved')).go({ pages: 'all' });
    expect(moved).toHaveLength(1);
  });
});

describe('where a passenger boards', () => {
  it('the bus notice and CX give the passenger\'s own pickup stop and its time, not only the first stop', async () => {
    const deps = await freshDeps();
    const { ids, a } = await twoBuses(deps, 1);
    // A second pickup, 40 minutes after the first, where the first passenger boards.
    await deps.db.entities.trip
      .patch({ tripId: a })
      .set({
        stops: [
          { kind: 'pickup', name: '青川县汽车客运站', time: '07:30' },
          { kind: 'pickup', code: 'QZ', name: '乔庄镇', time: '08:10' },
          { kind: 'drop', code: '3305', name: '湖州市' },
        ],
        riders: ids.map((labourerId, i) => ({ labourerId, pickup: i === 0 ? 'QZ' : '青川县汽车客运站', drop: '3305' })),
      })
      .go();
    // act
    await bookTrip(deps, await getTrip(deps, a), ACTOR);
    // assess
    const { data: notices } = await deps.db.entities.outboxMessage.scan.where((m, { eq }) => eq(m.template, 'tripBooked')).go({ pages: 'all' });
    const { data: first } = await deps.db.entities.labourer.get({ labourerId: ids[0]! }).go();
    const mine = notices.find((n) => n.to === first!.phone)!;
    expect(mine.body).toContain('08:10在乔庄镇上车');
    for (const n of notices.filter((x) => x.to !== first!.phone)) expect(n.body).toContain('07:30在青川县');
    const seat = await findBookedSeat({ ...deps, clock: { now: () => new Date('2099-02-20T00:00:00Z') } }, { id: ids[0]!, homeCounty: COUNTY });
    expect(seat).toMatchObject({ date: '2099-02-27', departureTime: '08:10', pickupPoint: '乔庄镇' });
  });
});

describe('a move while the bus is being booked', () => {
  it('never gives two passengers the same seat number: the booking reads the seats again', async () => {
    const client = localClient();
    const deps = await freshDeps({ client });
    const { ids, a, b } = await twoBuses(deps, 1);
    // Bus A keeps three of the four; the fourth is seated alone on a booked bus B.
    await movePassenger(deps, { tripId: b, labourerId: ids[3]!, fromTripId: a, actor: ACTOR });
    await bookTrip(deps, await getTrip(deps, b), ACTOR);
    const read = await getTrip(deps, a);
    // Right after the booking of A seats its first passenger, the fourth moves over from B with their seat.
    let moved = false;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const output = await next(args);
        const items = JSON.stringify((args.input as { TransactItems?: unknown[] }).TransactItems ?? []);
        if (context.commandName === 'TransactWriteItemsCommand' && !moved && items.includes(ids[0]!)) {
          moved = true;
          await movePassenger(deps, { tripId: a, labourerId: ids[3]!, fromTripId: b, actor: ACTOR });
        }
        return output;
      },
      { step: 'initialize', name: 'moveDuringBooking' },
    );
    // act
    const result = await bookTrip(deps, read, ACTOR);
    // assess
    expect(moved).toBe(true);
    const seats = await seatsOf(deps, a);
    expect(seats).toHaveLength(4);
    expect(new Set(seats.map((s) => s.seatNo)).size).toBe(4);
    expect(result.booked).toBe(4);
    expect((await getTrip(deps, a)).seatsTaken).toBe(4);
  });
});
