// Broadcasts (群发): a coordinator's message to a segment of the county's labourers — by status, wanted
// destination (a code either way a prefix: 33 covers 3305, 330502 is covered by 3305), an offer of one
// vacancy, a seat on one bus, a pickup point (code or name), poverty, the follow-up watch list. Opted-out
// and unreachable numbers are skipped and counted. Each recipient's SMS is an ordinary outbox message
// (non-urgent: quiet hours hold it; the county budget applies) with `sendAt` for a later send. A big one
// (over BACKGROUND_RECIPIENTS) is written by the background worker; GET /jobs/{id} follows it.
import { broadcastCostCny, broadcastText } from '#domain/sms/broadcast-text.js';
import { renderSms } from '#domain/sms/templates.js';
import { UnavailableError, ValidationError } from '#domain/errors.js';
import type { LABOURER_STATUSES } from '#store/entities/labourer.js';
import { isConditionFailure } from '#store/condition-failure.js';
import type { broadcastEntity } from '#store/entities/broadcast.js';
import type { EntityItem } from 'electrodb';
import { createJob, failJob, finishJob, readJobInput, recordJobProgress, type JobRecord } from './background-job.js';
import type { Deps } from './deps.js';
import { writeOutbox } from './outbox.js';
import { auditPart } from './audit.js';
import { writeTransaction } from '#store/transact.js';
import { smsBudgetToday, type SmsBudget } from './sms-budget.js';
import type { BroadcastPreview } from '#domain/views/messaging.js';

export type { BroadcastPreview };

type BroadcastItem = EntityItem<typeof broadcastEntity>;

/** Above this many recipients the messages are written in the background (2,000 take a few seconds). */
export const BACKGROUND_RECIPIENTS = 2000;
const WRITE_CONCURRENCY = 25;

export interface BroadcastSegment {
  status?: (typeof LABOURER_STATUSES)[number];
  destination?: string;
  vacancyId?: string;
  tripId?: string;
  pickup?: string;
  poverty?: boolean;
  watch?: boolean;
}

export interface BroadcastInput {
  county: string;
  segment: BroadcastSegment;
  text: string;
  sendAt?: string;
}

export interface BroadcastView {
  id: string;
  county: string;
  segment: BroadcastSegment;
  text: string;
  segments: number;
  sendAt?: string;
  createdAt: string;
  createdBy: string;
  state: 'writing' | 'done' | 'failed';
  recipients: number;
  optedOut: number;
  unreachable: number;
  jobId?: string;
  error?: string;
}

interface Recipient {
  labourerId: string;
  phone: string;
}

interface Audience {
  recipients: Recipient[];
  optedOut: number;
  unreachable: number;
}

function signed(text: string) {
  const checked = broadcastText(text);
  if ('problem' in checked) throw new ValidationError('短信内容有误', [{ path: 'text', message: checked.problem }]);
  return checked;
}

function wantsPlace(wanted: readonly { code: string }[], code: string): boolean {
  return wanted.some((d) => d.code.startsWith(code) || code.startsWith(d.code));
}

/** Who the segment reaches, and who it would but cannot (opted out, unreachable). */
async function audience(deps: Pick<Deps, 'db'>, county: string, segment: BroadcastSegment): Promise<Audience> {
  const { labourer, offer, seat, phoneOptOut } = deps.db.entities;
  const [{ data: people }, offered, seated] = await Promise.all([
    labourer.query
      .labourersByCounty({ homeCounty: county, ...(segment.status ? { status: segment.status } : {}) })
      .go({ pages: 'all', attributes: ['labourerId', 'phone', 'destinations', 'pickup', 'poverty', 'watchSince', 'optedOut', 'unreachable', 'erasedAt'] }),
    segment.vacancyId
      ? offer.query.offersByCounty({ county }).go({ pages: 'all', attributes: ['labourerId', 'vacancyId'] }).then(({ data }) => new Set(data.filter((o) => o.vacancyId === segment.vacancyId).map((o) => o.labourerId!)))
      : undefined,
    segment.tripId ? seat.query.byTrip({ tripId: segment.tripId }).go({ pages: 'all' }).then(({ data }) => new Set(data.map((s) => s.labourerId))) : undefined,
  ]);
  const pickup = segment.pickup?.trim();
  const chosen = people.filter(
    (p) =>
      !p.erasedAt &&
      p.phone &&
      (!segment.destination || wantsPlace(p.destinations ?? [], segment.destination)) &&
      (!offered || offered.has(p.labourerId!)) &&
      (!seated || seated.has(p.labourerId!)) &&
      (!pickup || p.pickup?.code === pickup || (p.pickup?.name ?? '').includes(pickup)) &&
      (segment.poverty === undefined || p.poverty === segment.poverty) &&
      (segment.watch === undefined || (p.watchSince !== undefined) === segment.watch),
  );
  // A number's opt-out belongs to the number (phoneOptOut), whoever holds it now.
  const optedOutNumbers = new Set<string>();
  const phones = chosen.filter((p) => !p.optedOut).map((p) => p.phone!);
  for (let i = 0; i < phones.length; i += 100) {
    const { data } = await phoneOptOut.get(phones.slice(i, i + 100).map((phone) => ({ phone }))).go();
    for (const row of data) optedOutNumbers.add(row.phone);
  }
  let optedOut = 0;
  let unreachable = 0;
  const recipients: Recipient[] = [];
  for (const p of chosen) {
    if (p.optedOut || optedOutNumbers.has(p.phone!)) optedOut++;
    else if (p.unreachable) unreachable++;
    else recipients.push({ labourerId: p.labourerId!, phone: p.phone! });
  }
  return { recipients, optedOut, unreachable };
}

