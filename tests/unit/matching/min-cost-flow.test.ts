import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import highsModule from 'highs';
import { minCostFlow as costScaling, type FlowProblem, type FlowSolution } from '../../../functions/domain/matching/min-cost-flow.js';
import { createSimplex, networkSimplex } from '../../../functions/domain/matching/network-simplex.js';

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
    // HiGHS's WebAssembly loads in this test: seconds on a busy machine.
  }, 60_000);

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

});

describe('cost scaling', () => {
  it('reaches the same optimum from a warm start: an earlier solution under other costs', () => {
    fc.assert(
      fc.property(problemArb, fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 30, maxLength: 30 }), (p, costs) => {
        // prepare
        const earlier = costScaling(p);
        fc.pre(earlier !== undefined);
        const changed: FlowProblem = { ...p, cost: Int32Array.from(p.cost, (c, a) => (a % 2 === 0 ? costs[a]! : c)) };

        // act
        const cold = costScaling(changed);
        const warm = costScaling({ ...changed, initialFlow: earlier!.flow, initialPotential: earlier!.potential });

        // assess
        expect(warm?.cost).toBe(cold?.cost);
      }),
      { numRuns: 300 },
    );
  });
});

describe('network simplex from a star basis', () => {
  it('reaches the optimum of cost scaling', () => {
    fc.assert(
      fc.property(problemArb, fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 10, maxLength: 10 }), (p, costs) => {
        // prepare: a root joined to every node by an arc able to carry its supply or demand
        const root = p.nodes;
        const from = [...p.from];
        const to = [...p.to];
        const capacity = [...p.capacity];
        const cost = [...p.cost];
        const treeArc = new Int32Array(p.nodes + 1).fill(-1);
        for (let u = 0; u < p.nodes; u++) {
          treeArc[u] = from.length;
          const s = p.supply[u]!;
          from.push(s >= 0 ? u : root);
          to.push(s >= 0 ? root : u);
          capacity.push(Math.abs(s) + 1 + (u % 3));
          cost.push(costs[u]!);
        }
        const star: FlowProblem = {
          nodes: p.nodes + 1,
          from: Int32Array.from(from),
          to: Int32Array.from(to),
          capacity: Int32Array.from(capacity),
          cost: Int32Array.from(cost),
          supply: Int32Array.from([...p.supply, 0]),
        };

        // act
        const fromStar = networkSimplex({ ...star, treeRoot: root, treeArc });
        const reference = costScaling(star);

        // assess
        expect(fromStar?.cost).toBe(reference?.cost);
      }),
      { numRuns: 400 },
    );
  });
});

describe('network simplex grown between solves', () => {
  it('resumes to the optimum of the grown network', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ c: fc.nat(), v: fc.nat(), w: fc.integer({ min: 1, max: 30 }), late: fc.boolean() }), { maxLength: 20 }),
        (sizes, places, arcs) => {
          // prepare: vacancies 0 … V − 1, the sink V, classes after; some classes and arcs come late
          const V = places.length;
          const sink = V;
          const simplex = createSimplex({
            nodes: V + 1,
            from: Int32Array.from(places, (_, v) => v),
            to: new Int32Array(V).fill(sink),
            capacity: Int32Array.from(places),
            cost: new Int32Array(V),
            supply: new Int32Array(V + 1),
            treeRoot: sink,
            treeArc: Int32Array.from({ length: V + 1 }, (_, v) => (v < V ? v : -1)),
          });
          const node = sizes.map(() => -1);
          const join = (c: number): number => {
            if (node[c] === -1) node[c] = simplex.addLeaf(sizes[c]!, sizes[c]! + 1, 0).node;
            return node[c]!;
          };
          const added: { arc: number; cost: number }[] = [];
          const add = (late: boolean) => {
            for (const a of arcs.filter((x) => x.late === late)) {
              const c = a.c % sizes.length;
              const v = a.v % V;
              added.push({ arc: simplex.addArc(join(c), v, Math.min(sizes[c]!, places[v]!), -a.w), cost: -a.w });
            }
          };

          // act
          add(false);
          expect(simplex.solve()).toBe(true);
          add(true);
          expect(simplex.solve()).toBe(true);

          // assess: the same network solved at once by cost scaling
          const from: number[] = [];
          const to: number[] = [];
          const capacity: number[] = [];
          const cost: number[] = [];
          const supply = new Array<number>(V + 1 + sizes.length).fill(0);
          places.forEach((p, v) => (from.push(v), to.push(sink), capacity.push(p), cost.push(0)));
          sizes.forEach((s, c) => {
            from.push(V + 1 + c);
            to.push(sink);
            capacity.push(s + 1);
            cost.push(0);
            supply[V + 1 + c] = s;
            supply[sink]! -= s;
          });
          for (const a of arcs) {
            const c = a.c % sizes.length;
            const v = a.v % V;
            from.push(V + 1 + c);
            to.push(v);
            capacity.push(Math.min(sizes[c]!, places[v]!));
            cost.push(-a.w);
          }
          const reference = costScaling({
            nodes: V + 1 + sizes.length,
            from: Int32Array.from(from),
            to: Int32Array.from(to),
            capacity: Int32Array.from(capacity),
            cost: Int32Array.from(cost),
            supply: Int32Array.from(supply),
          });
          const total = added.reduce((sum, a) => sum + simplex.flow(a.arc) * a.cost, 0);
          expect(total).toBe(reference!.cost);
        },
      ),
      { numRuns: 300 },
    );
  });
});
