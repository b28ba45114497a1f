// Outbox → SMS through Alibaba Cloud SMS (China profile: the AWS China regions have no SNS SMS).
import { aliyunSmsProvider } from '#adapters/aliyun-sms-provider.js';
import { outboxStreamHandler } from '#adapters/outbox-stream-handler.js';
import { aliyunSmsConfigFromEnv } from '#config/sms-provider.js';

export const handler = outboxStreamHandler(aliyunSmsProvider(aliyunSmsConfigFromEnv()));
