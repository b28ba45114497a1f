// SNS SMS delivery statuses (global profile): SNS logs each SMS's fate to CloudWatch Logs
// (sns/<region>/<account>/DirectPublishToPhoneNumber and …/Failure); a subscription filter hands the
// log events here, and each becomes a receipt on its outbox message — `delivered`, or `failed` with the
// carrier's reason (lib/constructs/sms.ts sets it up). A receipt that came before the notifier recorded
// the send throws, so CloudWatch Logs delivers the batch again (the asynchronous invoke retries).
import { logger } from '#adapters/logger.js';
import { systemClock } from '#adapters/clock.js';
import { parseSnsDeliveryLogs } from '#adapters/sns-delivery-logs.js';
import { recordSnsStatuses } from '#services/sns-receipts.js';
import { dbFromEnv } from '#store/db.js';

const deps = { db: dbFromEnv(), clock: systemClock };

export const handler = async (event: { awslogs?: { data?: string } }): Promise<{ recorded: number; unknown: number }> => {
  const statuses = parseSnsDeliveryLogs(event);
  const { recorded, unknown, early } = await recordSnsStatuses(deps, statuses);
  logger.info('sms receipts', { statuses: statuses.length, recorded, unknown, early });
  if (early > 0) throw new Error(`${early} receipts came before their send was recorded; retried`);
  return { recorded, unknown };
};
