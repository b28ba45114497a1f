// The county network the matching solves, in DIMACS min-cost-flow format, so that anyone can solve the
// same network with another solver (LEMON: tests/bench/lemon/) and compare times and the optimum.
//
//   npx tsx tests/bench/export-dimacs.ts [small|county|2x] [file]   (default: county, county.dimacs)
//
// The network is matchCounty's, with every feasible arc (the matching itself keeps only those its
// pricing needs): a node per labourer class (supply = its members), per vacancy node and the sink
// (demand = all labourers); arcs class → vacancy node (capacity min(members, places), cost
// −(povertyWeight·poor + fit)), class → sink (cost 0: left without a place) and vacancy node → sink
// (capacity = places). Its minimum cost is −(matchCounty's objective), written in a comment line.
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { arcEnumerator } from '../../functions/domain/matching/class-arcs.js';
import { classifyLabourers } from '../../functions/domain/matching/labourer-classes.js';
import { indexMarket } from '../../functions/domain/matching/market.js';
import { matchCounty, povertyWeight, type MatchLabourer, type MatchVacancy } from '../../functions/domain/matching/index.js';
import { groupVacancies } from '../../functions/domain/matching/vacancy-groups.js';
import { syntheticCounty } from '../unit/matching/synthetic-county.js';

/** The bench's instances (tests/bench/matching.ts). */
export const INSTANCES = {
  small: { labourers: 20_000, postings: 500, openings: 12_500, seed: 2021 },
  county: { labourers: 465_000, postings: 2_000, openings: 50_000, seed: 2020 },
  '2x': { labourers: 930_000, postings: 4_000, openings: 100_000, seed: 2022 },
} as const;

/** Writes the network line by line through `write`; returns its size and the matching's objective. */
export function writeDimacs(
  labourers: readonly MatchLabourer[],
  vacancies: readonly MatchVacancy[],
  today: string | undefined,
  write: (line: string) => void,
): { nodes: number; arcs: number; objective: number } {
  const declined = new Set<string>();
  for (const l of labourers) if (!l.optedOut) for (const id of l.declinedVacancyIds ?? []) declined.add(id);
  const { groups, nodes, openIds } = groupVacancies(vacancies, declined, today);
  const market = indexMarket(groups);
  const { classes } = classifyLabourers(labourers, market, openIds);
  const enumerator = arcEnumerator(classes, market);
  const weight = povertyWeight(nodes.length);
  const C = classes.length;
  const V = nodes.length;
  // DIMACS ids from 1: classes, then vacancy nodes, then the sink.
  const vacancyId = (v: number) => C + v + 1;
  const sink = C + V + 1;
  const bufNode = new Int32Array(enumerator.maxArcs);
  const bufFit = new Int32Array(enumerator.maxArcs);
  let feasible = 0;
  for (let c = 0; c < C; c++) feasible += enumerator.arcsOf(c, bufNode, bufFit);
  const arcs = feasible + C + V;
  const objective = matchCounty(labourers, vacancies, { today }).objective;
  let members = 0;
  for (const cls of classes) members += cls.members.length;

  write(`c 春风 county matching network: ${C} classes, ${V} vacancy nodes, sink ${sink}; poverty weight ${weight}`);
  write(`c optimum (−matchCounty objective): ${-objective}`);
  write(`p min ${sink} ${arcs}`);
  classes.forEach((cls, c) => write(`n ${c + 1} ${cls.members.length}`));
  write(`n ${sink} ${-members}`);
  for (let c = 0; c < C; c++) {
    const size = classes[c]!.members.length;
    const poor = classes[c]!.poverty;
    const k = enumerator.arcsOf(c, bufNode, bufFit);
    for (let i = 0; i < k; i++) {
      const v = bufNode[i]!;
      write(`a ${c + 1} ${vacancyId(v)} 0 ${Math.min(size, nodes[v]!.capacity)} ${-((poor ? weight : 0) + bufFit[i]!)}`);
    }
    write(`a ${c + 1} ${sink} 0 ${size} 0`);
  }
  for (let v = 0; v < V; v++) write(`a ${vacancyId(v)} ${sink} 0 ${nodes[v]!.capacity} 0`);
  return { nodes: sink, arcs, objective };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const name = (process.argv[2] ?? 'county') as keyof typeof INSTANCES;
  if (!(name in INSTANCES)) throw new Error(`instance: one of ${Object.keys(INSTANCES).join(', ')}`);
  const county = syntheticCounty(INSTANCES[name]);
  const fd = openSync(process.argv[3] ?? `${name}.dimacs`, 'w');
  // Lines batched into ~1 MB synchronous writes: tens of millions of small writes would dominate.
  let batch: string[] = [];
  let size = 0;
  const flush = () => {
    if (batch.length > 0) writeSync(fd, batch.join('\n') + '\n');
    batch = [];
    size = 0;
  };
  const figures = writeDimacs(county.labourers, county.vacancies, county.today, (line) => {
    batch.push(line);
    size += line.length;
    if (size > 1 << 20) flush();
  });
  flush();
  closeSync(fd);
  console.error(JSON.stringify({ instance: name, ...figures, minCost: -figures.objective }));
}
