// One structured logger per process. Phones and ID numbers are masked by its formatter, whatever is logged.
import { Logger } from '@aws-lambda-powertools/logger';
import { RedactingLogFormatter } from './redact-pii.js';

export const logger = new Logger({ serviceName: 'chunfeng', logFormatter: new RedactingLogFormatter() });
