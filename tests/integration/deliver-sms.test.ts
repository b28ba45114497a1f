// The notifier's delivery on DynamoDB Local: sent once even across a crash, suppression, failures, and a
// county's daily SMS budget.
import { describe, expect, it } from 'vitest';
import { idempotentSmsSender } from '../../functions/adapters/idempotent-sms-sender.js';
import { PermanentSmsError, SuppressedSmsError, type OutboundSms, type SmsSender } from '../../functions/adapters/sms-sender.js';
import { renderSms, URGENT_TEMPLATES } from '../../functions/domain/sms/templates.js';
import { deliverSms } from '../../functions/services/deliver-sms.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import type { Deps } from '../../functions/services/deps.js';
import { freshDeps, localClient } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

/** Ample: the tests that are not about the budget never reach it. */
const BUDGET = { perCountyPerDay: 5000 };

function countingSender(behaviour: (sms: OutboundSms) => void = () => undefined) {
  const sent: OutboundSms[] = [];
  const sender: SmsSender = {
    async send(sms) {
      behaviour(sms);
      sent.push(sms);
      return { providerMessageId: `p-${sent.length}` };
    },
  };
  return { sender, sent };
}

async function pendingMessage(deps: Deps, template: 'registered' | 'optedOut' = 'registered', to = `+86${mobilePhone()}`) {
  const sms = template === 'registered' ? renderSms('registered', { name: '李芳', code: 'K7M2XR4P' }) : renderSms('optedOut', {});
  const { data } = await deps.db.entities.outboxMessage
    .create({ messageId: deps.newId(), to, body: sms.body, segments: sms.segments, template, status: 'pending', createdAt: new Date().toISOString() })
    .go();
  return data;
}

/** A pending message about a county: an offer (not urgent) or a bus reminder (urgent). */
async function countyMessage(deps: Deps, county: string, kind: 'offer' | 'tripReminder' = 'offer') {
  const sms =
    kind === 'offer'
      ? renderSms('offer', { name: '李芳', place: '湖州', title: '普工', wage: 4500, start: '3月5日', hours: 48 })
      : renderSms('tripReminder', { name: '李芳', time: '7:30', pickup: '县客运站', seat: 12 });
  const { data } = await deps.db.entities.outboxMessage
    .create({ messageId: deps.newId(), to: `+86${mobilePhone()}`, body: sms.body, segments: sms.segments, template: sms.template, status: 'pending', county, createdAt: deps.clock.now().toISOString() })
    .go();
  return data;
}

