// The notifier's sending under throttling and holds, on DynamoDB Local: a throttled send is retried with
// back-off and, still throttled, leaves the message pending for the stream's retry (never failed); a held
// message is not sent until the sweep releases it.
import { describe, expect, it } from 'vitest';
import { rateLimitedSmsSender, SmsThrottledError } from '../../functions/adapters/rate-limited-sms-sender.js';
import type { SmsSender } from '../../functions/adapters/sms-sender.js';
import { tokenBucket } from '../../functions/adapters/token-bucket.js';
import { renderSms } from '../../functions/domain/sms/templates.js';
import { deliverSms } from '../../functions/services/deliver-sms.js';
import { writeOutbox } from '../../functions/services/outbox.js';
import { releaseHeldSms } from '../../functions/services/release-held-sms.js';
import { freshDeps } from '../helpers/local-table.js';
import { mobilePhone } from '../helpers/people.js';

const BUDGET = { perCountyPerDay: 5000 };

/** SNS answering ThrottledException until `recoverAfter` calls, then accepting. */
function throttlingProvider(recoverAfter: number) {
  let calls = 0;
  const provider: SmsSender = {
    async send() {
      calls++;
      if (calls <= recoverAfter) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException', $metadata: { httpStatusCode: 400 } });
      return { providerMessageId: `sns-${calls}` };
    },
  };
  return { provider, calls: () => calls };
}

describe('throttling and holds', () => {
  it('retries a throttled send, and leaves it pending (not failed) when throttling lasts', async () => {
    const deps = await freshDeps();
    const messageId = deps.newId();
    await writeOutbox(deps, { to: `+86${mobilePhone()}`, sms: renderSms('help', {}), county: '510822', messageId });
    const bucket = tokenBucket({ ratePerSecond: 1000 });
    const sleeps: number[] = [];
    const backOff = { attempts: 3, firstDelayMs: 10, sleep: async (ms: number) => void sleeps.push(ms) };

    const stubborn = throttlingProvider(100);
    await expect(deliverSms(deps, rateLimitedSmsSender(stubborn.provider, bucket, backOff), messageId, BUDGET)).rejects.toBeInstanceOf(SmsThrottledError);
    const { data: still } = await deps.db.entities.outboxMessage.get({ messageId }).go();
    expect(stubborn.calls()).toBe(3);
    expect(sleeps).toEqual([10, 20]);
    expect(still).toMatchObject({ status: 'pending' });

    // the stream's retry, SNS calmer now: sent after one more back-off
    const calmer = throttlingProvider(1);
    expect(await deliverSms(deps, rateLimitedSmsSender(calmer.provider, bucket, backOff), messageId, BUDGET)).toBe('sent');
    const { data: sent } = await deps.db.entities.outboxMessage.get({ messageId }).go();
    expect(sent).toMatchObject({ status: 'sent', providerMessageId: 'sns-2' });
  });

  it('does not send a held message until the sweep releases it at its time', async () => {
    const deps = await freshDeps();
    const now = Date.now();
    const messageId = deps.newId();
    await writeOutbox(deps, { to: `+86${mobilePhone()}`, sms: renderSms('help', {}), county: '510822', messageId, sendAt: new Date(now + 3600_000) });
    const sender: SmsSender = { send: async () => ({ providerMessageId: 'p-1' }) };
    expect(await deliverSms(deps, sender, messageId, BUDGET)).toBe('held');
    expect(await releaseHeldSms(deps)).toBe(0);
    const later = { ...deps, clock: { now: () => new Date(now + 3600_000 + 1000) } };
    expect(await releaseHeldSms(later)).toBe(1);
    expect(await releaseHeldSms(later)).toBe(0);
    expect(await deliverSms(later, sender, messageId, BUDGET)).toBe('sent');
  });

  it('holds a message written in the day but reached at night (a long queue) until the morning', async () => {
    const evening = new Date('2027-02-10T20:55:00+08:00');
    const deps = await freshDeps({ clock: { now: () => evening } });
    const messageId = deps.newId();
    const before = process.env.SMS_QUIET_HOURS;
    process.env.SMS_QUIET_HOURS = '21-8';
    try {
      await writeOutbox(deps, { to: `+86${mobilePhone()}`, sms: renderSms('help', {}), county: '510822', messageId });
      const night = { ...deps, clock: { now: () => new Date('2027-02-10T21:30:00+08:00') } };
      const sends: string[] = [];
      const sender: SmsSender = { send: async (m) => (sends.push(m.messageId), { providerMessageId: 'p-2' }) };
      expect(await deliverSms(night, sender, messageId, BUDGET)).toBe('held');
      const { data: held } = await deps.db.entities.outboxMessage.get({ messageId }).go();
      expect(held).toMatchObject({ status: 'pending', heldState: 'held', notBefore: '2027-02-11T00:00:00.000Z' });
      const morning = { ...deps, clock: { now: () => new Date('2027-02-11T08:00:01+08:00') } };
      expect(await releaseHeldSms(morning)).toBe(1);
      expect(await deliverSms(morning, sender, messageId, BUDGET)).toBe('sent');
      expect(sends).toEqual([messageId]);
    } finally {
      if (before === undefined) delete process.env.SMS_QUIET_HOURS;
      else process.env.SMS_QUIET_HOURS = before;
    }
  });
});
