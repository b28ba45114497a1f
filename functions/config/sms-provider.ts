// The China profile's SMS provider settings, read once from the environment. Alibaba Cloud sends
// approved templates only: every template needs its code, checked at synth (lib/profile.ts) and again
// at cold start, so a missing one never surfaces as a labourer's lost SMS.
import { TEMPLATE_NAMES } from '#domain/sms/templates.js';
import { ENV, requireEnv } from './env.js';

export interface AliyunSmsConfig {
  signName: string;
  templateCodes: Record<string, string>;
  secretId: string;
}

/**
 * Template name → code, from JSON text (the environment, the command line) or an object (cdk.json);
 * throws naming every template without a code, and any name that is not a template.
 */
export function parseTemplateCodes(value: unknown): Record<string, string> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('SMS template codes must be a JSON object');
  const codes = parsed as Record<string, unknown>;
  const missing = TEMPLATE_NAMES.filter((name) => typeof codes[name] !== 'string' || codes[name] === '');
  if (missing.length > 0) throw new Error(`SMS template codes missing for: ${missing.join(', ')}`);
  const unknown = Object.keys(codes).filter((name) => !(TEMPLATE_NAMES as string[]).includes(name));
  if (unknown.length > 0) throw new Error(`SMS template codes for unknown templates: ${unknown.join(', ')}`);
  return codes as Record<string, string>;
}

export function aliyunSmsConfigFromEnv(): AliyunSmsConfig {
  return {
    signName: requireEnv(ENV.smsSignName),
    templateCodes: parseTemplateCodes(requireEnv(ENV.smsTemplateCodes)),
    secretId: requireEnv(ENV.smsProviderSecretId),
  };
}
