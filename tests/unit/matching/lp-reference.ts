// Reference optima from HiGHS (tests and bench only): the LP of the matching problem. Its constraint
// matrix (one row per labourer or class, one per vacancy, one per post's non-poor quota: two laminar
// families) is totally unimodular, so the LP optimum is the integer optimum.
import highsModule, { type Highs } from 'highs';
import { arcEnumerator } from '../../../functions/domain/matching/class-arcs.js';
import { nonPoorPlaces, pairFit } from '../../../functions/domain/matching/feasibility.js';
import { classifyLabourers } from '../../../functions/domain/matching/labourer-classes.js';
import { indexMarket } from '../../../functions/domain/matching/market.js';
import { groupVacancies } from '../../../functions/domain/matching/vacancy-groups.js';
import type { MatchLabourer, MatchVacancy } from '../../../functions/domain/matching/index.js';

// highs ships ESM for `import` (default export: the loader) but CommonJS-style typings, which
// TypeScript reads as `{ default: loader }`; accept both shapes.
type Loader = typeof highsModule.default;
const loadHighs: Loader =
  typeof highsModule === 'function' ? (highsModule as unknown as Loader) : highsModule.default;

let highs: Promise<Highs> | undefined;
function solver(): Promise<Highs> {
  highs ??= loadHighs();
  return highs;
}

interface Lp {
  /** Per column: objective weight and its rows (all coefficients 1). */
  weights: number[];
  rows: number[][];
  rowUpper: number[];
}

async function maximise(lp: Lp): Promise<number> {
  const h = await solver();
  const numCols = lp.weights.length;
  const numRows = lp.rowUpper.length;
  if (numCols === 0) return 0;
  const starts = new Int32Array(numCols + 1);
  lp.rows.forEach((r, j) => (starts[j + 1] = starts[j]! + r.length));
  const model = h.createModel({
    numCols,
    numRows,
    sense: h.constants.objectiveSense.maximize,
    colCost: Float64Array.from(lp.weights),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(h.infinity),
    rowLower: new Float64Array(numRows).fill(-h.infinity),
    rowUpper: Float64Array.from(lp.rowUpper),
    matrix: {
      format: 'csc',
      numRows,
      numCols,
      starts,
      indices: Int32Array.from(lp.rows.flat()),
      values: new Float64Array(starts[numCols]!).fill(1),
    },
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    if (model.getModelStatus() !== h.constants.modelStatus.optimal) throw new Error('HiGHS found no optimum');
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

/** The optimum over individual (labourer, vacancy) pairs, feasibility from pairFit. */
export async function pairLpOptimum(
  labourers: readonly MatchLabourer[],
  vacancies: readonly MatchVacancy[],
  povertyWeight: number,
  today?: string,
): Promise<number> {
  const lp: Lp = { weights: [], rows: [], rowUpper: [] };
  const vacancyRow = new Map<string, number>();
  const quotaRow = new Map<string, number>();
  lp.rowUpper.push(...labourers.map(() => 1));
  for (const v of vacancies) {
    vacancyRow.set(v.id, lp.rowUpper.push(Math.max(0, Math.floor(v.remaining))) - 1);
    if (v.kind === 'post') quotaRow.set(v.id, lp.rowUpper.push(nonPoorPlaces(v)) - 1);
  }
  labourers.forEach((l, i) => {
    for (const v of vacancies) {
      const pair = pairFit(l, v, today);
      if (pair === undefined) continue;
      const rows = [i, vacancyRow.get(v.id)!];
      if (v.kind === 'post' && !l.poverty) rows.push(quotaRow.get(v.id)!);
      lp.weights.push((l.poverty ? povertyWeight : 0) + pair.fit);
      lp.rows.push(rows);
    }
  });
  return maximise(lp);
}

/** The optimum of the class-aggregated model (classes × vacancy nodes), as the bench compares. */
export async function classLpOptimum(
  labourers: readonly MatchLabourer[],
  vacancies: readonly MatchVacancy[],
  povertyWeight: number,
  today?: string,
): Promise<{ objective: number; columns: number; rows: number }> {
  const declined = new Set(labourers.filter((l) => !l.optedOut).flatMap((l) => l.declinedVacancyIds ?? []));
  const { groups, nodes, openIds } = groupVacancies(vacancies, declined, today);
  const market = indexMarket(groups);
  const { classes } = classifyLabourers(labourers, market, openIds);
  const enumerator = arcEnumerator(classes, market);
  const lp: Lp = { weights: [], rows: [], rowUpper: [] };
  for (const c of classes) lp.rowUpper.push(c.members.length);
  for (const n of nodes) lp.rowUpper.push(n.capacity);
  const bufNode = new Int32Array(enumerator.maxArcs);
  const bufFit = new Int32Array(enumerator.maxArcs);
  classes.forEach((cls, c) => {
    const k = enumerator.arcsOf(c, bufNode, bufFit);
    for (let i = 0; i < k; i++) {
      lp.weights.push((cls.poverty ? povertyWeight : 0) + bufFit[i]!);
      lp.rows.push([c, classes.length + bufNode[i]!]);
    }
  });
  return { objective: await maximise(lp), columns: lp.weights.length, rows: lp.rowUpper.length };
}
