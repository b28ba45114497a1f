// Who calls a public route, if anyone signed in. API Gateway runs no authorizer on public routes, so a
// staff token sent there (a coordinator registering someone at the office) is checked here, against the
// user pool, with AWS's own verifier; locally the dev token's claims are already in the event.
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { ENV, optionalEnv } from '#config/env.js';
import { UnauthorizedError } from '#domain/errors.js';
import type { HttpEvent } from './middleware.js';
import { principalFromClaims, type Principal } from './principal.js';

type Verifier = { verify(token: string): Promise<Record<string, unknown>> };

/** undefined: not built yet; null: no user pool here (locally, dev tokens arrive as claims instead). */
let verifier: Verifier | undefined | null;

function idTokenVerifier(): Verifier | undefined {
  if (verifier === undefined) {
    const userPoolId = optionalEnv(ENV.userPoolId);
    const clientId = optionalEnv(ENV.signInClientId);
    verifier = userPoolId && clientId ? (CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'id' }) as Verifier) : null;
  }
  return verifier ?? undefined;
}

/** Tests: a verifier with its keys in hand (no fetch of the pool's keys). */
export function useIdTokenVerifier(custom: Verifier): void {
  verifier = custom;
}

/** undefined: nobody signed in (or an anonymous caller's stray header where no user pool is configured). */
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
