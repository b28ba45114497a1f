// Amazon SNS's SMS delivery-status logs, as a CloudWatch Logs subscription hands them to a Lambda:
// `{awslogs: {data}}`, the data gzip-compressed and base64-encoded, holding `{logEvents: [{message}]}`;
// each message is SNS's JSON for one SMS: `notification.messageId` (what Publish answered),
// `delivery.destination` (the phone), `delivery.providerResponse` (the carrier's words), `status`.
import { gunzipSync } from 'node:zlib';

export interface SnsDeliveryStatus {
  /** The message id SNS answered the publish with (our outbox's providerMessageId). */
  providerMessageId: string;
  phone: string;
  delivered: boolean;
  reason?: string;
  /** When SNS logged it (ISO). */
  at?: string;
}

interface SubscriptionPayload {
  messageType?: string;
  logEvents?: { message?: string; timestamp?: number }[];
}

interface DeliveryLog {
  notification?: { messageId?: string; timestamp?: string };
  delivery?: { destination?: string; providerResponse?: string };
  status?: string;
}

/** The statuses in one subscription event; lines that are not SNS delivery logs are skipped. */
export function parseSnsDeliveryLogs(event: { awslogs?: { data?: string } }): SnsDeliveryStatus[] {
  const data = event.awslogs?.data;
  if (!data) return [];
  const payload = JSON.parse(gunzipSync(Buffer.from(data, 'base64')).toString('utf8')) as SubscriptionPayload;
  // CloudWatch Logs checks a new subscription with a CONTROL_MESSAGE: nothing to record.
  if (payload.messageType === 'CONTROL_MESSAGE') return [];
  const out: SnsDeliveryStatus[] = [];
  for (const line of payload.logEvents ?? []) {
    let log: DeliveryLog;
    try {
      log = JSON.parse(line.message ?? '') as DeliveryLog;
    } catch {
      continue;
    }
    const providerMessageId = log.notification?.messageId;
    const phone = log.delivery?.destination;
    if (!providerMessageId || !phone || (log.status !== 'SUCCESS' && log.status !== 'FAILURE')) continue;
    const delivered = log.status === 'SUCCESS';
    out.push({
      providerMessageId,
      phone,
      delivered,
      ...(delivered ? {} : { reason: log.delivery?.providerResponse ?? 'FAILURE' }),
      ...(line.timestamp ? { at: new Date(line.timestamp).toISOString() } : {}),
    });
  }
  return out;
}
