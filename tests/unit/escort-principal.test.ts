// Who may call a bus's day-of routes deployed, where the gateway runs no authorizer on them: a staff ID
// token checked in the Lambda against the pool's keys, or a stored one-day escort token — nobody else.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../functions/domain/errors.js';
import { escortOrStaffPrincipal } from '../../functions/http/escort-principal.js';
import type { HttpEvent } from '../../functions/http/middleware.js';
import { useIdTokenVerifier } from '../../functions/http/optional-principal.js';
import type { Deps } from '../../functions/services/deps.js';

const USER_POOL_ID = 'ap-southeast-1_TestPool1';
const CLIENT_ID = 'webclient123';
const ISSUER = `https://cognito-idp.ap-southeast-1.amazonaws.com/${USER_POOL_ID}`;
const poolKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function idToken(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: ISSUER, aud: CLIENT_ID, token_use: 'id', sub: 'u-1', iat: now, auth_time: now, exp: now + 3600, ...claims };
  const unsigned = `${b64({ alg: 'RS256', kid: 'pool-key', typ: 'JWT' })}.${b64(payload)}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), poolKey.privateKey).toString('base64url')}`;
}
const verifier = CognitoJwtVerifier.create({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, tokenUse: 'id' });
verifier.cacheJwks({ keys: [{ ...poolKey.publicKey.export({ format: 'jwk' }), kid: 'pool-key', alg: 'RS256', use: 'sig' } as never] });
useIdTokenVerifier(verifier as never);

const TRIP = '01J0000000000000000000000Z';
const TOKEN = 'esc_valid-token-for-the-test-000000';
const NOW = new Date('2027-02-27T06:00:00+08:00');

/** A table holding one escort token for TRIP, expiring at `expiresAt` (epoch seconds). */
function deps(expiresAt: number): Deps {
  const stored = { tokenHash: createHash('sha256').update(TOKEN).digest('hex'), tripId: TRIP, expiresAt };
  const get = (key: { tokenHash: string }) => ({ go: async () => ({ data: key.tokenHash === stored.tokenHash ? stored : null }) });
  return { db: { entities: { escortToken: { get } } }, clock: { now: () => NOW } } as unknown as Deps;
}
const event = (authorization?: string) => ({ headers: authorization ? { authorization } : {}, requestContext: { http: {} } }) as unknown as HttpEvent;
const tomorrow = NOW.getTime() / 1000 + 86_400;

describe('the caller of a trip day-of route', () => {
  it('is the escort of the trip their stored token opens, while it lasts', async () => {
    expect(await escortOrStaffPrincipal(deps(tomorrow), event(`Bearer ${TOKEN}`))).toEqual({ role: 'escort', tripId: TRIP });
    await expect(escortOrStaffPrincipal(deps(NOW.getTime() / 1000 - 1), event(`Bearer ${TOKEN}`))).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(escortOrStaffPrincipal(deps(tomorrow), event('Bearer esc_someone-elses-guess'))).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('is staff with an ID token of the pool, and nobody without a token', async () => {
    const token = idToken({ 'cognito:groups': ['coordinator'], 'custom:county': '510822' });
    expect(await escortOrStaffPrincipal(deps(tomorrow), event(`Bearer ${token}`))).toEqual({ role: 'coordinator', county: '510822' });
    await expect(escortOrStaffPrincipal(deps(tomorrow), event())).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(escortOrStaffPrincipal(deps(tomorrow), event('Bearer not-a-jwt'))).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
