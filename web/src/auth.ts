// Who is using a page: the bearer token the API calls carry, and the role and scope it stands for.
//
// Locally (`npm start`), tokens are dev tokens `dev:<role>:<scope>` (role coordinator, employer or admin;
// scope a 6-digit county code, an employer id, or `all`). A page accepts one once as `?token=…`, keeps it
// in localStorage (one slot per role, so the employer and coordinator pages can be open side by side in
// one browser), removes it from the address bar, and sends `Authorization: Bearer <token>`. Only the
// local runner (bin/local/dev-auth.ts) accepts dev tokens.
//
// Deployed, the same slots hold a Cognito ID token instead: the sign-in button sends the browser to the
// user pool's hosted sign-in page (authorization-code flow with PKCE), the page it returns to exchanges the
// code at the pool's /oauth2/token endpoint, and reads role and scope from the token's claims
// (`cognito:groups`, `custom:county`, `custom:employerId`) — the claims the dev tokens are translated into
// locally. The API Gateway JWT authorizer verifies that token; nothing else on the page changes.

export type Role = 'coordinator' | 'employer' | 'admin';

export interface Session {
  token: string;
  role: Role;
  /** County code (coordinator), employer id (employer) or `all` (admin). */
  scope: string;
}

const ROLES: readonly Role[] = ['coordinator', 'employer', 'admin'];
const slot = (role: Role) => `chunfeng.token.${role}`;

/** The role and scope of a dev token, or undefined if it is not one (same shape bin/local/dev-auth.ts accepts). */
export function parseDevToken(token: string): Session | undefined {
  const match = /^dev:([a-z]+):(\S+)$/i.exec(token.trim());
  if (!match) return undefined;
  const role = match[1]!.toLowerCase() as Role;
  if (!ROLES.includes(role)) return undefined;
  return { token: token.trim(), role, scope: match[2]! };
}

/** Keeps a token for its role; undefined (and nothing kept) if it is not a valid token. */
export function signIn(token: string): Session | undefined {
  const session = parseDevToken(token);
  if (session) localStorage.setItem(slot(session.role), session.token);
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

/** The kept session for the first of `roles` that has one. */
export function currentSession(roles: readonly Role[]): Session | undefined {
  for (const role of roles) {
    const token = localStorage.getItem(slot(role));
    const session = token ? parseDevToken(token) : undefined;
    if (session?.role === role) return session;
  }
  return undefined;
}

export function signOut(session: Session): void {
  localStorage.removeItem(slot(session.role));
}

export function authorization(session: Session | undefined): Record<string, string> {
  return session ? { authorization: `Bearer ${session.token}` } : {};
}
