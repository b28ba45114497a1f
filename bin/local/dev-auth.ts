// Dev tokens `dev:<role>:<scope>` exist only here, in the local runner: they become the same JWT claims
// the authorizer would put in the event (Cognito's, or those a local OIDC sign-in names), so the
// handlers never know the difference.
import { claimNamesFromEnv } from '../../functions/http/claim-names.js';
import { ESCORT_TRIP_CLAIM } from '../../functions/http/principal.js';

export type DevClaims = Record<string, string>;

const ROLES = new Set(['coordinator', 'employer', 'admin', 'escort']);

export function claimsFromDevToken(authorization: string | undefined): DevClaims | undefined {
  const match = /^Bearer\s+dev:([a-z]+):(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match) return undefined;
  const role = match[1]!.toLowerCase();
  const scope = match[2]!;
  if (!ROLES.has(role)) return undefined;
  const names = claimNamesFromEnv();
  const claims: DevClaims = { sub: `dev-${role}-${scope}`, [names.role]: `[${role}]` };
  if (role === 'coordinator') claims[names.county] = scope;
  if (role === 'employer') claims[names.employerId] = scope;
  if (role === 'escort') claims[ESCORT_TRIP_CLAIM] = scope;
  return claims;
}
