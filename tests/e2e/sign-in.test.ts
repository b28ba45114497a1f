// The deployed sign-in, in a real browser: the local system says (GET /auth/config) that pages sign in
// through a hosted sign-in, here a stand-in for the user pool's on loopback that speaks the same OAuth:
// /oauth2/authorize → back with a code → /oauth2/token with the PKCE verifier → an ID token; expired
// ID tokens renewed with the refresh token; /logout and back to the start page. The local API accepts
// dev tokens only: it refuses (401) every ID token, as the deployed API refuses an expired one, so the
// page's calls are checked for carrying the token and for renewing it once when refused.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalSystem, type LocalSystem } from '../../bin/local/system.js';
import { closeServer, listenOnLoopback } from '../helpers/loopback.js';
import { launchChromium, screenshot } from './browser.js';

const CLIENT_ID = 'pages-client';
const CODE = 'code-123';
const WAIT = { timeout: 15_000 };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function idToken(claims: Record<string, unknown>): string {
  return `${b64({ alg: 'RS256', kid: 'test' })}.${b64({ aud: CLIENT_ID, token_use: 'id', sub: 'u-1', ...claims })}.c2lnbmF0dXJl`;
}
const hourFromNow = () => Math.floor(Date.now() / 1000) + 3600;
const COORDINATOR_TOKEN = idToken({ 'cognito:groups': ['coordinator'], 'custom:county': '510822', exp: hourFromNow() });
/** What the pool answers a refresh with: another ID token of the same user. */
const RENEWED_TOKEN = idToken({ 'cognito:groups': ['coordinator'], 'custom:county': '510822', exp: hourFromNow(), renewed: true });

/** The hosted sign-in's side of the conversation, as recorded. */
interface Pool {
  authorize: URLSearchParams[];
  token: URLSearchParams[];
  logout: URLSearchParams[];
}
let pool: Pool;
let fakePool: Server;
let poolUrl = '';

let system: LocalSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

async function startFakePool(): Promise<void> {
  fakePool = createServer((req, res) => {
    const url = new URL(req.url ?? '/', poolUrl);
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' };
      if (url.pathname === '/oauth2/authorize') {
        pool.authorize.push(url.searchParams);
        const back = new URL(url.searchParams.get('redirect_uri')!);
        back.search = new URLSearchParams({ code: CODE, state: url.searchParams.get('state')! }).toString();
        res.writeHead(302, { location: back.href }).end();
      } else if (url.pathname === '/oauth2/token' && req.method === 'POST') {
        const form = new URLSearchParams(body);
        pool.token.push(form);
        const asked = pool.authorize.at(-1);
        const verified =
          form.get('grant_type') === 'refresh_token'
            ? form.get('refresh_token') === 'refresh-1'
            : form.get('code') === CODE &&
              form.get('redirect_uri') === asked?.get('redirect_uri') &&
              createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === asked?.get('code_challenge');
        if (!verified || form.get('client_id') !== CLIENT_ID) {
          res.writeHead(400, { 'content-type': 'application/json', ...cors }).end(JSON.stringify({ error: 'invalid_grant' }));
          return;
        }
        const refresh = form.get('grant_type') === 'refresh_token';
        const tokens = { id_token: refresh ? RENEWED_TOKEN : COORDINATOR_TOKEN, access_token: 'access', expires_in: 3600, token_type: 'Bearer', ...(refresh ? {} : { refresh_token: 'refresh-1' }) };
        res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(JSON.stringify(tokens));
      } else if (url.pathname === '/logout') {
        pool.logout.push(url.searchParams);
        res.writeHead(302, { location: url.searchParams.get('logout_uri')! }).end();
      } else {
        res.writeHead(req.method === 'OPTIONS' ? 204 : 404, cors).end();
      }
    });
  });
  poolUrl = await listenOnLoopback(fakePool);
}