/** A `sendAt` already past is refused (a minute's grace for the time it took to press the button); more than 30 days ahead too. */
function checkSendAt(now: Date, sendAt: string | undefined): void {
  if (!sendAt) return;
  if (Date.parse(sendAt) < now.getTime() - 60_000) {
    throw new ValidationError('发送时间有误', [{ path: 'sendAt', message: '定时发送的时间已经过了，请选以后的时间，或不填立即发送' }]);
  }
  if (Date.parse(sendAt) > now.getTime() + 30 * 24 * 3600_000) {
    throw new ValidationError('发送时间有误', [{ path: 'sendAt', message: '最晚只能定在30天内' }]);
  }
}

export async function previewBroadcast(deps: Pick<Deps, 'db' | 'clock'>, input: BroadcastInput, budget: SmsBudget): Promise<BroadcastPreview> {
  const text = signed(input.text);
  checkSendAt(deps.clock.now(), input.sendAt);
  const [{ recipients, optedOut, unreachable }, today] = await Promise.all([audience(deps, input.county, input.segment), smsBudgetToday(deps, budget, input.county)]);
  // The budget counts messages (whatever their parts), as the notifier does.
  const fitsToday = Math.min(recipients.length, today.remainingToday);
  return {
    budget: { ...today, fitsToday, overBy: recipients.length - fitsToday },
    recipients: recipients.length,
    optedOut,
    unreachable,
    segments: text.segments,
    totalSegments: recipients.length * text.segments,
    costEstimateCny: broadcastCostCny(recipients.length, text.segments),
    body: text.body,
  };
}

function toView(item: BroadcastItem): BroadcastView {
  return {
    id: item.broadcastId,
    county: item.county,
    segment: JSON.parse(item.segment) as BroadcastSegment,
    text: item.text,
    segments: item.segments,
    ...(item.sendAt ? { sendAt: item.sendAt } : {}),
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    state: item.state,
    recipients: item.recipients,
    optedOut: item.optedOut,
    unreachable: item.unreachable,
    ...(item.jobId ? { jobId: item.jobId } : {}),
    ...(item.error ? { error: item.error } : {}),
  };
}

/** Writes each recipient's SMS; a message id per (broadcast, labourer) makes a second writing a no-op. */
async function writeMessages(
  deps: Pick<Deps, 'db' | 'clock' | 'newId'>,
  broadcast: { broadcastId: string; county: string; text: string; sendAt?: string },
  recipients: readonly Recipient[],
  onProgress?: (done: number) => Promise<void>,
): Promise<void> {
  const sms = renderSms('broadcast', { text: broadcast.text });
  const sendAt = broadcast.sendAt ? new Date(broadcast.sendAt) : undefined;
  for (let i = 0; i < recipients.length; i += WRITE_CONCURRENCY) {
    await Promise.all(
      recipients.slice(i, i + WRITE_CONCURRENCY).map((r) =>
        writeOutbox(deps, { to: r.phone, sms, county: broadcast.county, broadcastId: broadcast.broadcastId, messageId: `${broadcast.broadcastId}-${r.labourerId}`, ...(sendAt ? { sendAt } : {}) }).catch(
          (error: unknown) => {
            if (!isConditionFailure(error)) throw error;
          },
        ),
      ),
    );
    if (onProgress && (i / WRITE_CONCURRENCY) % 40 === 39) await onProgress(Math.min(recipients.length, i + WRITE_CONCURRENCY));
  }
}

