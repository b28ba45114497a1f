// Outbox → SMS through Amazon SNS (global profile), or the local sink under `npm start`.
// The China profile deploys notifier-aliyun instead.
import { localSmsSink } from '#adapters/local-sms-sink.js';
import { outboxStreamHandler } from '#adapters/outbox-stream-handler.js';
import { snsSmsSender } from '#adapters/sns-sms-sender.js';
import { ENV, optionalEnv } from '#config/env.js';

export const handler = outboxStreamHandler(
  optionalEnv(ENV.smsSink) === 'local'
    ? localSmsSink
    : snsSmsSender({ senderId: optionalEnv(ENV.smsSenderId), originationNumber: optionalEnv(ENV.smsOriginationNumber) }),
);
