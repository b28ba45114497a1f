// The daily follow-up on DynamoDB Local: watch list, ended posts, the day-before bus reminder (once).
import { describe, expect, it } from 'vitest';
import { followUpCounty } from '../../functions/services/follow-up.js';
import { createPost } from '../../functions/services/manage-vacancies.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { freshDeps } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';
const DAY = 86_400_000;

describe('followUpCounty', () => {
  it('puts labourers unplaced for a week on the watch list, and only them', async () => {
    const start = Date.parse('2027-02-01T02:00:00Z');
    let now = start;
    const deps = await freshDeps({ clock: { now: () => new Date(now) } });
    const person = (name: string) => ({
      name, idNumber: validIdNumber(COUNTY), phone: mobilePhone(), skills: ['普工' as const], destinations: [], expectedWage: 3000, canTravel: true, channel: 'web' as const,
    });
    const old = await registerLabourer(deps, person('王立学'));
    now = start + 5 * DAY;
    const recent = await registerLabourer(deps, person('李芳'));
    now = start + 8 * DAY;
    const result = await followUpCounty(deps, COUNTY);
    const again = await followUpCounty(deps, COUNTY);
    const read = async (id: string) => (await deps.db.entities.labourer.get({ labourerId: id }).go()).data;
    expect(result.watched).toBe(1);
    expect(again.watched).toBe(0);
    expect((await read(old.id))?.watchSince).toBeDefined();
    expect((await read(recent.id))?.watchSince).toBeUndefined();
  });

  it('ends public-welfare posts whose term is over', async () => {
    const deps = await freshDeps({ clock: { now: () => new Date('2027-06-02T02:00:00Z') } });
    const post = await createPost(deps, { title: '卡口值守', county: COUNTY, openings: 3, monthlyWage: 1800, months: 3, poorShareMin: 0.6, startDate: '2027-03-01', skills: ['普工'] });
    const result = await followUpCounty(deps, COUNTY);
    const { data } = await deps.db.entities.vacancy.get({ vacancyId: post.id }).go();
    expect(result.postsEnded).toBe(1);
    expect(data?.status).toBe('ended');
  });

  it('reminds the passengers of tomorrow’s bus once', async () => {
    const deps = await freshDeps({ clock: { now: () => new Date('2027-02-27T01:30:00Z') } });
    const { id, } = await registerLabourer(deps, {
      name: '陈强', idNumber: validIdNumber(COUNTY), phone: mobilePhone(), skills: ['钢筋工'], destinations: ['3305'], expectedWage: 5000, canTravel: true, channel: 'web',
    });
    await deps.db.entities.trip.create({
      tripId: 'trip-1', planId: 'plan-1', county: COUNTY, destination: '3305', destinationName: '湖州市', date: '2027-02-28', departureTime: '07:30',
      pickupPoint: '青川县汽车客运站', passengers: [id], seats: 45, seatsTaken: 1, status: 'booked', createdAt: new Date().toISOString(),
    }).go();
    await deps.db.entities.seat.create({ tripId: 'trip-1', labourerId: id, seatNo: 7, vacancyTitle: '瓦工', createdAt: new Date().toISOString() }).go();
    const first = await followUpCounty(deps, COUNTY);
    const second = await followUpCounty(deps, COUNTY);
    const person = (await deps.db.entities.labourer.get({ labourerId: id }).go()).data!;
    const { data: log } = await deps.db.entities.outboxMessage.query.messagesByPhone({ to: person.phone }).go();
    expect(first.reminders).toBe(1);
    expect(second.reminders).toBe(0);
    expect(log.filter((m) => m.template === 'tripReminder')).toHaveLength(1);
    expect(log.find((m) => m.template === 'tripReminder')?.body).toMatch(/明天07:30在青川县汽车客运站乘春风专车，7号座/);
  });

  it('reminds each passenger of their own stop and its time, as the booking notice did', async () => {
    const deps = await freshDeps({ clock: { now: () => new Date('2027-02-27T01:30:00Z') } });
    const person = (name: string) => registerLabourer(deps, {
      name, idNumber: validIdNumber(COUNTY), phone: mobilePhone(), skills: ['钢筋工'], destinations: ['3305'], expectedWage: 5000, canTravel: true, channel: 'web',
    });
    const first = await person('陈强');
    const second = await person('李芳');
    await deps.db.entities.trip.create({
      tripId: 'trip-2', planId: 'plan-1', county: COUNTY, destination: '3305', destinationName: '湖州市', date: '2027-02-28', departureTime: '07:30',
      pickupPoint: '青川县汽车客运站', passengers: [first.id, second.id], seats: 45, seatsTaken: 2, status: 'booked', createdAt: new Date().toISOString(),
      stops: [
        { kind: 'pickup', name: '青川县汽车客运站', time: '07:30' },
        { kind: 'pickup', name: '乔庄镇政府', time: '08:00' },
        { kind: 'drop', code: '3305', name: '湖州市' },
      ],
      riders: [
        { labourerId: first.id, pickup: '青川县汽车客运站', drop: '3305' },
        { labourerId: second.id, pickup: '乔庄镇政府', drop: '3305' },
      ],
    }).go();
    for (const [id, seatNo] of [[first.id, 1], [second.id, 2]] as const) {
      await deps.db.entities.seat.create({ tripId: 'trip-2', labourerId: id, seatNo, vacancyTitle: '钢筋工', createdAt: new Date().toISOString() }).go();
    }
    expect((await followUpCounty(deps, COUNTY)).reminders).toBe(2);
    const reminder = async (id: string) => {
      const phone = (await deps.db.entities.labourer.get({ labourerId: id }).go()).data!.phone;
      const { data } = await deps.db.entities.outboxMessage.query.messagesByPhone({ to: phone }).go();
      return data.find((m) => m.template === 'tripReminder')?.body;
    };
    expect(await reminder(first.id)).toMatch(/明天07:30在青川县汽车客运站乘春风专车，1号座/);
    expect(await reminder(second.id)).toMatch(/明天08:00在乔庄镇政府乘春风专车，2号座/);
  });
});
