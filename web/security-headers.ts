// The pages' security headers, defined once: CloudFront sends them deployed (lib/constructs/web.ts), the
// local runner locally (bin/local/static-pages.ts). The content security policy lists what the pages
// load; change it with them (check a build: `npx vite build --outDir /tmp/pages`).

export interface PagePolicyOptions {
  /**
   * The hosted sign-in (https://<prefix>.auth.<region>.amazoncognito.com): the pages fetch tokens from
   * its /oauth2/token. Reaching its sign-in and sign-out pages is navigation, which CSP leaves alone.
   */
  readonly signInOrigin?: string;
}

/** Our own origin only: the pages, their assets and the API (same origin, through CloudFront). */
export function contentSecurityPolicy(options: PagePolicyOptions = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // ECharts' tooltip and the employer page's progress bars write style attributes. ECharts draws on a
    // canvas and needs no eval.
    "style-src 'self' 'unsafe-inline'",
    // The favicon and the icons in styles.css are data: URIs.
    "img-src 'self' data:",
    `connect-src 'self'${options.signInOrigin ? ` ${options.signInOrigin}` : ''}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** No Referer: page addresses can carry a dev token (?token=) or a sign-in code (?code=). */
export const REFERRER_POLICY = 'no-referrer';
export const FRAME_OPTIONS = 'DENY';
/** Two years; HTTPS only, so the local runner (plain HTTP, where browsers ignore it) does not send it. */
export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 3600;

/** Every page response's headers, HSTS aside (see above). */
export function pageSecurityHeaders(options: PagePolicyOptions = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'referrer-policy': REFERRER_POLICY,
    'x-frame-options': FRAME_OPTIONS,
  };
}
