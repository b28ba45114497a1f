// A token bucket: at most `ratePerSecond` sends a second on average, with bursts of at most `burst`.
// The notifier holds one per origination identity (SNS allows 20–100 messages a second on one); with the
// notifier's reserved concurrency of 1 (lib/constructs/sms.ts) one bucket is the whole deployment's rate.
export interface TokenBucket {
  /** Waits until a token is free and takes it. */
  take(): Promise<void>;
}

export interface TokenBucketOptions {
  ratePerSecond: number;
  /** Tokens that may be spent at once after a pause; default one second's worth. */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function tokenBucket(options: TokenBucketOptions): TokenBucket {
  const { ratePerSecond } = options;
  const burst = options.burst ?? ratePerSecond;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  let tokens = burst;
  let refilledAt = now();
  // Takers queue up, so concurrent callers cannot both spend the last token.
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const at = now();
    tokens = Math.min(burst, tokens + ((at - refilledAt) * ratePerSecond) / 1000);
    refilledAt = at;
  };

  const takeOne = async () => {
    refill();
    while (tokens < 1) {
      await sleep(Math.ceil(((1 - tokens) * 1000) / ratePerSecond));
      refill();
    }
    tokens -= 1;
  };

  return {
    take() {
      const next = queue.then(takeOne);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