/** The page's localStorage (evaluated as text: these tests are type-checked without the DOM library). */
const stored = (key: string) => page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`);
const store = (key: string, value: string) => page.evaluate(`localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)})`);

/** A coordinator's ID token that expired a minute ago, kept with its refresh token (set from a page of the origin). */
async function keepExpiredCoordinator(): Promise<void> {
  await page.goto(`${system.url}/phone`);
  await store('chunfeng.token.coordinator', idToken({ 'cognito:groups': ['coordinator'], 'custom:county': '510822', exp: Math.floor(Date.now() / 1000) - 60 }));
  await store('chunfeng.refresh.coordinator', 'refresh-1');
}

describe('hosted sign-in', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    await startFakePool();
    system = await startLocalSystem({ port: 0, schedules: false, printSms: false, signIn: { domain: poolUrl, clientId: CLIENT_ID } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await closeServer(fakePool);
  });

  beforeEach(async () => {
    pool = { authorize: [], token: [], logout: [] };
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  });

  afterEach(async () => {
    await context.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('signs a coordinator in through the hosted page: code flow with PKCE, back on the dashboard', async () => {
    const authorizations: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/stats') authorizations.push(request.headers().authorization ?? '');
    });

    await page.goto(`${system.url}/coordinator`);
    await page.getByTestId('hosted-sign-in').waitFor(WAIT);
    expect(await page.locator('#token').isVisible()).toBe(false); // no dev tokens where a pool signs in
    await screenshot(page, 'sign-in-hosted');
    await page.getByTestId('hosted-sign-in').click();
    await expect.poll(() => page.getByTestId('session').textContent().catch(() => ''), WAIT).toContain('510822');

    const [asked] = pool.authorize;
    expect(Object.fromEntries(asked!)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${system.url}/coordinator`,
      scope: 'openid email profile',
      state: expect.stringMatching(/^[\w-]{20,}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(pool.token[0]?.get('grant_type')).toBe('authorization_code');
    expect(new URL(page.url()).search).toBe(''); // the code and state are gone from the address
    await expect.poll(() => authorizations[0], WAIT).toBe(`Bearer ${COORDINATOR_TOKEN}`);
  });

  it('renews the ID token once when the API refuses it, and calls again with the new one', async () => {
    const authorizations: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/stats') authorizations.push(request.headers().authorization ?? '');
    });
    await page.goto(`${system.url}/coordinator`);
    await page.getByTestId('hosted-sign-in').click();

    // The first /stats goes out with the token from the sign-in, is refused, and goes again renewed.
    await expect.poll(() => authorizations.slice(0, 2), WAIT).toEqual([`Bearer ${COORDINATOR_TOKEN}`, `Bearer ${RENEWED_TOKEN}`]);
    expect(pool.token.slice(1).every((form) => form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'refresh-1')).toBe(true);
    await expect.poll(() => stored('chunfeng.token.coordinator'), WAIT).toBe(RENEWED_TOKEN);
    expect(await stored('chunfeng.refresh.coordinator')).toBe('refresh-1');
  });

  it('renews an expired ID token with the refresh token', async () => {
    await keepExpiredCoordinator();

    await page.goto(`${system.url}/coordinator`);
    await expect.poll(() => page.getByTestId('session').textContent().catch(() => ''), WAIT).toContain('510822');

    expect(pool.authorize).toEqual([]);
    expect([pool.token[0]?.get('grant_type'), pool.token[0]?.get('refresh_token')]).toEqual(['refresh_token', 'refresh-1']);
    expect(await stored('chunfeng.refresh.coordinator')).toBe('refresh-1');
  });

  it('never holds up the registration form for a staff member’s expired token', async () => {
    await keepExpiredCoordinator();

    await page.goto(`${system.url}/`);
    await page.locator('#name').waitFor(WAIT);

    expect(pool.token).toEqual([]);
    expect(await page.getByTestId('signing-in').count()).toBe(0);
  });

  it('says nothing on the registration form about reading the SMS code locally: real SMS go out here', async () => {
    const config = page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/config');
    await page.goto(`${system.url}/`);
    await config;
    await page.getByTestId('send-code').waitFor(WAIT);

    expect(await page.getByTestId('code-local-hint').isHidden()).toBe(true);
  });

  it('signs out at the pool and comes back to the start page', async () => {
    await page.goto(`${system.url}/coordinator`);
    await page.getByTestId('hosted-sign-in').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${system.url}/`, WAIT);

    expect(pool.logout.map((params) => Object.fromEntries(params))).toEqual([{ client_id: CLIENT_ID, logout_uri: `${system.url}/` }]);
    expect([await stored('chunfeng.token.coordinator'), await stored('chunfeng.refresh.coordinator')]).toEqual([null, null]);
  });

  it('refuses a code that comes back with a state it did not send', async () => {
    await page.goto(`${system.url}/coordinator?code=${CODE}&state=forged`);
    await page.getByTestId('hosted-sign-in').waitFor(WAIT);

    expect(pool.token).toEqual([]);
    expect(await page.locator('.toast').first().textContent()).toContain('登录没有完成');
    expect(new URL(page.url()).search).toBe('');
  });
});
