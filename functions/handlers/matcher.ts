// Scheduled job "matcher": wired in lib/constructs/jobs.ts and bin/local.ts; its logic arrives with its issue.
import { logger } from '#adapters/logger.js';

export const handler = async (): Promise<{ done: false; reason: string }> => {
  logger.info('not yet', { job: 'matcher' });
  return { done: false, reason: 'not yet implemented' };
};
