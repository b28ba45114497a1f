// Who calls a trip's day-of routes (roll call, departure, arrival, manifest): staff, or the trip's escort.
// Deployed, these routes carry no gateway authorizer (an escort's stored one-day token is no JWT), so a
// staff ID token is verified here as on the public routes (optional-principal.ts); locally, dev tokens
// (dev:escort:<tripId> too) arrive as claims.
import { UnauthorizedError } from '#domain/errors.js';
import type { Deps } from '#services/deps.js';
import { ESCORT_TOKEN_PREFIX, tripOfEscortToken } from '#services/escort-token.js';
import type { HttpEvent } from './middleware.js';
import { optionalPrincipal } from './optional-principal.js';
import type { Principal } from './principal.js';

export async function escortOrStaffPrincipal(deps: Deps, event: HttpEvent): Promise<Principal> {
  const token = /^Bearer\s+(\S+)$/i.exec(String(event.headers?.authorization ?? ''))?.[1];
  if (!event.requestContext.authorizer?.jwt?.claims && token?.startsWith(ESCORT_TOKEN_PREFIX)) {
    const tripId = await tripOfEscortToken(deps, token);
    if (!tripId) throw new UnauthorizedError('带队令牌无效或已过期，请向县人社局重新领取');
    return { role: 'escort', tripId };
  }
  const principal = await optionalPrincipal(event);
  if (!principal) throw new UnauthorizedError('需要登录（缺少或无效的令牌）');
  return principal;
}
