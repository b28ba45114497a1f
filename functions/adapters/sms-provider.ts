// The SmsSender a deployment's configuration names: SNS (global), Alibaba Cloud SMS (China), the local sink.
import type { SmsProviderConfig } from '#config/sms-provider.js';
import { aliyunSmsClient, aliyunSmsSender } from './aliyun-sms-sender.js';
import { localSmsSink } from './local-sms-sink.js';
import { providerSecret } from './provider-secret.js';
import type { SmsSender } from './sms-sender.js';
import { snsSmsSender } from './sns-sms-sender.js';

export function smsProvider(config: SmsProviderConfig): SmsSender {
  switch (config.kind) {
    case 'local':
      return localSmsSink;
    case 'sns':
      return snsSmsSender({ senderId: config.senderId, originationNumber: config.originationNumber });
    case 'aliyun': {
      // The credentials are fetched on the first send, not at import: a cold start stays synchronous.
      const secret = providerSecret(config.secretArn);
      let client: Promise<ReturnType<typeof aliyunSmsClient>> | undefined;
      return aliyunSmsSender(config, () => (client ??= secret().then(aliyunSmsClient).catch((e: unknown) => ((client = undefined), Promise.reject(e)))));
    }
  }
}
