// Who is calling: JWT claims (Cognito or any OIDC provider deployed; dev tokens translated by bin/local.ts)
// → one principal type. Scope is checked here and only here.
import { ForbiddenError, UnauthorizedError, ValidationError } from '#domain/errors.js';
import { ID_PATTERN } from '#adapters/ids.js';
import { claimNamesFromEnv, type ClaimNames } from './claim-names.js';

export type Principal =
  | { role: 'coordinator'; county: string }
  | { role: 'employer'; employerId: string }
  | { role: 'admin' }
  // A bus escort for the day (issue #18): that trip's roll call, departure and arrival only.
  | { role: 'escort'; tripId: string };

export type Role = Principal['role'];

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/** An employer id is a short code (letters, digits, `.`, `_`, `-`): it becomes part of keys, which are bounded. */
const EMPLOYER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const CLAIMS = claimNamesFromEnv();

/** The trip a local dev escort token (`dev:escort:<tripId>`) opens. */
export const ESCORT_TRIP_CLAIM = 'custom:tripId';

/**
 * Roles are a list claim (Cognito's `cognito:groups`; API Gateway flattens an array to "[a b]") or one
 * name; county and employer id are string claims (Cognito's `custom:*`). `names` says which claims.
 */
export function principalFromClaims(claims: Claims | undefined, names: ClaimNames = CLAIMS): Principal {
  if (!claims) throw new UnauthorizedError('需要登录（缺少或无效的令牌）');
  const rawGroups = claims[names.role];
  const groups = Array.isArray(rawGroups)
    ? rawGroups
    : String(rawGroups ?? '')
        .replace(/^\[|\]$/g, '')
        .split(/[\s,]+/)
        .filter(Boolean);
  const rawCounty = claims[names.county];
  const rawEmployerId = claims[names.employerId];
  const county = typeof rawCounty === 'string' ? rawCounty : undefined;
  const employerId = typeof rawEmployerId === 'string' ? rawEmployerId : undefined;
  if (groups.includes('admin')) return { role: 'admin' };
  if (groups.includes('coordinator') && county && /^\d{6}$/.test(county)) return { role: 'coordinator', county };
  if (groups.includes('employer') && employerId && EMPLOYER_ID.test(employerId)) return { role: 'employer', employerId };
  // Only local dev tokens carry this; deployed, an escort holds a stored one-day token (http/escort-principal.ts).
  const rawTripId = claims[ESCORT_TRIP_CLAIM];
  if (groups.includes('escort') && typeof rawTripId === 'string' && ID_PATTERN.test(rawTripId)) return { role: 'escort', tripId: rawTripId };
  throw new ForbiddenError('令牌没有可用的角色或范围');
}

export function requireRole<R extends Role>(principal: Principal, ...roles: R[]): Extract<Principal, { role: R }> {
  if (!(roles as Role[]).includes(principal.role)) {
    throw new ForbiddenError(`此操作需要角色：${roles.join(' / ')}`);
  }
  return principal as Extract<Principal, { role: R }>;
}

/** A coordinator acts on their own county only; admin everywhere; nobody else on county data. */
export function assertCountyAccess(principal: Principal, county: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'coordinator' && principal.county === county) return;
  throw new ForbiddenError('无权访问该县的数据');
}

/**
 * The county a request is about: the one asked for, or the coordinator's own; admin must name one.
 * Checked against the caller's scope before it is returned.
 */
export function resolveCounty(principal: Principal, requested: string | undefined): string {
  const county = requested ?? (principal.role === 'coordinator' ? principal.county : undefined);
  if (!county) throw new ValidationError('查询条件有误', [{ path: 'county', message: '请指定县级行政区划代码（county）' }]);
  assertCountyAccess(principal, county);
  return county;
}

/** Who did it, as the audit trail and `registeredBy` name them: `coordinator:510822`, `employer:<id>`, `admin`. */
export function actorOf(principal: Principal): string {
  if (principal.role === 'coordinator') return `coordinator:${principal.county}`;
  if (principal.role === 'employer') return `employer:${principal.employerId}`;
  if (principal.role === 'escort') return `escort:${principal.tripId}`;
  return 'admin';
}
