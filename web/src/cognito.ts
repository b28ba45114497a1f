// The user pool's hosted sign-in, as the pages speak it: OAuth 2.0 authorization code with PKCE (a
// public client: no secret in a page), the ID token's claims read for role and scope. Pure functions on
// URLs, strings and Web Crypto, so they run the same in the browser and in the unit tests; auth.ts does
// the storage and the navigation.

export interface SignInConfig {
  /** https://<prefix>.auth.<region>.amazoncognito.com */
  domain: string;
  clientId: string;
}

/** What a sign-in keeps between leaving for the hosted page and coming back. */
export interface PendingSignIn {
  state: string;
  verifier: string;
  redirectUri: string;
}

export interface Tokens {
  id_token: string;
  refresh_token?: string;
}

export type Role = 'coordinator' | 'employer' | 'admin';

const SCOPES = 'openid email profile';

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random URL-safe string of `bytes` random bytes (43 characters for 32: a valid PKCE verifier). */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** PKCE S256: base64url(SHA-256(verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The page's address as its callback, as the app client lists them: no query, no index.html, no trailing slash. */
export function callbackUrl(href: string): string {
  const url = new URL(href);
  return url.origin + url.pathname.replace(/\/index\.html$/, '').replace(/\/+$/, '');
}

export async function authorizeUrl(config: SignInConfig, pending: PendingSignIn): Promise<string> {
  const url = new URL('/oauth2/authorize', config.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: pending.redirectUri,
    scope: SCOPES,
    state: pending.state,
    code_challenge: await pkceChallenge(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}

/** The form posted to /oauth2/token for a code (with its verifier) or a refresh token. */
export function tokenRequest(config: SignInConfig, grant: { code: string; pending: PendingSignIn } | { refreshToken: string }): { url: string; body: URLSearchParams } {
  const body =
    'code' in grant
      ? new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: config.clientId,
          code: grant.code,
          redirect_uri: grant.pending.redirectUri,
          code_verifier: grant.pending.verifier,
        })
      : new URLSearchParams({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: grant.refreshToken });
  return { url: new URL('/oauth2/token', config.domain).href, body };
}

export function logoutUrl(config: SignInConfig, origin: string): string {
  const url = new URL('/logout', config.domain);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: `${origin}/` }).toString();
  return url.href;
}

export function isJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
}

/**
 * A JWT's claims, unverified: the API Gateway authorizer verifies the signature on every call; the page
 * only reads who it is showing.
 */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  if (!isJwt(token)) return undefined;
  try {
    const payload = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Role and scope from an ID token's claims, as functions/http/principal.ts derives them: admin first,
 * then coordinator with a county, then employer with an employer id. undefined when the token has
 * expired (with a minute's margin) or names no usable role.
 */
export function roleOfClaims(claims: Record<string, unknown>, now = Date.now()): { role: Role; scope: string } | undefined {
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  if (exp * 1000 <= now + 60_000) return undefined;
  const raw = claims['cognito:groups'];
  const groups = Array.isArray(raw) ? raw.map(String) : [];
  const county = typeof claims['custom:county'] === 'string' ? claims['custom:county'] : '';
  const employerId = typeof claims['custom:employerId'] === 'string' ? claims['custom:employerId'] : '';
  if (groups.includes('admin')) return { role: 'admin', scope: 'all' };
  if (groups.includes('coordinator') && /^\d{6}$/.test(county)) return { role: 'coordinator', scope: county };
  if (groups.includes('employer') && employerId !== '') return { role: 'employer', scope: employerId };
  return undefined;
}
