// Who is using a page: the bearer token the API calls carry, and the role and scope it stands for.
//
// Locally (`npm start`), tokens are dev tokens `dev:<role>:<scope>` (role coordinator, employer or admin;
// scope a 6-digit county code, an employer id, or `all`). A page accepts one once as `?token=…`, keeps it
// in localStorage (one slot per role, so the employer and coordinator pages can be open side by side in
// one browser), removes it from the address bar, and sends `Authorization: Bearer <token>`. Only the
// local runner (bin/local/dev-auth.ts) accepts dev tokens.
//
// Deployed (GET /auth/config names a sign-in), the same slots hold an ID token instead: the sign-in
// button sends the browser to the provider's hosted sign-in page — the user pool's, or any OIDC
// provider's (authorization-code flow with PKCE, cognito.ts) — the page it returns to exchanges the code
// at the provider's token endpoint, and reads role and scope from the token's claims (the ones
// /auth/config names: Cognito's `cognito:groups`, `custom:county`, `custom:employerId` by default, the
// claims the dev tokens are translated into locally). An expired ID token is renewed with its refresh
// token. The API Gateway JWT authorizer verifies the token; nothing else on the page changes.
import {
  COGNITO_CLAIMS,
  authorizeUrl,
  callbackUrl,
  isJwt,
  jwtClaims,
  logoutUrl,
  randomToken,
  roleOfClaims,
  tokenRequest,
  type ClaimNames,
  type PendingSignIn,
  type Role,
  type SignInConfig,
  type Tokens,
} from './cognito.js';
import { url as apiUrl } from './api-url.js';

export type { Role, SignInConfig };

export interface Session {
  token: string;
  role: Role;
  /** County code (coordinator), employer id (employer), `all` (admin), or the trip of a local escort token (an `esc_` token's is in the page's address). */
  scope: string;
}

const ROLES: readonly Role[] = ['coordinator', 'employer', 'admin', 'escort'];
const slot = (role: Role) => `chunfeng.token.${role}`;
const refreshSlot = (role: Role) => `chunfeng.refresh.${role}`;
/** The role signed in last: a page open to several roles shows that one first. */
const LAST_ROLE = 'chunfeng.lastRole';
/** sessionStorage: the PendingSignIn of a sign-in under way. */
const PENDING = 'chunfeng.signIn';
/** The claim names of the provider that issued the kept tokens (read synchronously, before /auth/config answers). */
const CLAIMS = 'chunfeng.claims';

function keptClaimNames(): ClaimNames {
  try {
    return { ...COGNITO_CLAIMS, ...(JSON.parse(localStorage.getItem(CLAIMS) ?? '{}') as Partial<ClaimNames>) };
  } catch {
    return COGNITO_CLAIMS;
  }
}

/** The role and scope of a dev token, or undefined if it is not one (same shape bin/local/dev-auth.ts accepts). */
export function parseDevToken(token: string): Session | undefined {
  const match = /^dev:([a-z]+):(\S+)$/i.exec(token.trim());
  if (!match) return undefined;
  const role = match[1]!.toLowerCase() as Role;
  if (!ROLES.includes(role)) return undefined;
  return { token: token.trim(), role, scope: match[2]! };
}

/** A bus escort's one-day token (`esc_…`, made by the coordinator for one trip; the trip is in the page's address). */
export function parseEscortToken(token: string): Session | undefined {
  return /^esc_[A-Za-z0-9_-]{16,96}$/.test(token.trim()) ? { token: token.trim(), role: 'escort', scope: '' } : undefined;
}

/** A kept token's session: a dev token, an escort's token, or an unexpired ID token with a role. */
export function parseToken(token: string): Session | undefined {
  const dev = parseDevToken(token) ?? parseEscortToken(token);
  if (dev) return dev;
  const claims = jwtClaims(token);
  const who = claims && roleOfClaims(claims, Date.now(), keptClaimNames());
  return who ? { token, ...who } : undefined;
}

/** Keeps a dev or escort token for its role; undefined (and nothing kept) if it is not a valid token. */
export function signIn(token: string): Session | undefined {
  const session = parseDevToken(token) ?? parseEscortToken(token);
  if (session) {
    localStorage.setItem(slot(session.role), session.token);
    localStorage.setItem(LAST_ROLE, session.role);
  }
  return session;
}

export type UrlToken = { kind: 'none' } | { kind: 'accepted'; session: Session } | { kind: 'invalid' };

/** Takes `?token=` from the address (once): keeps it and removes it from the URL and the history entry. */
export function takeTokenFromUrl(): UrlToken {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return { kind: 'none' };
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  const session = signIn(token);
  return session ? { kind: 'accepted', session } : { kind: 'invalid' };
}

/** The kept session of the role signed in last, if it is one of `roles`; else of the first that has one. */
export function currentSession(roles: readonly Role[]): Session | undefined {
  const last = localStorage.getItem(LAST_ROLE);
  const order = roles.includes(last as Role) ? [last as Role, ...roles.filter((r) => r !== last)] : roles;
  for (const role of order) {
    const token = localStorage.getItem(slot(role));
    const session = token ? parseToken(token) : undefined;
    if (session?.role === role) return session;
  }
  return undefined;
}

/** Forgets the session; a signed-in one also ends at the provider when it can (the browser goes there and back to `/`). */
export async function signOut(session: Session): Promise<void> {
  localStorage.removeItem(slot(session.role));
  localStorage.removeItem(refreshSlot(session.role));
  const config = isJwt(session.token) ? await signInConfig() : null;
  const logout = config ? logoutUrl(config, window.location.origin) : undefined;
  if (logout) window.location.assign(logout);
  else if (config) window.location.assign('/');
  else window.location.reload();
}

