import { describe, expect, it } from 'vitest';
import { countInWindow, takeFromLimit } from '../../functions/services/rate-limit.js';
import { freshDeps } from '../helpers/local-table.js';

describe('rate limits kept in the table', () => {
  it('counts up to the limit, then refuses with the seconds left in the window, and opens the next window', async () => {
    let now = new Date('2026-03-01T10:00:10Z');
    const deps = await freshDeps({ clock: { now: () => now } });
    const limit = { name: 'test', max: 3, windowSeconds: 60 };

    const taken = [];
    for (let i = 0; i < 4; i++) taken.push(await takeFromLimit(deps, limit, 'a'));
    const other = await takeFromLimit(deps, limit, 'b');
    now = new Date('2026-03-01T10:01:00Z');
    const nextWindow = await takeFromLimit(deps, limit, 'a');

    expect(taken.map((t) => t.ok)).toEqual([true, true, true, false]);
    expect(taken[3]).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(other).toEqual({ ok: true, count: 1 });
    expect(nextWindow).toEqual({ ok: true, count: 1 });
    expect(await countInWindow(deps, limit, 'a')).toBe(1);
  });

  it("aligns a day's window to a UTC offset: China's day runs from 16:00 UTC to 16:00 UTC", async () => {
    let now = new Date('2026-03-01T15:00:00Z'); // 23:00 in China
    const deps = await freshDeps({ clock: { now: () => now } });
    const day = { name: 'day', max: 1, windowSeconds: 86_400, utcOffsetSeconds: 8 * 3600 };

    const first = await takeFromLimit(deps, day, 'a');
    const refused = await takeFromLimit(deps, day, 'a');
    now = new Date('2026-03-01T16:00:00Z'); // midnight in China
    const nextDay = await takeFromLimit(deps, day, 'a');

    expect(first.ok).toBe(true);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 3600 });
    expect(nextDay).toEqual({ ok: true, count: 1 });
  });

  it('never lets concurrent takers past the limit', async () => {
    const deps = await freshDeps();
    const limit = { name: 'race', max: 5, windowSeconds: 3600 };
    const results = await Promise.all(Array.from({ length: 20 }, () => takeFromLimit(deps, limit, 'x')));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
  });
});
