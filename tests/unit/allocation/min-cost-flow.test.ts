// The allocation's solver (the one cost-scaling solver, matching/min-cost-flow.ts) on the allocation's kind of
// network — Float64 capacities, Infinity on uncapacitated arcs — against HiGHS, and its optimality certificate.
import fc from 'fast-check';
import highsModule from 'highs';
import { describe, expect, it } from 'vitest';
import { minCostFlow, type FlowProblem } from '../../../functions/domain/matching/min-cost-flow.js';
import { networkSimplex } from '../../../functions/domain/matching/network-simplex.js';

type Loader = typeof highsModule.default;
const loadHighs: Loader = typeof highsModule === 'function' ? (highsModule as unknown as Loader) : highsModule.default;

const networkArb = fc
  .record({
    nodes: fc.integer({ min: 2, max: 10 }),
    arcs: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        capacity: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(Infinity)),
        cost: fc.integer({ min: -20, max: 20 }),
      }),
      { maxLength: 30 },
    ),
    moves: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), amount: fc.integer({ min: 0, max: 5 }) }), { maxLength: 4 }),
  })
  .map(({ nodes, arcs, moves }): FlowProblem => {
    const supply = new Float64Array(nodes);
    for (const m of moves) {
      supply[m.from % nodes]! += m.amount;
      supply[m.to % nodes]! -= m.amount;
    }
    // An infinite arc only on a non-negative cost keeps most instances bounded.
    return {
      nodes,
      from: Int32Array.from(arcs, (a) => a.from % nodes),
      to: Int32Array.from(arcs, (a) => a.to % nodes),
      capacity: Float64Array.from(arcs, (a) => (a.capacity === Infinity && a.cost < 0 ? 3 : a.capacity)),
      cost: Float64Array.from(arcs, (a) => a.cost),
      supply,
    };
  });

describe('minCostFlow on Float64 networks', () => {
  const solve = minCostFlow;
  it('finds the LP optimum (HiGHS), or reports that no flow exists', async () => {
    const highs = await loadHighs();
    fc.assert(
      fc.property(networkArb, (p) => {
        // act
        const solution = solve(p);

        // assess: the LP, one column per arc, one balance row per node
        const m = p.from.length;
        const starts = new Int32Array(m + 1);
        const indices: number[] = [];
        const values: number[] = [];
        for (let a = 0; a < m; a++) {
          if (p.from[a] !== p.to[a]) {
            indices.push(p.from[a]!, p.to[a]!);
            values.push(1, -1);
          }
          starts[a + 1] = indices.length;
        }
        if (m === 0) {
          expect(solution === undefined).toBe(p.supply.some((s) => s !== 0));
          return;
        }
        const model = highs.createModel({
          numCols: m,
          numRows: p.nodes,
          colCost: Float64Array.from(p.cost),
          colLower: new Float64Array(m),
          colUpper: Float64Array.from(p.capacity, (c) => (c === Infinity ? highs.infinity : c)),
          rowLower: Float64Array.from(p.supply),
          rowUpper: Float64Array.from(p.supply),
          matrix: { format: 'csc', numRows: p.nodes, numCols: m, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
        });
        try {
          model.options.set({ output_flag: false });
          model.run();
          const status = model.getModelStatus();
          if (status === highs.constants.modelStatus.optimal) expect(solution?.cost).toBe(model.getObjectiveValue());
          else expect(solution).toBeUndefined();
        } finally {
          model.dispose();
        }
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it('returns integral flows within capacity that balance supplies, and potentials that prove them optimal', () => {
    fc.assert(
      fc.property(networkArb, (p) => {
        const solution = solve(p);
        fc.pre(solution !== undefined);
        const balance = new Float64Array(p.nodes);
        for (let a = 0; a < p.from.length; a++) {
          const f = solution!.flow[a]!;
          expect(Number.isInteger(f)).toBe(true);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(p.capacity[a]!);
          balance[p.from[a]!]! += f;
          balance[p.to[a]!]! -= f;
          const reduced = p.cost[a]! + solution!.potential[p.from[a]!]! - solution!.potential[p.to[a]!]!;
          if (f < p.capacity[a]!) expect(reduced).toBeGreaterThanOrEqual(0);
          if (f > 0) expect(reduced).toBeLessThanOrEqual(0);
        }
        expect([...balance]).toEqual([...p.supply]);
      }),
      { numRuns: 600 },
    );
  }, 60_000);
});

describe('minCostFlow precision', () => {
  it('stays exact with costs of the national magnitude (poverty weight ~2.7·10^6): the network simplex agrees', () => {
    fc.assert(
      fc.property(networkArb, fc.integer({ min: 1_000_000, max: 3_000_000 }), (p, factor) => {
        // Finite capacities (the simplex's precondition), costs scaled to millions plus a small offset.
        const big: FlowProblem = {
          ...p,
          capacity: Float64Array.from(p.capacity, (c) => (c === Infinity ? 12 : c)),
          cost: Float64Array.from(p.cost, (c, a) => c * factor + (a % 7)),
        };
        const ours = minCostFlow(big);
        const reference = networkSimplex(big);
        expect(ours?.cost).toBe(reference?.cost);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses costs too large for exact arithmetic instead of rounding', () => {
    const problem: FlowProblem = {
      nodes: 2,
      from: Int32Array.of(0),
      to: Int32Array.of(1),
      capacity: Float64Array.of(1),
      cost: Float64Array.of(2 ** 50),
      supply: Float64Array.of(1, -1),
    };
    expect(() => minCostFlow(problem)).toThrow(RangeError);
  });
});
