import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysWithSwaps, keepWholeBuses, type Window } from '../../../functions/domain/transport/keep-whole-buses.js';

const buses = fc.array(
  fc.record({ release: fc.integer({ min: 0, max: 6 }), length: fc.integer({ min: 0, max: 3 }), load: fc.integer({ min: 1, max: 9 }) }).map(
    ({ release, length, load }): Window => ({ release, deadline: release + length, load }),
  ),
  { maxLength: 10 },
);

/** Days inside each window, at most `cap` a day. */
function valid(windows: readonly Window[], days: readonly (number | undefined)[], cap: number): boolean {
  const perDay = new Map<number, number>();
  return days.every((d, i) => {
    if (d === undefined) return true;
    perDay.set(d, (perDay.get(d) ?? 0) + 1);
    return d >= windows[i]!.release && d <= windows[i]!.deadline && perDay.get(d)! <= cap;
  });
}

/** The heaviest load of any subset that fits, by trying every subset (Hall's condition on spans). */
function heaviestByBruteForce(windows: readonly Window[], cap: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << windows.length; mask++) {
    const chosen = windows.filter((_, i) => mask & (1 << i));
    const fits = chosen.every((outer) =>
      chosen.every((inner) => {
        const [a, b] = [outer.release, inner.deadline];
        return a > b || chosen.filter((w) => w.release >= a && w.deadline <= b).length <= cap * (b - a + 1);
      }),
    );
    if (fits) best = Math.max(best, chosen.reduce((sum, w) => sum + w.load, 0));
  }
  return best;
}

describe('keepWholeBuses', () => {
  it('keeps the heaviest set of buses the cap allows, each inside its window', () => {
    fc.assert(
      fc.property(buses, fc.integer({ min: 1, max: 2 }), (windows, cap) => {
        // act
        const days = keepWholeBuses(windows, cap);

        // assess
        expect(valid(windows, days, cap)).toBe(true);
        const kept = windows.reduce((sum, w, i) => sum + (days[i] === undefined ? 0 : w.load), 0);
        expect(kept).toBe(heaviestByBruteForce(windows, cap));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every bus, as early as possible, when the cap allows it', () => {
    // prepare
    const windows: Window[] = [
      { release: 0, deadline: 2, load: 5 },
      { release: 0, deadline: 0, load: 1 },
      { release: 1, deadline: 1, load: 3 },
    ];

    // act
    const days = keepWholeBuses(windows, 1);

    // assess
    expect(days).toEqual([2, 0, 1]);
  });
});

describe('daysWithSwaps (the fallback for very wide calendars)', () => {
  it('respects windows and the cap, and keeps at least the heaviest single bus', () => {
    fc.assert(
      fc.property(buses, fc.integer({ min: 1, max: 2 }), (windows, cap) => {
        // act
        const days = daysWithSwaps(windows, cap);

        // assess
        expect(valid(windows, days, cap)).toBe(true);
        const kept = windows.reduce((sum, w, i) => sum + (days[i] === undefined ? 0 : w.load), 0);
        expect(kept).toBeLessThanOrEqual(heaviestByBruteForce(windows, cap));
        expect(kept).toBeGreaterThanOrEqual(Math.max(0, ...windows.map((w) => w.load)));
      }),
      { numRuns: 500 },
    );
  });
});
