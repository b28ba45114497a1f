// Route modules load on their first request (functions/http/lazy-routes.ts), so the api's cold start
// evaluates none of them (issue #21).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lazyRoutes } from '../../functions/http/lazy-routes.js';

describe('lazyRoutes', () => {
  it('loads the module on the first call of one of its routes, once', async () => {
    let loads = 0;
    const { double, triple } = lazyRoutes(async () => {
      loads += 1;
      return { double: async (n: number) => n * 2, triple: async (n: number) => n * 3 };
    });
    expect(loads).toBe(0);
    expect(await Promise.all([double(2), triple(2), double(5)])).toEqual([4, 6, 10]);
    expect(loads).toBe(1);
  });

  it('tries a failed load again on the next call', async () => {
    let loads = 0;
    const { ping } = lazyRoutes(async () => {
      loads += 1;
      if (loads === 1) throw new Error('disk hiccup');
      return { ping: async () => 'pong' };
    });
    await expect(ping()).rejects.toThrow('disk hiccup');
    expect(await ping()).toBe('pong');
  });

  it('is how the router takes every route module: none is imported statically', () => {
    const router = readFileSync('functions/http/router.ts', 'utf8');
    expect(router.match(/^import(?!\s+type\b)[^;]*from\s+'\.\/routes\/[^']+';/gm) ?? []).toEqual([]);
    expect(router).toMatch(/lazyRoutes\(\(\) => import\('\.\/routes\//);
  });
});
