// The provider's own opt-out list, for the configured provider: SNS has one (built on first use, so
// importing this costs no SDK client); the local sink and providers other than SNS have none we can lift.
import type { CarrierOptOutList } from './sns-opt-out-list.js';

export function carrierOptOutFromEnv(env: NodeJS.ProcessEnv = process.env): CarrierOptOutList | undefined {
  if (env.SMS_SINK === 'local' || (env.SMS_PROVIDER ?? 'sns') !== 'sns') return undefined;
  let list: Promise<CarrierOptOutList> | undefined;
  const get = () => (list ??= import('./sns-opt-out-list.js').then((m) => m.snsOptOutList()));
  return { isOptedOut: async (phone) => (await get()).isOptedOut(phone), optIn: async (phone) => (await get()).optIn(phone) };
}
