// Who calls a public route, if anyone signed in. API Gateway runs no authorizer on public routes, so a
// staff token sent there (a coordinator registering someone at the office) is checked here with AWS's
// own verifier: against the user pool (global profile) or any OIDC issuer's keys (China profile), for
// the pages' client; locally the dev token's claims are already in the event.
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import type { JwksCache } from 'aws-jwt-verify/jwk';
import { ENV, optionalEnv, requireEnv } from '#config/env.js';
import { UnauthorizedError } from '#domain/errors.js';
import type { HttpEvent } from './middleware.js';
import { principalFromClaims, type Principal } from './principal.js';

type Verifier = { verify(token: string): Promise<Record<string, unknown>> };

/** undefined: not built yet; null: no issuer here (locally, dev tokens arrive as claims instead). */
let verifier: Verifier | undefined | null;

/**
 * The ID-token verifier the environment describes, or null when it names no issuer. `jwksCache`: tests
 * fetch a loopback issuer's keys over plain HTTP (the library's own fetcher speaks HTTPS only).
 */
export function idTokenVerifierFromEnv(options: { jwksCache?: JwksCache } = {}): Verifier | null {
  const clientId = optionalEnv(ENV.signInClientId);
  const userPoolId = optionalEnv(ENV.userPoolId);
  const issuer = optionalEnv(ENV.oidcIssuer);
  if (!clientId) return null;
  if (userPoolId) return CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'id' }) as Verifier;
  // An OIDC ID token has no token_use; its audience is the client it was issued to.
  if (issuer) {
    const props = { issuer, audience: clientId, jwksUri: requireEnv(ENV.oidcJwksUri) };
    return (options.jwksCache ? JwtRsaVerifier.create(props, { jwksCache: options.jwksCache }) : JwtRsaVerifier.create(props)) as Verifier;
  }
  return null;
}

function idTokenVerifier(): Verifier | undefined {
  if (verifier === undefined) verifier = idTokenVerifierFromEnv();
  return verifier ?? undefined;
}

/** Tests: a verifier with its keys in hand (no fetch of the pool's keys), or another one. */
export function useIdTokenVerifier(custom: Verifier): void {
  verifier = custom;
}

/** undefined: nobody signed in (or an anonymous caller's stray header where no issuer is configured). */
export async function optionalPrincipal(event: HttpEvent): Promise<Principal | undefined> {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (claims) return principalFromClaims(claims);
  const token = /^Bearer\s+(\S+)$/i.exec(String(event.headers?.authorization ?? ''))?.[1];
  const check = token && idTokenVerifier();
  if (!check) return undefined;
  const payload = await check.verify(token).catch(() => {
    throw new UnauthorizedError('登录已失效，请重新登录');
  });
  return principalFromClaims(payload as Parameters<typeof principalFromClaims>[0]);
}
