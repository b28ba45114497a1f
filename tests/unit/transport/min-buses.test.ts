import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeGroup } from '../../../functions/domain/transport/group.js';
import { earliestDeadlineBuses, latestReleaseBuses } from '../../../functions/domain/transport/min-buses.js';

const group = fc
  .array(fc.record({ earliest: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 0, max: 10 }) }), { maxLength: 120 })
  .map((rows) => {
    const sorted = rows.map((r) => ({ e: r.earliest, l: r.earliest + r.length })).sort((a, b) => a.e - b.e || a.l - b.l);
    return makeGroup(
      sorted.map((_, i) => `P${String(i).padStart(3, '0')}`),
      Int32Array.from(sorted, (r) => r.e),
      Int32Array.from(sorted, (r) => r.l),
    );
  });

describe('the two minimum-bus greedies', () => {
  it('agree on the count and each seat everyone once, inside their windows', () => {
    fc.assert(
      fc.property(group, fc.integer({ min: 1, max: 12 }), (g, seats) => {
        // act
        const forward = earliestDeadlineBuses(g, seats);
        const mirror = latestReleaseBuses(g, seats);

        // assess
        expect(mirror.length).toBe(forward.length);
        for (const buses of [forward, mirror]) {
          const seated = buses.flatMap((b) => b.members).sort((a, b) => a - b);
          expect(seated).toEqual(Array.from({ length: g.ids.length }, (_, i) => i));
          for (const bus of buses) {
            expect(bus.members.length).toBeLessThanOrEqual(seats);
            for (const m of bus.members) expect(g.earliest[m]! <= bus.day && bus.day <= g.latest[m]!).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('departs on deadlines (forward) and on releases (mirror)', () => {
    // prepare: windows [0,4], [2,6], [5,9] with one seat each
    const g = makeGroup(['A', 'B', 'C'], Int32Array.of(0, 2, 5), Int32Array.of(4, 6, 9));

    // act
    const forward = earliestDeadlineBuses(g, 2);
    const mirror = latestReleaseBuses(g, 2);

    // assess
    expect(forward).toEqual([
      { day: 4, members: [0, 1] },
      { day: 9, members: [2] },
    ]);
    expect(mirror).toEqual([
      { day: 0, members: [0] },
      { day: 5, members: [1, 2] },
    ]);
  });
});
