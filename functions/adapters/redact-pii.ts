// PII never reaches a log line: mainland mobiles and resident ID numbers are masked wherever they
// appear in a logged value (messages, attributes, error messages and stacks).
import { LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';

const ID_NUMBER = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)/g;
const MOBILE = /(?<!\d)(\+?86)?(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function redactText(text: string): string {
  return text.replace(ID_NUMBER, '$1********$2').replace(MOBILE, (_m, cc: string | undefined, head: string, tail: string) => `${cc ?? ''}${head}****${tail}`);
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, depth + 1)]));
}

/** Powertools' standard keys, with every value passed through redaction. */
export class RedactingLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const base = {
      level: attributes.logLevel,
      message: redactText(String(attributes.message ?? '')),
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      cold_start: attributes.lambdaContext?.coldStart,
      function_name: attributes.lambdaContext?.functionName,
      function_request_id: attributes.lambdaContext?.awsRequestId,
      xray_trace_id: attributes.xRayTraceId,
    };
    return new LogItem({ attributes: base }).addAttributes(redactValue(additional) as LogAttributes);
  }

  override formatError(error: Error): LogAttributes {
    return redactValue(super.formatError(error)) as LogAttributes;
  }
}
