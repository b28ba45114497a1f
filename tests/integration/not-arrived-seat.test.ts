// 未到岗 for a worker whose job is in their home county (no bus needed, so allowed any time after acceptance)
// who still holds a seat on a booked bus: the seat is freed with it, so the roll call no longer lists them.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bookTrip, getTrip } from '../../functions/services/book-trip.js';
import { handleInboundSms } from '../../functions/services/conversation/handle-inbound-sms.js';
import { postVacancy } from '../../functions/services/manage-vacancies.js';
import { confirmNotArrived } from '../../functions/services/placement.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { runCountyMatching } from '../../functions/services/run-matching.js';
import { freshDeps } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';

describe('未到岗 of a worker still holding a seat', () => {
  it('frees the seat of a home-county worker, and the bus counts one seat fewer', async () => {
    const deps = await freshDeps({ clock: { now: () => new Date('2099-02-20T02:00:00Z') } });
    const phone = mobilePhone();
    const { id } = await registerLabourer(deps, {
      name: '钱九', idNumber: validIdNumber(COUNTY), phone, skills: ['保洁'], destinations: [COUNTY], expectedWage: 2000, canTravel: true, channel: 'web',
    });
    await postVacancy(deps, { employerId: 'qingchuan-hotel', employerKind: 'enterprise', title: '县城宾馆保洁', skills: ['保洁'], county: COUNTY, openings: 1, monthlyWage: 2200, startDate: '2099-06-01' });
    await runCountyMatching(deps, COUNTY);
    await handleInboundSms(deps, { from: phone, text: '1', inboundMessageId: randomUUID() });
    const tripId = deps.newId();
    await deps.db.entities.trip
      .put({
        tripId, planId: 'plan', county: COUNTY, destination: '5108', destinationName: '广元市', date: '2099-02-27', departureTime: '07:30',
        pickupPoint: '青川县汽车客运站', passengers: [id], seats: 3, vehicleSeats: 3, seatsTaken: 0, status: 'proposed', createdAt: new Date().toISOString(),
      })
      .go();
    await bookTrip(deps, await getTrip(deps, tripId));
    expect((await deps.db.entities.labourer.get({ labourerId: id }).go()).data?.status).toBe('travelling');
    const { data: offers } = await deps.db.entities.offer.query.offersByLabourer({ labourerId: id, status: 'accepted' }).go();
    expect(offers).toHaveLength(1);
    await confirmNotArrived(deps, offers[0]!, 'employer:qingchuan-hotel');
    expect((await deps.db.entities.seat.get({ tripId, labourerId: id }).go()).data).toBeNull();
    expect((await getTrip(deps, tripId)).seatsTaken).toBe(0);
    expect((await deps.db.entities.labourer.get({ labourerId: id }).go()).data?.status).toBe('registered');
  });
});
