// Amazon SNS keeps an opt-out list of its own: a number that texts STOP (or TD, 退订 …) to the origination
// identity is added, and SNS then drops every SMS to it while Publish still answers with a message id.
// This adapter asks SNS (CheckIfPhoneNumberIsOptedOut, cached per number) and lifts a number
// (OptInPhoneNumber) when its owner sends 订阅 — which SNS allows once in 30 days per number.
import type { SNSClient } from '@aws-sdk/client-sns';

export interface CarrierOptOutList {
  isOptedOut(phone: string): Promise<boolean>;
  /** `limited`: SNS refused, the number was opted in less than 30 days ago. */
  optIn(phone: string): Promise<'opted-in' | 'not-opted-out' | 'limited'>;
}

/** "Not opted out" is kept 5 minutes; "opted out" only 30 seconds, so a 订阅 just made is seen by the next send. */
const CACHE_MS = 5 * 60_000;
const OPTED_OUT_CACHE_MS = 30_000;
const CACHE_MAX = 10_000;

// The SNS SDK is loaded on first use: bundled, this module's code sits in every function that has
// dependencies (carrier-opt-out.ts imports it lazily), and a static import of the SDK would be hoisted
// into each bundle's cold start (issue #21).
const snsSdk = () => import('@aws-sdk/client-sns');

export function snsOptOutList(client?: SNSClient, now: () => number = Date.now): CarrierOptOutList {
  let snsClient: SNSClient | undefined;
  const sdk = async () => {
    const module = await snsSdk();
    return { ...module, sns: (snsClient ??= client ?? new module.SNSClient({})) };
  };
  const cache = new Map<string, { optedOut: boolean; at: number }>();
  const remember = (phone: string, optedOut: boolean) => {
    if (cache.size >= CACHE_MAX) cache.clear(); // a Lambda instance sends to far fewer numbers; keep it bounded
    cache.set(phone, { optedOut, at: now() });
    return optedOut;
  };
  const ask = async (phone: string) => {
    const { sns, CheckIfPhoneNumberIsOptedOutCommand } = await sdk();
    const out = await sns.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber: phone }));
    return remember(phone, out.isOptedOut === true);
  };
  return {
    async isOptedOut(phone) {
      const hit = cache.get(phone);
      if (hit && now() - hit.at < (hit.optedOut ? OPTED_OUT_CACHE_MS : CACHE_MS)) return hit.optedOut;
      return ask(phone);
    },
    async optIn(phone) {
      if (!(await ask(phone))) return 'not-opted-out';
      const { sns, OptInPhoneNumberCommand } = await sdk();
      try {
        await sns.send(new OptInPhoneNumberCommand({ phoneNumber: phone }));
      } catch (error) {
        // SNS answers InvalidParameter ("opted in too recently") within 30 days of the last opt-in.
        if ((error as Error).name === 'InvalidParameterException' || (error as Error).name === 'InvalidParameter') return 'limited';
        throw error;
      }
      remember(phone, false);
      return 'opted-in';
    },
  };
}
