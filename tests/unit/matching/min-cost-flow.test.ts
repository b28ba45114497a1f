import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import highsModule from 'highs';
import { minCostFlow as costScaling, type FlowProblem, type FlowSolution } from '../../../functions/domain/matching/min-cost-flow.js';
import { networkSimplex } from '../../../functions/domain/matching/network-simplex.js';

type Loader = typeof highsModule.default;
const loadHighs: Loader = typeof highsModule === 'function' ? (highsModule as unknown as Loader) : highsModule.default;

const problemArb = fc
  .record({
    nodes: fc.integer({ min: 2, max: 10 }),
    arcs: fc.array(
      fc.record({ from: fc.nat(), to: fc.nat(), capacity: fc.integer({ min: 0, max: 5 }), cost: fc.integer({ min: -20, max: 20 }) }),
      { maxLength: 30 },
    ),
    moves: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), amount: fc.integer({ min: 0, max: 4 }) }), { maxLength: 3 }),
  })
  .map(({ nodes, arcs, moves }): FlowProblem => {
    const supply = new Int32Array(nodes);
    for (const m of moves) {
      supply[m.from % nodes]! += m.amount;
      supply[m.to % nodes]! -= m.amount;
    }
    return {
      nodes,
      from: Int32Array.from(arcs, (a) => a.from % nodes),
      to: Int32Array.from(arcs, (a) => a.to % nodes),
      capacity: Int32Array.from(arcs, (a) => a.capacity),
      cost: Int32Array.from(arcs, (a) => a.cost),
      supply,
    };
  });

const solvers: [string, (p: FlowProblem) => FlowSolution | undefined][] = [
  ['cost scaling', costScaling],
  ['network simplex', networkSimplex],
];

describe.each(solvers)('min-cost flow by %s', (_, minCostFlow) => {
  it('finds the LP optimum (HiGHS), or reports that no flow exists', async () => {
    const highs = await loadHighs();
    fc.assert(
      fc.property(problemArb, (p) => {
        // act
        const solution = minCostFlow(p);

        // assess: the same problem as an LP, one column per arc, one flow-balance row per node
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
        const model = highs.createModel({
          numCols: m,
          numRows: p.nodes,
          colCost: Float64Array.from(p.cost),
          colLower: new Float64Array(m),
          colUpper: Float64Array.from(p.capacity),
          rowLower: Float64Array.from(p.supply),
          rowUpper: Float64Array.from(p.supply),
          matrix: { format: 'csc', numRows: p.nodes, numCols: m, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
        });
        try {
          model.options.set({ output_flag: false });
          model.run();
          const status = model.getModelStatus();
          if (status === highs.constants.modelStatus.optimal) expect(solution?.cost).toBe(model.getObjectiveValue());
          else if (m > 0) expect(solution).toBeUndefined();
        } finally {
          model.dispose();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('returns flows within capacity that balance supplies, and potentials that prove them optimal', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        // act
        const solution = minCostFlow(p);

        // assess
        fc.pre(solution !== undefined);
        const balance = new Int32Array(p.nodes);
        for (let a = 0; a < p.from.length; a++) {
          const f = solution!.flow[a]!;
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
      { numRuns: 400 },
    );
  });

  it.runIf(minCostFlow === costScaling)('reaches the same optimum from a warm start: an earlier solution under other costs', () => {
    fc.assert(
      fc.property(problemArb, fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 30, maxLength: 30 }), (p, costs) => {
        // prepare
        const earlier = minCostFlow(p);
        fc.pre(earlier !== undefined);
        const changed: FlowProblem = { ...p, cost: Int32Array.from(p.cost, (c, a) => (a % 2 === 0 ? costs[a]! : c)) };

        // act
        const cold = minCostFlow(changed);
        const warm = minCostFlow({ ...changed, initialFlow: earlier!.flow, initialPotential: earlier!.potential });

        // assess
        expect(warm?.cost).toBe(cold?.cost);
      }),
      { numRuns: 300 },
    );
  });
});
