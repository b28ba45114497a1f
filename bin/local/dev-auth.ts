// Dev tokens `dev:<role>:<scope>` exist only here, in the local runner: they become the same JWT claims
// the Cognito authorizer would put in the event, so the handlers never know the difference.
export type DevClaims = Record<string, string>;

const ROLES = new Set(['coordinator', 'employer', 'admin']);

export function claimsFromDevToken(authorization: string | undefined): DevClaims | undefined {
  const match = /^Bearer\s+dev:([a-z]+):(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match) return undefined;
  const role = match[1]!.toLowerCase();
  const scope = match[2]!;
  if (!ROLES.has(role)) return undefined;
  const claims: DevClaims = { sub: `dev-${role}-${scope}`, 'cognito:groups': `[${role}]` };
  if (role === 'coordinator') claims['custom:county'] = scope;
  if (role === 'employer') claims['custom:employerId'] = scope;
  return claims;
}
