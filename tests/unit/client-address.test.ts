// Which address a per-client limit counts: X-Forwarded-For only when CloudFront vouches for it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HttpEvent } from '../../functions/http/middleware.js';

const event = (headers: Record<string, string>) => ({ headers, requestContext: { http: { sourceIp: '198.51.100.9' } } }) as unknown as HttpEvent;

async function clientAddressWith(secret: string | undefined) {
  vi.resetModules();
  if (secret === undefined) vi.stubEnv('ORIGIN_VERIFY', '');
  else vi.stubEnv('ORIGIN_VERIFY', secret);
  return (await import('../../functions/http/client-address.js')).clientAddress;
}

afterEach(() => vi.unstubAllEnvs());

describe('the client address of a request', () => {
  it('is the address CloudFront saw, when CloudFront forwarded it', async () => {
    const clientAddress = await clientAddressWith('stack-uuid');
    expect(clientAddress(event({ 'x-forwarded-for': '203.0.113.7, 70.132.1.1', 'x-origin-verify': 'stack-uuid' }))).toBe('70.132.1.1');
  });

  it('is the connection’s own address for a caller who went straight to the API, whatever X-Forwarded-For says', async () => {
    const clientAddress = await clientAddressWith('stack-uuid');
    expect(clientAddress(event({ 'x-forwarded-for': '203.0.113.7' }))).toBe('198.51.100.9');
    expect(clientAddress(event({ 'x-forwarded-for': '203.0.113.7', 'x-origin-verify': 'a guess' }))).toBe('198.51.100.9');
  });

  it('trusts the local runner’s X-Forwarded-For where no secret is set', async () => {
    const clientAddress = await clientAddressWith(undefined);
    expect(clientAddress(event({ 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
  });
});
