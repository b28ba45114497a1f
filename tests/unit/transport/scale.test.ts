import { describe, expect, it } from 'vitest';
import { planTrips } from '../../../functions/domain/transport/index.js';
import { STANDARD_OPTIONS, syntheticTravellers } from '../../bench/transport.js';
import { violations } from './helpers.js';

// The bench (tests/bench/transport.ts) measures the 5 s target; this guards against blow-ups with a
// bound loose enough for a busy machine, and checks the rules hold at county-season scale.
describe('planTrips at 100,000 passengers', () => {
  const travellers = syntheticTravellers();

  it('plans soundly, reporting cost, vehicles and a lower bound below the cost', () => {
    // act
    const started = performance.now();
    const plan = planTrips(travellers, STANDARD_OPTIONS);
    const seconds = (performance.now() - started) / 1000;

    // assess
    expect(seconds).toBeLessThan(20);
    expect(violations(travellers, plan, STANDARD_OPTIONS)).toEqual([]);
    expect(plan.lowerBound).toBeGreaterThan(0);
    expect(plan.cost).toBeGreaterThanOrEqual(plan.lowerBound);
  }, 60_000);
});
