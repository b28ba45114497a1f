// The daily follow-up of one county: labourers still unplaced after N days join the watch list
// (candidates for public-welfare posts or local jobs), posts whose term has ended free their places,
// and passengers of tomorrow's buses get a reminder.
import { chinaToday } from '#domain/calendar.js';
import { renderSms } from '#domain/sms/templates.js';
import type { Deps } from './deps.js';
import { afterBusSweep, type AfterBusSweepResult } from './after-bus-sweep.js';
import { outboxPart } from './outbox.js';
import { riderPickup } from './rider-pickup.js';
import { toTripView, type TripItem } from './trip-view.js';
import { writeTransaction } from '#store/transact.js';

export const WATCH_AFTER_DAYS = 7;

export interface FollowUpResult {
  county: string;
  watched: number;
  postsEnded: number;
  reminders: number;
  /** After the bus: 上岗 questions, check-ins asked, check-ins gone unanswered (issue #18). */
  afterBus?: AfterBusSweepResult;
}

export async function followUpCounty(deps: Deps, county: string, watchAfterDays = WATCH_AFTER_DAYS): Promise<FollowUpResult> {
  const now = deps.clock.now();
  const { labourer, vacancy, trip, seat } = deps.db.entities;

  const cutoff = new Date(now.getTime() - watchAfterDays * 86_400_000).toISOString();
  const { data: waiting } = await labourer.query.labourersByCounty({ homeCounty: county, status: 'registered' }).go({ pages: 'all' });
  const due = waiting.filter((l) => !l.watchSince && l.createdAt < cutoff);
  for (const l of due) await labourer.patch({ labourerId: l.labourerId }).set({ watchSince: now.toISOString() }).go();

  const today = chinaToday(now);
  const { data: posts } = await vacancy.query.vacanciesByCounty({ county, kind: 'post' }).go({ pages: 'all' });
  const ended = posts.filter((p) => p.status !== 'ended' && p.endDate !== undefined && p.endDate < today);
  for (const p of ended) {
    await vacancy.patch({ vacancyId: p.vacancyId }).set({ status: 'ended' }).composite({ county: p.county }).go();
  }

  // Once per trip: the reminder flag is set in the same transaction as the first reminder.
  const tomorrow = chinaToday(new Date(now.getTime() + 86_400_000));
  const { data: buses } = await trip.query.tripsByCounty({ county, status: 'booked', date: tomorrow }).go({ pages: 'all' });
  let reminders = 0;
  for (const bus of buses.filter((b) => !b.reminderSent)) {
    const { data: seats } = await seat.query.byTrip({ tripId: bus.tripId }).go({ pages: 'all' });
    const { data: people } = seats.length > 0 ? await labourer.get(seats.map((s) => ({ labourerId: s.labourerId }))).go() : { data: [] };
    const byId = new Map(people.map((p) => [p.labourerId, p]));
    const view = toTripView(bus as TripItem);
    const notices = seats.flatMap((s) => {
      const person = byId.get(s.labourerId);
      if (!person) return [];
      // Their own stop and its time, as the booking notice said (not the bus's first stop).
      const boarding = riderPickup(view, s.labourerId);
      const sms = renderSms('tripReminder', { name: person.name, time: boarding.time, pickup: boarding.name, seat: s.seatNo });
      return [outboxPart(deps, { to: person.phone, sms, county }, `reminder:${s.labourerId}`)];
    });
    // A transaction holds 100 items: a bus of 45 and its flag fit in one.
    const outcome = await writeTransaction(deps.db, [
      {
        name: 'reminderSent',
        item: ({ trip: entity }) =>
          entity.patch({ tripId: bus.tripId }).set({ reminderSent: true }).where((a, { notExists }) => notExists(a.reminderSent)).commit(),
      },
      ...notices,
    ]);
    if (outcome.ok) reminders += notices.length;
  }
  const afterBus = await afterBusSweep(deps, county);
  return { county, watched: due.length, postsEnded: ended.length, reminders, afterBus };
}
