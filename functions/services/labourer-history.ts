// GET /labourers/{id}/history: one person's season in time order — the SMS both ways on each phone while
// it was theirs (labourer-phones.ts), and what happened to them: registration, offers made and answered,
// bus seats, and the audit entries about them (staff edits, phone moves).
import { templateDisplayName } from '#domain/sms/template-names.js';
import { auditActionName } from '#domain/audit-actions.js';
import type { HistoryEntry } from '#domain/views/history.js';
import { auditOfLabourer } from './audit.js';
import type { Deps } from './deps.js';
import { inPeriod, phonePeriods, type PhonePeriod } from './labourer-phones.js';

export type { HistoryEntry };

const OFFER_OUTCOME: Record<string, string> = { accepted: '接受了岗位', declined: '拒绝了岗位', expired: '岗位通知过期', withdrawn: '岗位通知已撤回' };

/** Undefined when there is no such labourer. */
export async function labourerHistory(deps: Pick<Deps, 'db'>, labourerId: string): Promise<HistoryEntry[] | undefined> {
  const { db } = deps;
  const { data: labourer } = await db.entities.labourer.get({ labourerId }).go();
  if (!labourer) return undefined;
  const audit = await auditOfLabourer(deps, labourerId);
  const periods = phonePeriods(labourer.phone, audit, labourer.createdAt);

  const [messages, { data: offers }, seats] = await Promise.all([
    Promise.all(periods.map((period) => conversationOn(deps, period))),
    db.entities.offer.query.offersByLabourer({ labourerId }).go({ pages: 'all' }),
    seatsOf(deps, labourer.homeCounty, labourerId),
  ]);

  const events: HistoryEntry[] = [
    {
      at: labourer.createdAt,
      kind: 'event',
      text: labourer.channel === 'sms' ? '短信报名' : labourer.registeredBy ? '工作人员代为报名' : '网页报名',
      ...(labourer.registeredBy ? { actor: labourer.registeredBy } : {}),
    },
    ...offers.flatMap((offer): HistoryEntry[] => [
      { at: offer.createdAt, kind: 'event', text: `岗位通知：${offer.vacancyTitle}` },
      ...(offer.status === 'offered' ? [] : [{ at: offer.answeredAt ?? offer.respondBy, kind: 'event' as const, text: `${OFFER_OUTCOME[offer.status] ?? offer.status}：${offer.vacancyTitle}` }]),
    ]),
    ...seats,
    // The registration itself is the first event already; its audit entry would say it twice.
    ...audit.filter((entry) => entry.action !== 'labourer.register').map((entry): HistoryEntry => ({
      at: entry.at,
      kind: 'event',
      text: auditActionName(entry.action),
      actor: entry.actor,
      ...(entry.before ? { before: entry.before } : {}),
      ...(entry.after ? { after: entry.after } : {}),
    })),
  ];
  // Stable: at equal times, messages keep their order and come before the events they report.
  return [...messages.flat(), ...events].sort((a, b) => a.at.localeCompare(b.at));
}

async function conversationOn(deps: Pick<Deps, 'db'>, period: PhonePeriod): Promise<HistoryEntry[]> {
  const [{ data: received }, { data: sent }] = await Promise.all([
    deps.db.entities.inboundMessage.query.inboundByPhone({ phone: period.phone }).go({ pages: 'all' }),
    deps.db.entities.outboxMessage.query.messagesByPhone({ to: period.phone }).go({ pages: 'all' }),
  ]);
  const inbound = received
    .filter((m) => inPeriod(period, m.receivedAt))
    .map((m): HistoryEntry => ({ at: m.receivedAt, kind: 'inbound', ...(m.text !== undefined ? { text: m.text } : {}), intent: m.intent, phone: period.phone }));
  const outbound = sent
    .filter((m) => inPeriod(period, m.createdAt))
    .map((m): HistoryEntry => {
      const templateName = templateDisplayName(m.template);
      return { at: m.createdAt, kind: 'outbound', text: m.body, status: m.status, template: m.template, ...(templateName ? { templateName } : {}), phone: period.phone };
    });
  return [...inbound, ...outbound];
}

/** A county has tens to hundreds of buses a season: its trips are read whole to find this passenger's. */
async function seatsOf(deps: Pick<Deps, 'db'>, county: string, labourerId: string): Promise<HistoryEntry[]> {
  const { data: trips } = await deps.db.entities.trip.query.tripsByCounty({ county }).go({ pages: 'all' });
  const mine = trips.filter((t) => t.passengers.includes(labourerId));
  const found = await Promise.all(mine.map(async (trip) => ({ trip, seat: (await deps.db.entities.seat.get({ tripId: trip.tripId, labourerId }).go()).data })));
  return found.flatMap(({ trip, seat }) =>
    seat ? [{ at: seat.createdAt, kind: 'event' as const, text: `专车座位：${trip.date} ${trip.departureTime} 去${trip.destinationName}，${seat.seatNo}号座` }] : [],
  );
}
