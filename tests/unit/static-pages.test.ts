// The local runner's pages carry the security headers CloudFront sends deployed (web/security-headers.ts),
// whether a page is built or not, and on a missing asset too.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePage } from '../../bin/local/static-pages.js';
import { contentSecurityPolicy } from '../../web/security-headers.js';
import { closeServer, listenOnLoopback } from '../helpers/loopback.js';

const SIGN_IN = 'http://127.0.0.1:9';
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    void servePage(req, res, { signInOrigin: SIGN_IN }).then((served) => served || res.writeHead(418).end());
  });
  base = await listenOnLoopback(server);
});
afterAll(() => closeServer(server));

describe('local pages', () => {
  it.each(['/employer', '/assets/missing.js'])('answer %s with the deployed security headers', async (path) => {
    const res = await fetch(base + path);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ signInOrigin: SIGN_IN }));
    expect(res.headers.get('content-security-policy')).toContain(`connect-src 'self' ${SIGN_IN}`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