// ——— the provider's hosted sign-in ———

let config: Promise<SignInConfig | null> | undefined;

/**
 * GET /auth/config: the deployment's hosted sign-in, or null where the pages take dev tokens. An answer
 * is kept for the page's life; a failure (the network, a 5xx) is not, and counts as no sign-in.
 */
export function signInConfig(): Promise<SignInConfig | null> {
  config ??= fetch(apiUrl('/auth/config'), { headers: { accept: 'application/json' } })
    .then(async (res) => {
      if (!res.ok) throw new Error(`GET /auth/config answered ${res.status}`);
      return ((await res.json()) as { signIn?: SignInConfig | null }).signIn ?? null;
    })
    .catch(() => {
      config = undefined;
      return null;
    });
  return config;
}

/** Leaves for the hosted sign-in page, which sends the browser back to this page with a code. */
export async function beginSignIn(config: SignInConfig): Promise<void> {
  const pending: PendingSignIn = { state: randomToken(16), verifier: randomToken(32), redirectUri: callbackUrl(window.location.href) };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  window.location.assign(await authorizeUrl(config, pending));
}

async function fetchTokens(config: SignInConfig, grant: Parameters<typeof tokenRequest>[1]): Promise<Tokens> {
  const { url, body } = tokenRequest(config, grant);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
  return (await res.json()) as Tokens;
}

function keep(config: SignInConfig, tokens: Tokens, refreshToken = tokens.refresh_token): Session | undefined {
  localStorage.setItem(CLAIMS, JSON.stringify(config.claims));
  const session = parseToken(tokens.id_token);
  if (!session) return undefined;
  localStorage.setItem(slot(session.role), session.token);
  localStorage.setItem(LAST_ROLE, session.role);
  if (refreshToken) localStorage.setItem(refreshSlot(session.role), refreshToken);
  return session;
}

function pendingSignIn(): PendingSignIn | undefined {
  try {
    return (JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as PendingSignIn | null) ?? undefined;
  } catch {
    return undefined;
  }
}

const renewing = new Map<Role, Promise<Session | undefined>>();

/**
 * The role's ID token renewed with its refresh token, kept; undefined (and the pair forgotten) if that
 * fails. Calls refused together share one renewal.
 */
function renew(role: Role): Promise<Session | undefined> {
  let pending = renewing.get(role);
  if (pending === undefined) {
    pending = renewOnce(role).finally(() => renewing.delete(role));
    renewing.set(role, pending);
  }
  return pending;
}

async function renewOnce(role: Role): Promise<Session | undefined> {
  const refreshToken = localStorage.getItem(refreshSlot(role));
  if (refreshToken === null) return undefined;
  const found = await signInConfig();
  const tokens = found ? await fetchTokens(found, { refreshToken }).catch(() => undefined) : undefined;
  const session = found && tokens ? keep(found, tokens, tokens.refresh_token ?? refreshToken) : undefined;
  if (!session) {
    // A renewal that failed is not tried again on every load: the pair goes, and the user signs in.
    localStorage.removeItem(slot(role));
    localStorage.removeItem(refreshSlot(role));
  }
  return session;
}

/**
 * A page's session whose ID token the API refused (expired while the page stayed open): renewed in
 * place, so the page's later calls carry the new token. false for dev tokens, or when renewal fails.
 */
export async function renewSession(session: Session): Promise<boolean> {
  if (!isJwt(session.token)) return false;
  const renewed = await renew(session.role);
  if (!renewed) return false;
  session.token = renewed.token;
  return true;
}

/**
 * Work a page that serves `roles` must finish before it knows its session: the code of a sign-in it
 * was sent back with (?code=&state=), or an expired ID token of one of its roles to renew. undefined:
 * nothing to do. Otherwise the page waits, then reloads: true when a session was kept, false when the
 * sign-in failed (nothing half-kept remains).
 */
export function resumeSignIn(roles: readonly Role[]): Promise<boolean> | undefined {
  const here = new URL(window.location.href);
  const code = here.searchParams.get('code');
  const state = here.searchParams.get('state');
  if (state !== null && (code !== null || here.searchParams.has('error'))) {
    // OIDC providers may add the session (Keycloak's session_state) and the issuer (RFC 9207 `iss`).
    for (const param of ['code', 'state', 'error', 'error_description', 'error_uri', 'session_state', 'iss']) here.searchParams.delete(param);
    window.history.replaceState(window.history.state, '', here.pathname + here.search + here.hash);
    const pending = pendingSignIn();
    sessionStorage.removeItem(PENDING);
    if (code === null || pending === undefined || pending.state !== state) return Promise.resolve(false);
    return signInConfig()
      .then(async (found) => (found ? { found, tokens: await fetchTokens(found, { code, pending }) } : undefined))
      .then((got) => got !== undefined && keep(got.found, got.tokens) !== undefined)
      .catch(() => false);
  }
  for (const role of roles) {
    const token = localStorage.getItem(slot(role));
    if (token === null || !isJwt(token) || parseToken(token) || localStorage.getItem(refreshSlot(role)) === null) continue;
    return renew(role).then((session) => session !== undefined);
  }
  return undefined;
}

export function authorization(session: Session | undefined): Record<string, string> {
  return session ? { authorization: `Bearer ${session.token}` } : {};
}