describe('deliverSms', () => {
  it('sends a pending message once and records the provider id', async () => {
    const deps = await freshDeps();
    const { sender, sent } = countingSender();
    const message = await pendingMessage(deps);
    const first = await deliverSms(deps, sender, message.messageId, BUDGET);
    const again = await deliverSms(deps, sender, message.messageId, BUDGET);
    const { data } = await deps.db.entities.outboxMessage.get({ messageId: message.messageId }).go();
    expect([first, again]).toEqual(['sent', 'already-settled']);
    expect(sent).toHaveLength(1);
    expect(data).toMatchObject({ status: 'sent', providerMessageId: 'p-1', sentAt: expect.any(String) });
  });

  it('does not publish again when the notifier crashed between publishing and marking the message sent', async () => {
    // prepare: the first "mark sent" write fails, as if the Lambda died right after SNS answered
    const client = localClient();
    let failNextOutboxUpdate = true;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const key = JSON.stringify((args.input as { Key?: unknown }).Key ?? '');
        if (context.commandName === 'UpdateItemCommand' && key.includes('messageid') && failNextOutboxUpdate) {
          failNextOutboxUpdate = false;
          throw new Error('simulated crash after publish');
        }
        return next(args);
      },
      { step: 'initialize', name: 'crashAfterPublish' },
    );
    const deps = await freshDeps({ client });
    const counting = countingSender();
    const sender = idempotentSmsSender(counting.sender, { client, tableName: deps.tableName });
    const message = await pendingMessage(deps);
    // act
    await expect(deliverSms(deps, sender, message.messageId, BUDGET)).rejects.toThrow(/simulated crash/);
    const retry = await deliverSms(deps, sender, message.messageId, BUDGET);
    // assess
    const { data } = await deps.db.entities.outboxMessage.get({ messageId: message.messageId }).go();
    expect(retry).toBe('sent');
    expect(counting.sent).toHaveLength(1);
    expect(data).toMatchObject({ status: 'sent', providerMessageId: 'p-1' });
  });

  it('suppresses messages to an opted-out labourer but still confirms the opt-out', async () => {
    const deps = await freshDeps();
    const phone = mobilePhone();
    const { id } = await registerLabourer(deps, {
      name: '周大勇', idNumber: validIdNumber(), phone, skills: ['普工'], destinations: [], expectedWage: 3000, canTravel: true, channel: 'sms',
    });
    const labourer = (await deps.db.entities.labourer.get({ labourerId: id }).go()).data!;
    await deps.db.entities.labourer.patch({ labourerId: id }).set({ optedOut: true }).composite({ status: labourer.status }).go();
    const { sender, sent } = countingSender();
    const notice = await pendingMessage(deps, 'registered', `+86${phone}`);
    const confirmation = await pendingMessage(deps, 'optedOut', `+86${phone}`);
    const outcomes = [await deliverSms(deps, sender, notice.messageId, BUDGET), await deliverSms(deps, sender, confirmation.messageId, BUDGET)];
    const { data } = await deps.db.entities.outboxMessage.get({ messageId: notice.messageId }).go();
    expect(outcomes).toEqual(['suppressed', 'sent']);
    expect(sent.map((s) => s.messageId)).toEqual([confirmation.messageId]);
    expect(data?.status).toBe('suppressed');
  });

  it('suppresses by number: an opted-out number with no registration, not a number whose registration opted out elsewhere', async () => {
    const deps = await freshDeps();
    const stranger = `+86${mobilePhone()}`;
    await deps.db.entities.phoneOptOut.put({ phone: stranger, optedOutAt: new Date().toISOString() }).go();
    const { sender, sent } = countingSender();
    const toStranger = await pendingMessage(deps, 'registered', stranger);
    const toOther = await pendingMessage(deps, 'registered');
    const outcomes = [await deliverSms(deps, sender, toStranger.messageId, BUDGET), await deliverSms(deps, sender, toOther.messageId, BUDGET)];
    expect(outcomes).toEqual(['suppressed', 'sent']);
    expect(sent.map((s) => s.messageId)).toEqual([toOther.messageId]);
  });

  it("records a message the provider's own opt-out list would drop as suppressed, not sent", async () => {
    const deps = await freshDeps();
    const { sender } = countingSender(() => {
      throw new SuppressedSmsError('carrier-opt-out: 该号码在短信服务商的退订名单上');
    });
    const message = await pendingMessage(deps);
    const outcome = await deliverSms(deps, sender, message.messageId, BUDGET);
    const { data } = await deps.db.entities.outboxMessage.get({ messageId: message.messageId }).go();
    expect(outcome).toBe('suppressed');
    expect(data).toMatchObject({ status: 'suppressed', failureReason: expect.stringContaining('carrier-opt-out') });
  });

  it('marks a message the provider refuses for good as failed, with the reason', async () => {
    const deps = await freshDeps();
    const { sender } = countingSender(() => {
      throw new PermanentSmsError('InvalidParameterException: Invalid parameter: PhoneNumber');
    });
    const message = await pendingMessage(deps);
    const outcome = await deliverSms(deps, sender, message.messageId, BUDGET);
    const { data } = await deps.db.entities.outboxMessage.get({ messageId: message.messageId }).go();
    expect(outcome).toBe('failed');
    expect(data).toMatchObject({ status: 'failed', failureReason: expect.stringContaining('PhoneNumber') });
  });

  it('leaves a message pending and throws on a transient error, so the stream retries it', async () => {
    const deps = await freshDeps();
    const { sender } = countingSender(() => {
      throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
    });
    const message = await pendingMessage(deps);
    await expect(deliverSms(deps, sender, message.messageId, BUDGET)).rejects.toThrow('Rate exceeded');
    const { data } = await deps.db.entities.outboxMessage.get({ messageId: message.messageId }).go();
    expect(data?.status).toBe('pending');
  });

  it("holds back a county's non-urgent SMS past its daily budget, still sends urgent ones, and sends again the next day in China", async () => {
    // 23:50 in China (15:50 UTC): the day ends at 16:00 UTC, not at UTC's midnight.
    let now = new Date('2026-03-01T15:50:00Z');
    const deps = await freshDeps({ clock: { now: () => now } });
    const budget = { perCountyPerDay: 2 };
    const { sender, sent } = countingSender();
    const deliver = async (message: { messageId: string }) => deliverSms(deps, sender, message.messageId, budget);
    const status = async (message: { messageId: string }) => (await deps.db.entities.outboxMessage.get({ messageId: message.messageId }).go()).data;
    expect(URGENT_TEMPLATES.has('tripReminder') && !URGENT_TEMPLATES.has('offer')).toBe(true);

    const offers = [await countyMessage(deps, '510822'), await countyMessage(deps, '510822'), await countyMessage(deps, '510822')];
    const outcomes = [];
    for (const offer of offers) outcomes.push(await deliver(offer));
    const reminder = await countyMessage(deps, '510822', 'tripReminder');
    const otherCounty = await countyMessage(deps, '510821');
    outcomes.push(await deliver(reminder), await deliver(otherCounty));

    expect(outcomes).toEqual(['sent', 'sent', 'over-budget', 'sent', 'sent']);
    // Held for the next day in China (midnight: quiet hours are off here), not dropped.
    expect(await status(offers[2]!)).toMatchObject({ status: 'pending', heldState: 'held', notBefore: '2026-03-01T16:00:00.000Z' });
    expect(sent.map((s) => s.messageId)).not.toContain(offers[2]!.messageId);
    expect(sent.map((s) => s.messageId)).toContain(reminder.messageId);

    // Still 23:59 in China: still held back. Then midnight in China (16:00 UTC, the same UTC day): sent.
    now = new Date('2026-03-01T15:59:59Z');
    expect(await deliver(await countyMessage(deps, '510822'))).toBe('over-budget');
    now = new Date('2026-03-01T16:00:00Z');
    const nextDay = await countyMessage(deps, '510822');
    expect(await deliver(nextDay)).toBe('sent');
    expect(await status(nextDay)).toMatchObject({ status: 'sent' });
  });
});
