import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waitingOnDays } from '../../../functions/domain/transport/assign-to-days.js';
import { leastWaitingDays } from '../../../functions/domain/transport/exact-waiting.js';
import { busWaiting, makeGroup } from '../../../functions/domain/transport/group.js';
import { earliestDeadlineBuses, latestReleaseBuses } from '../../../functions/domain/transport/min-buses.js';
import { planGroup } from '../../../functions/domain/transport/plan-group.js';
import { reduceWaiting, settle } from '../../../functions/domain/transport/reduce-waiting.js';
import { exactOptimum, type Window } from './brute-force.js';

/** A tiny group: up to 8 windows over two weeks, 1–4 seats. */
const tinyGroup = fc.record({
  seats: fc.integer({ min: 1, max: 4 }),
  windows: fc.array(
    fc.record({ earliest: fc.integer({ min: 0, max: 10 }), length: fc.integer({ min: 0, max: 6 }) }).map(
      ({ earliest, length }): Window => ({ earliest, latest: earliest + length }),
    ),
    { minLength: 1, maxLength: 8 },
  ),
});

/** The group planner (planTrips runs it per drop set, in reversed time) on windows of departure days. */
function plan(windows: readonly Window[], seats: number) {
  const sorted = windows
    .map((w, i) => ({ id: `P${i}`, ...w }))
    .sort((a, b) => a.earliest - b.earliest || a.latest - b.latest || (a.id < b.id ? -1 : 1));
  const group = makeGroup(
    sorted.map((w) => w.id),
    Int32Array.from(sorted, (w) => w.earliest),
    Int32Array.from(sorted, (w) => w.latest),
  );
  const buses = planGroup(group, seats);
  return { buses: buses.length, waitingDays: buses.reduce((sum, b) => sum + busWaiting(group, b), 0) };
}

describe('the group planner against exhaustive search on tiny groups', () => {
  it('uses exactly the minimum number of buses', () => {
    fc.assert(
      fc.property(tinyGroup, ({ seats, windows }) => {
        // act
        const result = plan(windows, seats);

        // assess
        expect(result.buses).toBe(exactOptimum(windows, seats).buses);
      }),
      { numRuns: 1_000 },
    );
  });

  it('waits exactly the least possible with that many buses', () => {
    fc.assert(
      fc.property(tinyGroup, ({ seats, windows }) => {
        // act
        const result = plan(windows, seats);

        // assess
        expect(result.waitingDays).toBe(exactOptimum(windows, seats).waiting);
      }),
      { numRuns: 1_000 },
    );
  });

  it('agrees with the hand-checked reference on a case that needs three buses', () => {
    // prepare: three pairwise-disjoint windows
    const windows = [
      { earliest: 0, latest: 1 },
      { earliest: 2, latest: 3 },
      { earliest: 4, latest: 5 },
      { earliest: 0, latest: 5 },
    ];

    // act
    const reference = exactOptimum(windows, 45);
    const result = plan(windows, 45);

    // assess
    expect(reference).toEqual({ buses: 3, waiting: 0 });
    expect([result.buses, result.waitingDays]).toEqual([3, 0]);
  });
});

describe('the waiting local search on groups too big for exhaustive search', () => {
  /** A mid-size group with the windows already sorted as planTrips sorts them. */
  const midGroup = fc.record({
    seats: fc.integer({ min: 5, max: 20 }),
    windows: fc.array(
      fc.record({ earliest: fc.integer({ min: 0, max: 12 }), length: fc.integer({ min: 0, max: 10 }) }),
      { minLength: 10, maxLength: 60 },
    ),
  });

  function compare({ seats, windows }: { seats: number; windows: { earliest: number; length: number }[] }) {
    const sorted = windows
      .map((w, i) => ({ id: `P${String(i).padStart(2, '0')}`, earliest: w.earliest, latest: w.earliest + w.length }))
      .sort((a, b) => a.earliest - b.earliest || a.latest - b.latest || (a.id < b.id ? -1 : 1));
    const group = makeGroup(
      sorted.map((w) => w.id),
      Int32Array.from(sorted, (w) => w.earliest),
      Int32Array.from(sorted, (w) => w.latest),
    );
    const fewest = earliestDeadlineBuses(group, seats);
    const local = reduceWaiting(group, settle(group, latestReleaseBuses(group, seats), seats), seats, 200);
    const exactDays = leastWaitingDays(group, fewest.length, seats, 1_000_000);
    return { fewest: fewest.length, local, exact: exactDays && waitingOnDays(group, exactDays, seats) };
  }

  it('keeps the fewest buses and never beats the exact optimum', () => {
    fc.assert(
      fc.property(midGroup, (instance) => {
        // act
        const { fewest, local, exact } = compare(instance);

        // assess
        expect(local.buses.length).toBe(fewest);
        if (exact !== undefined) expect(local.waiting).toBeGreaterThanOrEqual(exact);
      }),
      { numRuns: 200 },
    );
  });

  it('stays within 1 % of the optimum waiting overall', () => {
    // prepare: a fixed sample, so the figure is stable
    const sample = fc.sample(midGroup, { seed: 2027, numRuns: 200 });

    // act
    let local = 0;
    let exact = 0;
    for (const instance of sample) {
      const result = compare(instance);
      if (result.exact === undefined) continue;
      local += result.local.waiting;
      exact += result.exact;
    }

    // assess
    expect(exact).toBeGreaterThan(0);
    expect(local).toBeLessThanOrEqual(exact * 1.01);
  });
});
