// The caller's network address, for per-client limits. Deployed, the pages reach the API through
// CloudFront, which appends the address it saw to X-Forwarded-For (API Gateway's sourceIp is CloudFront's
// own): the last entry is the one a client cannot choose when it comes that way.
import type { HttpEvent } from './middleware.js';

export function clientAddress(event: HttpEvent): string {
  const forwarded = String(event.headers?.['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded.at(-1) ?? event.requestContext.http?.sourceIp ?? 'unknown';
}
