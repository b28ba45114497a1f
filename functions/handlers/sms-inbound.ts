// SQS (fed by the inbound two-way SMS topic) → conversation service. The SMS grammar arrives with its issue;
// until then every message is acknowledged and logged without its content.
import type { SQSEvent, SQSBatchResponse } from 'aws-lambda';
import { logger } from '#adapters/logger.js';

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  logger.info('not yet', { job: 'sms-inbound', messages: event.Records.length });
  return { batchItemFailures: [] };
};
