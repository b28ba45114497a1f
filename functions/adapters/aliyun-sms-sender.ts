// Alibaba Cloud SMS (dysmsapi SendSms) through its kept SDK: an approved signature and template code, the
// template's variables as JSON, our outbox id as OutId so the delivery receipt (状态报告) finds the
// message again. Mainland numbers only (the only ones we send to), given without +86.
// Refusals that retrying cannot fix are permanent; throttling, per-number flow control and the
// provider's own errors throw, so the stream retries the record with backoff.
import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { PermanentSmsError, type SmsSender } from './sms-sender.js';

// Node hands a CommonJS module's exports object over as the default import (the class is its
// `default`); loaders that honour `__esModule` (vitest) hand over the class itself.
const Client = ('default' in Dysmsapi ? Dysmsapi.default : Dysmsapi) as typeof Dysmsapi.default;
type AliyunClient = InstanceType<typeof Client>;
/** The SDK types its options as a model class; it reads a plain object's fields the same way. */
type ClientConfig = ConstructorParameters<typeof Client>[0];

export interface AliyunSmsOptions {
  /** The approved signature without its brackets: 春风行动 is shown as 【春风行动】. */
  signName: string;
  /** Template name → approved template code. */
  templateCodes: Record<string, string>;
}

/** Public SMS endpoint (the service is run from mainland China whatever the region). */
export const ALIYUN_SMS_ENDPOINT = 'dysmsapi.aliyuncs.com';

export function aliyunSmsClient(credentials: { accessKeyId: string; accessKeySecret: string }, endpoint = ALIYUN_SMS_ENDPOINT): AliyunClient {
  // A loopback stand-in speaks plain HTTP; the provider itself is always reached over TLS.
  const protocol = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(endpoint) ? 'http' : 'https';
  return new Client({ ...credentials, endpoint, protocol, readTimeout: 10_000, connectTimeout: 5_000 } as ClientConfig);
}

/**
 * Codes of refusals the same request would meet again: a number that does not exist or is blocked, a
 * template, signature or variable the provider does not accept (a configuration fault an operator must
 * fix; the message is logged as failed with the code).
 */
const PERMANENT = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.BLACK_KEY_CONTROL_LIMIT',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.SMS_SIGN_ILLEGAL',
  'isv.PARAM_LENGTH_LIMIT',
  'isv.PARAM_NOT_SUPPORT_URL',
  'isv.INVALID_PARAMETERS',
  'isv.INVALID_JSON_PARAM',
]);

export function aliyunSmsSender(options: AliyunSmsOptions, client: () => Promise<AliyunClient>): SmsSender {
  return {
    async send(sms) {
      const templateCode = sms.template && options.templateCodes[sms.template];
      if (!templateCode || !sms.vars) throw new PermanentSmsError(`no approved template for ${sms.template ?? 'a message without a template'}`);
      const request = new SendSmsRequest({
        phoneNumbers: sms.to.replace(/^\+86/, ''),
        signName: options.signName,
        templateCode,
        templateParam: JSON.stringify(sms.vars),
        outId: sms.messageId,
      });
      const out = await (await client()).sendSms(request).catch((error: unknown) => {
        const code = (error as { code?: string }).code ?? '';
        if (PERMANENT.has(code)) throw new PermanentSmsError(`${code}: ${(error as Error).message}`);
        throw error;
      });
      const { code, message, bizId } = out.body ?? {};
      if (code === 'OK' && bizId) return { providerMessageId: bizId };
      if (code && PERMANENT.has(code)) throw new PermanentSmsError(`${code}: ${message ?? ''}`);
      // isv.BUSINESS_LIMIT_CONTROL (the number's rate), isv.DAY_LIMIT_CONTROL, isv.AMOUNT_NOT_ENOUGH,
      // isp.SYSTEM_ERROR, Throttling…: later may succeed.
      throw new Error(`Alibaba Cloud SMS refused for now: ${code ?? 'no code'} ${message ?? ''}`);
    },
  };
}
