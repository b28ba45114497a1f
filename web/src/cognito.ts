// The hosted sign-in, as the pages speak it: OAuth 2.0 authorization code with PKCE (a public client: no
// secret in a page) at any OpenID Connect provider — the user pool's hosted sign-in (global profile) or
// a province's unified identity platform (China profile) — and the ID token's claims read for role and
// scope. GET /auth/config says where and which claims. Pure functions on URLs, strings and Web Crypto,
// so they run the same in the browser and in the unit tests; auth.ts does the storage and the navigation.

/** Which ID-token claims carry the role (a list or one name), the county and the employer id. */
export interface ClaimNames {
  role: string;
  county: string;
  employerId: string;
}

/** GET /auth/config's `signIn` (functions/http/routes/auth-config.ts). */
export interface SignInConfig {
  clientId: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Ends the provider's session too; without one, signing out forgets the tokens here only. */
  endSessionEndpoint?: string;
  /** Cognito's /logout takes `logout_uri`; OIDC RP-initiated logout `post_logout_redirect_uri`. */
  logoutRedirectParam: 'logout_uri' | 'post_logout_redirect_uri';
  scope: string;
  claims: ClaimNames;
}

/** The user pool's claims: what a kept token is read with when nothing else was said. */
export const COGNITO_CLAIMS: ClaimNames = { role: 'cognito:groups', county: 'custom:county', employerId: 'custom:employerId' };

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

/** `escort`: a bus escort for one day, holding a token the coordinator made for one trip. */
export type Role = 'coordinator' | 'employer' | 'admin' | 'escort';

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
  const url = new URL(config.authorizationEndpoint);
  url.search = new URLSearchParams({
    ...Object.fromEntries(url.searchParams),
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.scope,
    state: pending.state,
    code_challenge: await pkceChallenge(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}

/** The form posted to the token endpoint for a code (with its verifier) or a refresh token. */
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
  return { url: config.tokenEndpoint, body };
}

/** Where signing out ends the provider's session and comes back to the start page; undefined if it cannot. */
export function logoutUrl(config: SignInConfig, origin: string): string | undefined {
  if (!config.endSessionEndpoint) return undefined;
  const url = new URL(config.endSessionEndpoint);
  url.search = new URLSearchParams({ client_id: config.clientId, [config.logoutRedirectParam]: `${origin}/` }).toString();
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
export function roleOfClaims(claims: Record<string, unknown>, now = Date.now(), names: ClaimNames = COGNITO_CLAIMS): { role: Role; scope: string } | undefined {
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  if (exp * 1000 <= now + 60_000) return undefined;
  const raw = claims[names.role];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[\s,]+/).filter(Boolean) : [];
  const county = typeof claims[names.county] === 'string' ? (claims[names.county] as string) : '';
  const employerId = typeof claims[names.employerId] === 'string' ? (claims[names.employerId] as string) : '';
  if (groups.includes('admin')) return { role: 'admin', scope: 'all' };
  if (groups.includes('coordinator') && /^\d{6}$/.test(county)) return { role: 'coordinator', scope: county };
  if (groups.includes('employer') && employerId !== '') return { role: 'employer', scope: employerId };
  return undefined;
}
