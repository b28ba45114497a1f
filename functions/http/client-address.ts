// The caller's network address, for per-client limits. Deployed, the pages reach the API through
// CloudFront, which appends the address it saw to X-Forwarded-For (API Gateway's sourceIp is CloudFront's
// own) and adds a header only it and the API know. A request without that header came some other way —
// straight to the API's own address, where X-Forwarded-For is whatever the caller wrote — and is keyed on
// the address API Gateway saw. Locally (no secret) the runner is the only way in.
import { ENV, optionalEnv } from '#config/env.js';
import type { HttpEvent } from './middleware.js';

export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

const originVerify = optionalEnv(ENV.originVerify);

export function clientAddress(event: HttpEvent): string {
  const sourceIp = event.requestContext.http?.sourceIp ?? 'unknown';
  if (originVerify !== undefined && event.headers?.[ORIGIN_VERIFY_HEADER] !== originVerify) return sourceIp;
  const forwarded = String(event.headers?.['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded.at(-1) ?? sourceIp;
}
