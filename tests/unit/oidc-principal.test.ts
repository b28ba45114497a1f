// Sign-in without Cognito, server side: an ID token from any OIDC issuer (here a loopback stand-in that
// publishes its keys at its own jwks_uri, as a province's 统一身份认证 platform would) is verified by
// the public routes, and role and scope come from the claims the deployment names.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/http/middleware.js';
import { closeServer, listenOnLoopback } from '../helpers/loopback.js';

const CLIENT_ID = 'chunfeng-pages';
const issuerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
let server: Server;
let issuer = '';
let jwksFetches = 0;

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function idToken(claims: Record<string, unknown>, key: KeyObject = issuerKey.privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: issuer, aud: CLIENT_ID, sub: 'u-1', iat: now, exp: now + 3600, ...claims };
  const unsigned = `${b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${b64(payload)}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
}
const event = (token: string) =>
  ({ headers: { authorization: `Bearer ${token}` }, requestContext: { http: { sourceIp: '203.0.113.9' } } }) as unknown as HttpEvent;

let optionalPrincipal: (event: HttpEvent) => Promise<unknown>;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/realms/sc/protocol/openid-connect/certs') {
      jwksFetches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [{ ...issuerKey.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] }));
    } else res.writeHead(404).end();
  });
  const base = await listenOnLoopback(server);
  issuer = `${base}/realms/sc`;
  // What the China profile's stack sets (context oidcIssuer, oidcJwksUri, oidcClientId and the claim names).
  Object.assign(process.env, {
    OIDC_ISSUER: issuer,
    OIDC_JWKS_URI: `${issuer}/protocol/openid-connect/certs`,
    SIGN_IN_CLIENT_ID: CLIENT_ID,
    ROLE_CLAIM: 'roles',
    COUNTY_CLAIM: 'county_code',
    EMPLOYER_CLAIM: 'org_id',
  });
  delete process.env.USER_POOL_ID;
  const module = await import('../../functions/http/optional-principal.js');
  // The verifier the environment describes, its keys fetched over plain HTTP from the stand-in.
  const fetcher = { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() };
  module.useIdTokenVerifier(module.idTokenVerifierFromEnv({ jwksCache: new SimpleJwksCache({ fetcher }) })!);
  optionalPrincipal = module.optionalPrincipal;
});
afterAll(() => closeServer(server));

describe('a staff ID token from any OIDC issuer', () => {
  it('is verified against the issuer’s published keys and read through the configured claims', async () => {
    expect(await optionalPrincipal(event(idToken({ roles: ['coordinator'], county_code: '510822' })))).toEqual({ role: 'coordinator', county: '510822' });
    expect(await optionalPrincipal(event(idToken({ roles: 'employer', org_id: 'huzhou-build' })))).toEqual({ role: 'employer', employerId: 'huzhou-build' });
    expect(jwksFetches).toBe(1);
  });

  it('gives nothing for Cognito’s claim names when the deployment names others', async () => {
    await expect(optionalPrincipal(event(idToken({ 'cognito:groups': ['admin'] })))).rejects.toThrow('令牌没有可用的角色或范围');
  });

  it.each([
    ['signed by another key', () => idToken({ roles: ['admin'] }, strangerKey.privateKey)],
    ['from another issuer', () => idToken({ roles: ['admin'], iss: 'https://idp.example.cn/realms/other' })],
    ['for another client', () => idToken({ roles: ['admin'], aud: 'someone-else' })],
    ['expired', () => idToken({ roles: ['admin'], exp: Math.floor(Date.now() / 1000) - 60 })],
  ])('is refused when %s', async (_what, token) => {
    await expect(optionalPrincipal(event(token()))).rejects.toThrow('登录已失效');
  });
});
