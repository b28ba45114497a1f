// Which SMS provider the notifier sends through, read once from the environment. The China profile's
// provider sends approved templates only: every template needs its code, checked at cold start so a
// missing one fails the deployment's first invocation, not a labourer's SMS.
import { TEMPLATE_NAMES } from '#domain/sms/templates.js';
import { ENV, optionalEnv, requireEnv } from './env.js';

export type SmsProviderConfig =
  | { kind: 'sns'; senderId?: string; originationNumber?: string }
  | { kind: 'aliyun'; signName: string; templateCodes: Record<string, string>; secretArn: string }
  | { kind: 'local' };

/** Template name → code from JSON; throws naming every template without a code. */
export function parseTemplateCodes(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('SMS template codes must be a JSON object');
  const codes = parsed as Record<string, unknown>;
  const missing = TEMPLATE_NAMES.filter((name) => typeof codes[name] !== 'string' || codes[name] === '');
  if (missing.length > 0) throw new Error(`SMS template codes missing for: ${missing.join(', ')}`);
  const unknown = Object.keys(codes).filter((name) => !(TEMPLATE_NAMES as string[]).includes(name));
  if (unknown.length > 0) throw new Error(`SMS template codes for unknown templates: ${unknown.join(', ')}`);
  return codes as Record<string, string>;
}

export function smsProviderConfigFromEnv(): SmsProviderConfig {
  if (optionalEnv(ENV.smsSink) === 'local') return { kind: 'local' };
  const provider = optionalEnv(ENV.smsProvider) ?? 'sns';
  if (provider === 'sns') {
    return { kind: 'sns', senderId: optionalEnv(ENV.smsSenderId), originationNumber: optionalEnv(ENV.smsOriginationNumber) };
  }
  if (provider === 'aliyun') {
    return {
      kind: 'aliyun',
      signName: requireEnv(ENV.smsSignName),
      templateCodes: parseTemplateCodes(requireEnv(ENV.smsTemplateCodes)),
      secretArn: requireEnv(ENV.smsProviderSecretArn),
    };
  }
  throw new Error(`${ENV.smsProvider} must be sns or aliyun, not ${provider}`);
}
