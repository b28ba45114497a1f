// The pages' side of the hosted sign-in (web/src/cognito.ts): PKCE, the URLs, and role and scope read
// from ID-token claims the way the API's principal.ts reads them.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizeUrl, callbackUrl, COGNITO_CLAIMS, jwtClaims, logoutUrl, pkceChallenge, randomToken, roleOfClaims, tokenRequest, type SignInConfig } from '../../web/src/cognito.js';

const NOW = Date.UTC(2027, 1, 1);

/** What GET /auth/config answers for a user pool (its endpoints follow from its domain). */
const POOL = 'https://chunfeng-1.auth.ap-southeast-1.amazoncognito.com';
const COGNITO: SignInConfig = {
  clientId: 'c1',
  authorizationEndpoint: `${POOL}/oauth2/authorize`,
  tokenEndpoint: `${POOL}/oauth2/token`,
  endSessionEndpoint: `${POOL}/logout`,
  logoutRedirectParam: 'logout_uri',
  scope: 'openid email profile',
  claims: COGNITO_CLAIMS,
};
/** …and for a province's OIDC platform (Keycloak-shaped endpoints, its own claim names). */
const IDP = 'https://sso.sc.gov.cn/realms/rs';
const OIDC: SignInConfig = {
  clientId: 'chunfeng-pages',
  authorizationEndpoint: `${IDP}/protocol/openid-connect/auth`,
  tokenEndpoint: `${IDP}/protocol/openid-connect/token`,
  endSessionEndpoint: `${IDP}/protocol/openid-connect/logout`,
  logoutRedirectParam: 'post_logout_redirect_uri',
  scope: 'openid profile roles',
  claims: { role: 'roles', county: 'county_code', employerId: 'org_id' },
};
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
    const config = COGNITO;
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

describe('sign-in at any OIDC provider', () => {
  const pending = { state: 's', verifier: 'v', redirectUri: 'https://jobs.qingchuan.gov.cn/coordinator' };

  it('sends the browser to the provider’s own authorization endpoint with PKCE and its scopes', async () => {
    const url = new URL(await authorizeUrl(OIDC, pending));
    expect(url.origin + url.pathname).toBe(OIDC.authorizationEndpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code', client_id: 'chunfeng-pages', redirect_uri: pending.redirectUri, scope: 'openid profile roles',
      state: 's', code_challenge: await pkceChallenge('v'), code_challenge_method: 'S256',
    });
  });

  it('exchanges the code at its token endpoint and signs out with post_logout_redirect_uri', () => {
    expect(tokenRequest(OIDC, { code: 'k', pending }).url).toBe(OIDC.tokenEndpoint);
    expect(logoutUrl(OIDC, 'https://jobs.qingchuan.gov.cn')).toBe(
      `${IDP}/protocol/openid-connect/logout?client_id=chunfeng-pages&post_logout_redirect_uri=https%3A%2F%2Fjobs.qingchuan.gov.cn%2F`,
    );
    expect(logoutUrl(COGNITO, 'https://d1.cloudfront.net')).toBe(`${POOL}/logout?client_id=c1&logout_uri=https%3A%2F%2Fd1.cloudfront.net%2F`);
    expect(logoutUrl({ ...OIDC, endSessionEndpoint: undefined }, 'https://x')).toBeUndefined();
  });

  it('reads role and scope from the claims the deployment names, a role list or one role', () => {
    const who = (claims: Record<string, unknown>) => roleOfClaims({ exp: inAnHour, ...claims }, NOW, OIDC.claims);
    expect(who({ roles: ['coordinator'], county_code: '510822' })).toEqual({ role: 'coordinator', scope: '510822' });
    expect(who({ roles: 'employer', org_id: 'huzhou-build' })).toEqual({ role: 'employer', scope: 'huzhou-build' });
    expect(who({ 'cognito:groups': ['admin'] })).toBeUndefined();
  });
});
