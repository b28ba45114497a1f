import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '../../functions/domain/errors.js';
import { assertCountyAccess, principalFromClaims, requireRole } from '../../functions/http/principal.js';
import { claimsFromDevToken } from '../../bin/local/dev-auth.js';

describe('principal from JWT claims', () => {
  it('reads Cognito groups as API Gateway flattens them, and the custom attributes', () => {
    expect(principalFromClaims({ 'cognito:groups': '[coordinator]', 'custom:county': '510822' })).toEqual({
      role: 'coordinator',
      county: '510822',
    });
    expect(principalFromClaims({ 'cognito:groups': ['employer'], 'custom:employerId': 'emp-7' })).toEqual({
      role: 'employer',
      employerId: 'emp-7',
    });
    expect(principalFromClaims({ 'cognito:groups': '[admin]' })).toEqual({ role: 'admin' });
  });

  it('refuses missing claims with 401 and a role without its scope with 403', () => {
    expect(() => principalFromClaims(undefined)).toThrow(UnauthorizedError);
    expect(() => principalFromClaims({ 'cognito:groups': '[coordinator]' })).toThrow(ForbiddenError);
    expect(() => principalFromClaims({ 'cognito:groups': '[coordinator]', 'custom:county': '51' })).toThrow(ForbiddenError);
  });

  it('refuses an employer id that is absurdly long or not a short code (it becomes part of keys)', () => {
    const employer = (employerId: string) => () => principalFromClaims({ 'cognito:groups': '[employer]', 'custom:employerId': employerId });
    expect(employer('huzhou-build.2')).not.toThrow();
    for (const bad of ['e'.repeat(65), 'a b', 'a\u0000b', '湖州建工', '-lead', 'a/b', 'a#b']) expect(employer(bad)).toThrow(ForbiddenError);
    expect(employer('e'.repeat(5_000))).toThrow(ForbiddenError);
  });

  it('produces the same principal from a local dev token', () => {
    expect(principalFromClaims(claimsFromDevToken('Bearer dev:coordinator:510822'))).toEqual({ role: 'coordinator', county: '510822' });
    expect(principalFromClaims(claimsFromDevToken('Bearer dev:admin:all'))).toEqual({ role: 'admin' });
    expect(claimsFromDevToken('Bearer dev:root:all')).toBeUndefined();
    expect(claimsFromDevToken('Bearer eyJhbGciOi')).toBeUndefined();
  });
});

describe('scope', () => {
  it('lets a coordinator act on their own county only, and admin everywhere', () => {
    expect(() => assertCountyAccess({ role: 'coordinator', county: '510822' }, '510822')).not.toThrow();
    expect(() => assertCountyAccess({ role: 'coordinator', county: '510822' }, '330502')).toThrow(ForbiddenError);
    expect(() => assertCountyAccess({ role: 'employer', employerId: 'e' }, '510822')).toThrow(ForbiddenError);
    expect(() => assertCountyAccess({ role: 'admin' }, '330502')).not.toThrow();
  });

  it('checks roles', () => {
    expect(() => requireRole({ role: 'employer', employerId: 'e' }, 'coordinator', 'admin')).toThrow(ForbiddenError);
    expect(requireRole({ role: 'admin' }, 'coordinator', 'admin')).toEqual({ role: 'admin' });
  });
});
