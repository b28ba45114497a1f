// The pages' side of the hosted sign-in (web/src/cognito.ts): PKCE, the URLs, and role and scope read
// from ID-token claims the way the API's principal.ts reads them.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callbackUrl, jwtClaims, pkceChallenge, randomToken, roleOfClaims, tokenRequest } from '../../web/src/cognito.js';

const NOW = Date.UTC(2027, 1, 1);
const inAnHour = NOW / 1000 + 3600;

describe('hosted sign-in helpers', () => {
  it('derives the S256 challenge from the verifier', async () => {
    const verifier = randomToken(32);
    expect(verifier).toMatch(/^[\w-]{43}$/);
    expect(await pkceChallenge(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
  });

  it('uses the page itself, without query or trailing slash, as the callback', () => {
    expect(callbackUrl('https://d1.cloudfront.net/coordinator/?code=1&state=2')).toBe('https://d1.cloudfront.net/coordinator');
    expect(callbackUrl('http://localhost:3000/employer#x')).toBe('http://localhost:3000/employer');
    expect(callbackUrl('https://d1.cloudfront.net/coordinator/index.html')).toBe('https://d1.cloudfront.net/coordinator');
  });

  it('posts the code with its verifier, or the refresh token, to the token endpoint', () => {
    const config = { domain: 'https://chunfeng-1.auth.ap-southeast-1.amazoncognito.com', clientId: 'c1' };
    const pending = { state: 's', verifier: 'v', redirectUri: 'https://d1.cloudfront.net/coordinator' };
    const code = tokenRequest(config, { code: 'k', pending });
    expect(code.url).toBe('https://chunfeng-1.auth.ap-southeast-1.amazoncognito.com/oauth2/token');
    expect(Object.fromEntries(code.body)).toEqual({
      grant_type: 'authorization_code', client_id: 'c1', code: 'k', redirect_uri: pending.redirectUri, code_verifier: 'v',
    });
    expect(Object.fromEntries(tokenRequest(config, { refreshToken: 'r' }).body)).toEqual({ grant_type: 'refresh_token', client_id: 'c1', refresh_token: 'r' });
  });

  it('reads the claims of a JWT (Chinese names included) and nothing from other strings', () => {
    const payload = Buffer.from(JSON.stringify({ name: '王立学', exp: 1 })).toString('base64url');
    expect(jwtClaims(`e30.${payload}.sig`)).toEqual({ name: '王立学', exp: 1 });
    expect(jwtClaims('dev:coordinator:510822')).toBeUndefined();
    expect(jwtClaims('a.!!!.c')).toBeUndefined();
  });

  it('gives role and scope as the API does: admin first, a coordinator needs a county, an employer an id', () => {
    const who = (claims: Record<string, unknown>) => roleOfClaims({ exp: inAnHour, ...claims }, NOW);
    expect(who({ 'cognito:groups': ['coordinator', 'admin'], 'custom:county': '510822' })).toEqual({ role: 'admin', scope: 'all' });
    expect(who({ 'cognito:groups': ['coordinator'], 'custom:county': '510822' })).toEqual({ role: 'coordinator', scope: '510822' });
    expect(who({ 'cognito:groups': ['coordinator'], 'custom:county': '5108' })).toBeUndefined();
    expect(who({ 'cognito:groups': ['employer'], 'custom:employerId': 'huzhou-build' })).toEqual({ role: 'employer', scope: 'huzhou-build' });
    expect(who({ 'cognito:groups': ['employer'] })).toBeUndefined();
    expect(who({})).toBeUndefined();
  });

  it('treats a token that expires within a minute as expired', () => {
    const claims = { 'cognito:groups': ['admin'] };
    expect(roleOfClaims({ ...claims, exp: NOW / 1000 + 30 }, NOW)).toBeUndefined();
    expect(roleOfClaims({ ...claims, exp: NOW / 1000 + 120 }, NOW)).toEqual({ role: 'admin', scope: 'all' });
  });
});
