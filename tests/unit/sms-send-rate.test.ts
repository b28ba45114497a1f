// The notifier's send rate (a token bucket per origination identity) and its back-off on throttling.
import { describe, expect, it } from 'vitest';
import { rateLimitedSmsSender, SmsThrottledError } from '../../functions/adapters/rate-limited-sms-sender.js';
import type { OutboundSms, SmsSender } from '../../functions/adapters/sms-sender.js';
import { tokenBucket } from '../../functions/adapters/token-bucket.js';

/** A fake clock that sleeping moves forward. */
function fakeTime() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

const sms = (i: number): OutboundSms => ({ messageId: `m${i}`, to: '+8613900000000', body: 'x' });

describe('token bucket', () => {
  it('lets a burst through, then holds sends to the rate', async () => {
    const time = fakeTime();
    const bucket = tokenBucket({ ratePerSecond: 20, now: time.now, sleep: time.sleep });
    const takenAt: number[] = [];
    for (let i = 0; i < 100; i++) {
      await bucket.take();
      takenAt.push(time.now());
    }
    // 20 at once (a second's worth), then one every 50 ms: 100 sends take 4 seconds.
    expect(takenAt.slice(0, 20).every((t) => t === 0)).toBe(true);
    expect(takenAt.at(-1)).toBe(4000);
    // Never more than 20 + 20 in any second's window after the burst.
    for (let i = 20; i + 20 < takenAt.length; i++) expect(takenAt[i + 20]! - takenAt[i]!).toBeGreaterThanOrEqual(1000);
  });

  it('serves concurrent takers one at a time', async () => {
    const time = fakeTime();
    const bucket = tokenBucket({ ratePerSecond: 10, burst: 1, now: time.now, sleep: time.sleep });
    await Promise.all(Array.from({ length: 5 }, () => bucket.take()));
    expect(time.now()).toBe(400);
  });
});

describe('throttling', () => {
  const free = { take: async () => undefined };

  it('backs off and retries a throttled send, then sends', async () => {
    const time = fakeTime();
    let calls = 0;
    const provider: SmsSender = {
      async send() {
        calls++;
        if (calls <= 2) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException', $metadata: { httpStatusCode: 400 } });
        return { providerMessageId: 'p-1' };
      },
    };
    const sender = rateLimitedSmsSender(provider, free, { attempts: 5, firstDelayMs: 250, sleep: time.sleep });
    await expect(sender.send(sms(1))).resolves.toEqual({ providerMessageId: 'p-1' });
    expect(time.sleeps).toEqual([250, 500]);
  });

  it('treats a 429 as throttling and gives up transiently (the stream retries; the message is not failed)', async () => {
    const time = fakeTime();
    const provider: SmsSender = {
      async send() {
        throw Object.assign(new Error('Too Many Requests'), { name: 'Unknown', $metadata: { httpStatusCode: 429 } });
      },
    };
    const sender = rateLimitedSmsSender(provider, free, { attempts: 3, firstDelayMs: 100, sleep: time.sleep });
    await expect(sender.send(sms(1))).rejects.toBeInstanceOf(SmsThrottledError);
    expect(time.sleeps).toEqual([100, 200]);
  });

  it('lets other errors through at once', async () => {
    const provider: SmsSender = {
      async send() {
        throw Object.assign(new Error('bad'), { name: 'InternalError' });
      },
    };
    const sender = rateLimitedSmsSender(provider, free, { attempts: 3, firstDelayMs: 100, sleep: async () => undefined });
    await expect(sender.send(sms(1))).rejects.toThrow('bad');
  });
});
