// Sign-in without Cognito, in a real browser: the local system says (GET /auth/config) that the pages
// sign in at an OIDC provider — here a loopback stand-in shaped like a province's Keycloak-based 统一身份认证
// platform, with its own endpoint paths, scope and claim names. Authorization code with PKCE, the
// coordinator's county read from `county_code`, and sign-out with post_logout_redirect_uri.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalSystem, type LocalSystem } from '../../bin/local/system.js';
import { closeServer, listenOnLoopback } from '../helpers/loopback.js';
import { launchChromium, screenshot } from './browser.js';

const CLIENT_ID = 'chunfeng-pages';
const CODE = 'oidc-code-1';
const WAIT = { timeout: 15_000 };
const REALM = '/realms/sc/protocol/openid-connect';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ID_TOKEN = `${b64({ alg: 'RS256', kid: 'k1' })}.${b64({
  aud: CLIENT_ID, sub: 'u-9', roles: ['coordinator'], county_code: '510822', exp: Math.floor(Date.now() / 1000) + 3600,
})}.c2lnbmF0dXJl`;

let provider: Server;
let providerUrl = '';
let seen: { authorize: URLSearchParams[]; token: URLSearchParams[]; logout: URLSearchParams[] };
let system: LocalSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

async function startProvider(): Promise<void> {
  provider = createServer((req, res) => {
    const url = new URL(req.url ?? '/', providerUrl);
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' };
      if (url.pathname === `${REALM}/auth`) {
        seen.authorize.push(url.searchParams);
        const back = new URL(url.searchParams.get('redirect_uri')!);
        back.search = new URLSearchParams({ code: CODE, state: url.searchParams.get('state')!, session_state: 'x' }).toString();
        res.writeHead(302, { location: back.href }).end();
      } else if (url.pathname === `${REALM}/token` && req.method === 'POST') {
        const form = new URLSearchParams(body);
        seen.token.push(form);
        const asked = seen.authorize.at(-1);
        const verified =
          form.get('code') === CODE &&
          form.get('client_id') === CLIENT_ID &&
          form.get('redirect_uri') === asked?.get('redirect_uri') &&
          createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === asked?.get('code_challenge');
        if (!verified) {
          res.writeHead(400, { 'content-type': 'application/json', ...cors }).end(JSON.stringify({ error: 'invalid_grant' }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(
          JSON.stringify({ id_token: ID_TOKEN, access_token: 'a', refresh_token: 'r-1', token_type: 'Bearer', expires_in: 300 }),
        );
      } else if (url.pathname === `${REALM}/logout`) {
        seen.logout.push(url.searchParams);
        res.writeHead(302, { location: url.searchParams.get('post_logout_redirect_uri')! }).end();
      } else {
        res.writeHead(req.method === 'OPTIONS' ? 204 : 404, cors).end();
      }
    });
  });
  providerUrl = await listenOnLoopback(provider);
}

describe('sign-in at any OIDC provider', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    await startProvider();
    system = await startLocalSystem({
      port: 0,
      schedules: false,
      printSms: false,
      signIn: {
        clientId: CLIENT_ID,
        oidc: {
          authorizationEndpoint: `${providerUrl}${REALM}/auth`,
          tokenEndpoint: `${providerUrl}${REALM}/token`,
          endSessionEndpoint: `${providerUrl}${REALM}/logout`,
          scope: 'openid profile roles',
          claims: { role: 'roles', county: 'county_code', employerId: 'org_id' },
        },
      },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await closeServer(provider);
  });

  beforeEach(async () => {
    seen = { authorize: [], token: [], logout: [] };
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  });

  afterEach(async () => {
    await context.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('signs a coordinator in with code and PKCE at the provider, reading role and county from its claims', async () => {
    await page.goto(`${system.url}/coordinator`);
    await page.getByTestId('hosted-sign-in').click();
    await expect.poll(() => page.getByTestId('session').textContent().catch(() => ''), WAIT).toContain('510822');
    await screenshot(page, 'sign-in-oidc');

    expect(Object.fromEntries(seen.authorize[0]!)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${system.url}/coordinator`,
      scope: 'openid profile roles',
      state: expect.stringMatching(/^[\w-]{20,}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(seen.token[0]?.get('grant_type')).toBe('authorization_code');
    expect(new URL(page.url()).search).toBe('');
  });

  it('signs out at the provider and comes back to the start page', async () => {
    await page.goto(`${system.url}/coordinator`);
    await page.getByTestId('hosted-sign-in').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${system.url}/`, WAIT);

    expect(seen.logout.map((params) => Object.fromEntries(params))).toEqual([{ client_id: CLIENT_ID, post_logout_redirect_uri: `${system.url}/` }]);
  });
});
