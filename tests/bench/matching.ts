// Matching figures of DESIGN §8: county scale (465,000 labourers, 2,000 postings, 50,000 openings:
// wall seconds of matchCounty, median of 3, generation excluded; peak RSS of the process) and quality
// (20,000 labourers × 500 postings: our objective over HiGHS's optimum of the class-aggregated LP);
// a small county (that 20,000 × 500, median of 7: most counties are small, so fixed costs count) and
// a county twice as big (930,000 × 4,000 postings / 100,000 openings, one run, after the county's
// peak RSS is read: growth should stay close to linear; its postings double too, so its feasible
// class arcs, which every pricing pass walks, are ~3× the county's).
// `npx tsx tests/bench/matching.ts` prints the JSON.
import { pathToFileURL } from 'node:url';
import { matchCounty } from '../../functions/domain/matching/index.js';
import { classLpOptimum } from '../unit/matching/lp-reference.js';
import { syntheticCounty } from '../unit/matching/synthetic-county.js';

export interface MatchingFigures {
  matching: {
    labourers: number;
    postings: number;
    openings: number;
    seconds: number;
    /** CPU seconds of the same runs (median): wall time on a shared machine also counts others' work. */
    cpuSeconds: number;
    rssMb: number;
    classes: number;
    feasibleClassArcs: number;
  };
  matchingQuality: { labourers: number; postings: number; ratioToLp: number; poorPlaced: number; lpSeconds: number };
  matchingSmall: { labourers: number; postings: number; seconds: number; cpuSeconds: number };
  /** `growth`: its CPU seconds over the county's, measured in the same process (wall time counts others' work). */
  matching2x: { labourers: number; postings: number; seconds: number; cpuSeconds: number; rssMb: number; growth: number; feasibleClassArcs: number };
}

/** Median wall and CPU seconds of matchCounty over `runs` runs. */
function timeRuns(county: ReturnType<typeof syntheticCounty>, runs: number): { seconds: number; cpuSeconds: number; feasibleClassArcs: number } {
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let feasibleClassArcs = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    feasibleClassArcs = matchCounty(county.labourers, county.vacancies, { today: county.today }).stats.feasibleClassArcs;
    const used = process.cpuUsage(cpu);
    seconds.push((performance.now() - started) / 1000);
    cpuSeconds.push((used.user + used.system) / 1e6);
  }
  return { seconds: median(seconds), cpuSeconds: median(cpuSeconds), feasibleClassArcs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The county-scale runs, in a function of their own so that the county is garbage before the 2× one. */
function measureCounty(): MatchingFigures['matching'] {
  const county = syntheticCounty({ labourers: 465_000, postings: 2_000, openings: 50_000, seed: 2020 });
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let last = matchCounty([], []);
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    last = matchCounty(county.labourers, county.vacancies, { today: county.today });
    const used = process.cpuUsage(cpu);
    seconds.push((performance.now() - started) / 1000);
    cpuSeconds.push((used.user + used.system) / 1e6);
  }
  // maxRSS: the process's peak resident set, in KB (the generated county included).
  const rssMb = process.resourceUsage().maxRSS / 1024;
  return {
    labourers: county.labourers.length,
    postings: county.vacancies.length,
    openings: county.vacancies.reduce((sum, v) => sum + v.openings, 0),
    seconds: round(median(seconds), 2),
    cpuSeconds: round(median(cpuSeconds), 2),
    rssMb: Math.round(rssMb),
    classes: last.classes,
    feasibleClassArcs: last.stats.feasibleClassArcs,
  };
}

export async function measureMatching(): Promise<MatchingFigures> {
  const matching = measureCounty();
  const small = syntheticCounty({ labourers: 20_000, postings: 500, openings: 12_500, seed: 2021 });
  const ours = matchCounty(small.labourers, small.vacancies, { today: small.today });
  const lpStarted = performance.now();
  const lp = await classLpOptimum(small.labourers, small.vacancies, ours.povertyWeight, small.today);
  const lpSeconds = (performance.now() - lpStarted) / 1000;
  const smallTimes = timeRuns(small, 7);

  const twice = syntheticCounty({ labourers: 930_000, postings: 4_000, openings: 100_000, seed: 2022 });
  const twiceTimes = timeRuns(twice, 1);
  const twiceRssMb = process.resourceUsage().maxRSS / 1024;

  return {
    matching,
    matchingQuality: {
      labourers: small.labourers.length,
      postings: small.vacancies.length,
      ratioToLp: round(ours.objective / lp.objective, 6),
      poorPlaced: ours.poorPlaced,
      lpSeconds: round(lpSeconds, 1),
    },
    matchingSmall: {
      labourers: small.labourers.length,
      postings: small.vacancies.length,
      seconds: round(smallTimes.seconds, 3),
      cpuSeconds: round(smallTimes.cpuSeconds, 3),
    },
    matching2x: {
      labourers: twice.labourers.length,
      postings: twice.vacancies.length,
      seconds: round(twiceTimes.seconds, 2),
      cpuSeconds: round(twiceTimes.cpuSeconds, 2),
      rssMb: Math.round(twiceRssMb),
      growth: round(twiceTimes.cpuSeconds / matching.cpuSeconds, 2),
      feasibleClassArcs: twiceTimes.feasibleClassArcs,
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await measureMatching()));
}
