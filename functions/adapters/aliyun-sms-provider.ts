// Alibaba Cloud SMS as the China profile's notifier sends through it: the credentials are fetched from
// Secrets Manager on the first send, not at import, so a cold start stays synchronous; a failed fetch
// is tried again by the next send.
import type { AliyunSmsConfig } from '#config/sms-provider.js';
import { aliyunSmsClient, aliyunSmsSender } from './aliyun-sms-sender.js';
import { providerSecret } from './provider-secret.js';
import type { SmsSender } from './sms-sender.js';

export function aliyunSmsProvider(config: AliyunSmsConfig): SmsSender {
  const secret = providerSecret(config.secretId);
  let client: ReturnType<typeof aliyunSmsClient> | undefined;
  return aliyunSmsSender(config, async () => (client ??= aliyunSmsClient(await secret())));
}