export type BroadcastStart = { ran: 'now'; broadcast: BroadcastView } | { ran: 'background'; broadcast: BroadcastView; job: JobRecord };

export async function createBroadcast(deps: Deps, input: BroadcastInput, actor: string): Promise<BroadcastStart> {
  const text = signed(input.text);
  const now = deps.clock.now();
  checkSendAt(now, input.sendAt);
  const sendAt = input.sendAt && Date.parse(input.sendAt) > now.getTime() ? new Date(input.sendAt).toISOString() : undefined;
  const { recipients, optedOut, unreachable } = await audience(deps, input.county, input.segment);
  const broadcastId = deps.newId();
  const background = recipients.length > BACKGROUND_RECIPIENTS;
  if (background && !deps.jobs) throw new UnavailableError('后台任务没有配置，暂时不能群发给这么多人');
  const record = {
    broadcastId,
    county: input.county,
    segment: JSON.stringify(input.segment),
    text: text.text,
    segments: text.segments,
    ...(sendAt ? { sendAt } : {}),
    createdBy: actor,
    createdAt: now.toISOString(),
    state: 'writing' as const,
    recipients: recipients.length,
    optedOut,
    unreachable,
  };
  // A staff write like any other: the broadcast and its audit entry together.
  await writeTransaction(deps.db, [
    { name: 'broadcast', item: ({ broadcast }) => broadcast.create(record).commit() },
    auditPart(deps, {
      actor,
      action: 'broadcast.create',
      target: `broadcast:${broadcastId}`,
      county: input.county,
      after: { text: text.text, segment: input.segment, recipients: recipients.length, ...(sendAt ? { sendAt } : {}) },
    }),
  ]);
  if (!background) {
    await writeMessages(deps, record, recipients);
    await deps.db.entities.broadcast.patch({ broadcastId }).set({ state: 'done' }).go();
    return { ran: 'now', broadcast: toView({ ...record, state: 'done' }) };
  }
  const job = await createJob(deps, { kind: 'broadcast', county: input.county, startedBy: actor, total: recipients.length }, new TextEncoder().encode(JSON.stringify({ broadcastId })));
  await deps.db.entities.broadcast.patch({ broadcastId }).set({ jobId: job.jobId }).go();
  try {
    await deps.jobs!.start(job.jobId);
  } catch (error) {
    await failJob(deps, job.jobId, error);
    await deps.db.entities.broadcast.patch({ broadcastId }).set({ state: 'failed', error: '后台任务没有启动，请重新群发' }).go();
    throw error;
  }
  return { ran: 'background', broadcast: toView({ ...record, jobId: job.jobId }), job };
}

/** The worker's part: the audience found again (as of now) and written, `done` recorded as it goes. */
export async function runBroadcastJob(deps: Deps, job: JobRecord): Promise<void> {
  const { broadcastId } = JSON.parse(new TextDecoder().decode(await readJobInput(deps, job.jobId))) as { broadcastId: string };
  const { data: broadcast } = await deps.db.entities.broadcast.get({ broadcastId }).go();
  if (!broadcast) throw new Error(`broadcast ${broadcastId} is gone`);
  try {
    const { recipients } = await audience(deps, broadcast.county, JSON.parse(broadcast.segment) as BroadcastSegment);
    await writeMessages(deps, broadcast, recipients, (done) => recordJobProgress(deps, job.jobId, done, recipients.length));
    await deps.db.entities.broadcast.patch({ broadcastId }).set({ state: 'done', recipients: recipients.length }).go();
    await finishJob(deps, job.jobId, recipients.length, { id: broadcastId, recipients: recipients.length });
  } catch (error) {
    await deps.db.entities.broadcast.patch({ broadcastId }).set({ state: 'failed', error: '群发中断：已写入的短信照常发送，请查看后重新群发其余的人' }).go();
    throw error;
  }
}

export async function listBroadcasts(deps: Pick<Deps, 'db'>, county: string): Promise<BroadcastView[]> {
  const { data } = await deps.db.entities.broadcast.query.broadcastsByCounty({ county }).go({ pages: 'all', order: 'desc' });
  return data.map(toView);
}
