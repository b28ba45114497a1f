// A staff ID token sent to a public route (assisted registration) is checked in the Lambda against the
// user pool's keys, since API Gateway runs no authorizer there. Tokens are made here, signed with a key
// whose JWKS the verifier is handed, shaped as Cognito issues them.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../functions/domain/errors.js';
import { optionalPrincipal, useIdTokenVerifier } from '../../functions/http/optional-principal.js';
import type { HttpEvent } from '../../functions/http/middleware.js';

const USER_POOL_ID = 'ap-southeast-1_TestPool1';
const CLIENT_ID = 'webclient123';
const ISSUER = `https://cognito-idp.ap-southeast-1.amazonaws.com/${USER_POOL_ID}`;

const poolKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function idToken(claims: Record<string, unknown>, key: KeyObject = poolKey.privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: ISSUER, aud: CLIENT_ID, token_use: 'id', sub: 'u-1', iat: now, auth_time: now, exp: now + 3600, ...claims };
  const unsigned = `${b64({ alg: 'RS256', kid: 'pool-key', typ: 'JWT' })}.${b64(payload)}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
}

const verifier = CognitoJwtVerifier.create({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, tokenUse: 'id' });
verifier.cacheJwks({ keys: [{ ...poolKey.publicKey.export({ format: 'jwk' }), kid: 'pool-key', alg: 'RS256', use: 'sig' } as never] });
useIdTokenVerifier(verifier as never);

const event = (authorization?: string, claims?: Record<string, string>) =>
  ({
    headers: authorization ? { authorization } : {},
    requestContext: { http: { sourceIp: '203.0.113.9' }, ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}) },
  }) as unknown as HttpEvent;

const coordinatorClaims = { 'cognito:groups': ['coordinator'], 'custom:county': '510822' };

describe('the caller of a public route', () => {
  it('is nobody without a token', async () => {
    expect(await optionalPrincipal(event())).toBeUndefined();
  });

  it('is the coordinator of a token the user pool signed', async () => {
    expect(await optionalPrincipal(event(`Bearer ${idToken(coordinatorClaims)}`))).toEqual({ role: 'coordinator', county: '510822' });
  });

  it('is the claims the authorizer already checked, when there are some (local dev tokens)', async () => {
    const claims = { sub: 'dev', 'cognito:groups': '[admin]' };
    expect(await optionalPrincipal(event(undefined, claims))).toEqual({ role: 'admin' });
  });

  it.each([
    ['signed by another key', () => idToken(coordinatorClaims, strangerKey.privateKey)],
    ['expired', () => idToken({ ...coordinatorClaims, exp: Math.floor(Date.now() / 1000) - 60 })],
    ['for another app client', () => idToken({ ...coordinatorClaims, aud: 'someone-else' })],
    ['an access token', () => idToken({ ...coordinatorClaims, token_use: 'access' })],
    ['not a JWT', () => 'dev:coordinator:510822'],
  ])('refuses a token %s with 401', async (_what, token) => {
    await expect(optionalPrincipal(event(`Bearer ${token()}`))).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
