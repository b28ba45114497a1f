// GET /auth/config (public): how the pages sign in — authorization code with PKCE at the deployment's
// provider, described once here so the pages need not know which: the user pool's hosted sign-in
// (global profile: its endpoints follow from its domain) or any OIDC provider's endpoints (China
// profile), the pages' client id (public by nature) and the claims carrying role and scope. Under
// `npm start`, null: the pages take dev tokens.
import { ENV, optionalEnv } from '#config/env.js';
import { claimNamesFromEnv, type ClaimNames } from '../claim-names.js';
import { jsonResponse } from '../error-response.js';
import type { HttpResult } from '../middleware.js';

export interface SignInAnswer {
  clientId: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Where signing out ends the provider's session too, if it offers that. */
  endSessionEndpoint?: string;
  /** The parameter naming the page to come back to after signing out: Cognito's own, or OIDC's. */
  logoutRedirectParam: 'logout_uri' | 'post_logout_redirect_uri';
  scope: string;
  claims: ClaimNames;
}

const DEFAULT_SCOPE = 'openid email profile';

export function signInFromEnv(): SignInAnswer | null {
  const clientId = optionalEnv(ENV.signInClientId);
  if (!clientId) return null;
  const claims = claimNamesFromEnv();
  const scope = optionalEnv(ENV.oidcScopes) ?? DEFAULT_SCOPE;
  const domain = optionalEnv(ENV.signInDomain);
  if (domain) {
    const at = (path: string) => new URL(path, domain).href;
    return { clientId, authorizationEndpoint: at('/oauth2/authorize'), tokenEndpoint: at('/oauth2/token'), endSessionEndpoint: at('/logout'), logoutRedirectParam: 'logout_uri', scope, claims };
  }
  const authorizationEndpoint = optionalEnv(ENV.oidcAuthorizationEndpoint);
  const tokenEndpoint = optionalEnv(ENV.oidcTokenEndpoint);
  if (!authorizationEndpoint || !tokenEndpoint) return null;
  const endSessionEndpoint = optionalEnv(ENV.oidcEndSessionEndpoint);
  return { clientId, authorizationEndpoint, tokenEndpoint, ...(endSessionEndpoint ? { endSessionEndpoint } : {}), logoutRedirectParam: 'post_logout_redirect_uri', scope, claims };
}

export async function getAuthConfig(): Promise<HttpResult> {
  return jsonResponse(200, { signIn: signInFromEnv() }, { 'cache-control': 'max-age=300' });
}
