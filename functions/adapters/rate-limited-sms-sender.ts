// Sends through `sender` at the bucket's rate, and backs off when the provider throttles all the same
// (SNS: ThrottledException / 429, e.g. the account's rate is lower than configured): waits 250 ms, 500 ms,
// 1 s … and tries again. Still throttled after the last try, it throws a plain (transient) error: the
// message stays `pending` and the stream retries the record later — throttling never fails a message.
import type { OutboundSms, SmsSender } from './sms-sender.js';
import type { TokenBucket } from './token-bucket.js';

const THROTTLING = new Set(['ThrottledException', 'ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded']);

export function isThrottling(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return THROTTLING.has(e?.name ?? '') || e?.$metadata?.httpStatusCode === 429;
}

export class SmsThrottledError extends Error {
  override name = 'SmsThrottledError';
}

export interface BackOff {
  attempts: number;
  firstDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_BACK_OFF: BackOff = { attempts: 5, firstDelayMs: 250 };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function rateLimitedSmsSender(sender: SmsSender, bucket: TokenBucket, backOff: BackOff = DEFAULT_BACK_OFF): SmsSender {
  const sleep = backOff.sleep ?? realSleep;
  return {
    async send(sms: OutboundSms) {
      for (let attempt = 1; ; attempt++) {
        await bucket.take();
        try {
          return await sender.send(sms);
        } catch (error) {
          if (!isThrottling(error)) throw error;
          if (attempt >= backOff.attempts) throw new SmsThrottledError(`throttled ${attempt} times: ${(error as Error).message}`);
          await sleep(backOff.firstDelayMs * 2 ** (attempt - 1));
        }
      }
    },
  };
}
