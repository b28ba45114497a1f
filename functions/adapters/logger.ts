// One structured logger per process. PII (ID numbers, phones) is never passed to it.
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'chunfeng' });
