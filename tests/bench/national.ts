// National run figures of DESIGN §8: 27 M labourers in 2,800 counties, the allocation measured, wall
// time and cost of one run at 500 concurrent county steps estimated. `npx tsx tests/bench/national.ts`
// prints the JSON (≈ 1.5 min here).
//
// The data set is national-shaped but synthetic, and class-level: each county is a class summary (what
// its summarise step produces within the 300-class budget), never 27 M labourer objects.
//   - 2,800 counties (all districts of 25 destination cities, a seeded sample of the rest); labourers
//     per county log-normal (median ≈ 6,300, largest ≈ 110,000), 27,000,000 in total;
//   - a county's labourers: 40 % poor, 85 % travel; a skill from its five local trades (Zipf) or any
//     trade; one destination from its province's menu (Guangdong, Shenzhen, Dongguan, Zhejiang, Ningbo,
//     Jiangsu, Suzhou, Fujian, Shanghai, Beijing, its provincial capital, its own province; Zipf);
//     expected wage in 500-CNY bands (those who stay home expect less); a fifth start late;
//   - vacancies: 40–100 postings in each of the ~290 destination districts (factories and sites,
//     ~12 M places), two local jobs (扶贫车间) and a public-welfare post in every county.
// Measured: allocateNationally on all of it (one process, as the allocation Lambda), and matchCounty
// and summariseLabourers on real full-size counties (the matching tests' synthetic county, individual
// labourers) at the median, p95 and largest county size, each with the postings and places such a
// county gets from the allocation. Modelled, with every constant in MODEL (printed): the county steps'
// I/O, the Map's schedule, the table's write throughput, and the prices.
import { pathToFileURL } from 'node:url';
import { allocateNationally, countyVacancies, summariseLabourers, marketDigest, type ClassSummary, type CountySummary } from '../../functions/domain/allocation/index.js';
import { listPlaces } from '../../functions/domain/divisions.js';
import { matchCounty, type MatchVacancy } from '../../functions/domain/matching/index.js';
import { SKILLS } from '../../functions/domain/skills.js';
import { syntheticCounty } from '../unit/matching/synthetic-county.js';
import { seededRandom as random } from '../helpers/seeded-random.js';

export interface NationalFigures {
  counties: number;
  labourers: number;
  allocationSeconds: number;
  estimatedWallSeconds: number;
  estimatedCostUsd: number;
  formula: string;
}

const COUNTIES = 2_800;
const LABOURERS = 27_000_000;
const TODAY = '2026-02-01';
const DESTINATION_CITIES = [
  '4403', '4419', '4401', '4406', '4413', '4420', '4404', '3302', '3301', '3303', '3306', '3307', '3205',
  '3202', '3201', '3206', '3502', '3505', '3101', '1101', '1201', '3702', '5101', '4201', '5001',
];
const START_DATES = ['2026-02-15', '2026-02-20', '2026-02-25', '2026-03-01', '2026-03-08', '2026-03-15'];


function zipf(n: number, s: number): (r: () => number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) cumulative.push((total += 1 / (i + 1) ** s));
  return (r) => {
    const x = r() * total;
    let i = 0;
    while (cumulative[i]! < x) i++;
    return i;
  };
}

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

const band = (value: number, step: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, value)) / step) * step;

export interface NationalDataSet {
  summaries: CountySummary[];
  vacancies: MatchVacancy[];
}

/** The synthetic nation: class summaries per county and every open vacancy. */
export function nationalDataSet(seed = 2020, classDraws = 400): NationalDataSet {
  const r = random(seed);
  const all = listPlaces().filter((p) => p.level === 'county').map((p) => p.code);
  const isDestination = (c: string) => DESTINATION_CITIES.some((d) => c.startsWith(d));
  const destinations = all.filter(isDestination);
  const others = all.filter((c) => !isDestination(c));
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  const counties = [...destinations, ...others.slice(0, COUNTIES - destinations.length)].sort();

  // Labourers per county, log-normal, scaled to the national total.
  const raw = counties.map(() => Math.exp(normal(r) * 0.9));
  const scale = LABOURERS / raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((x) => Math.max(50, Math.round(x * scale)));
  sizes[0]! += LABOURERS - sizes.reduce((a, b) => a + b, 0);

  const skillOf = zipf(SKILLS.length, 1.1);
  const tradeOf = zipf(5, 1.2);
  const menuOf = zipf(12, 1.1);
  const wageSteps = [1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500, 6000, 6500, 7000];
  const summaries: CountySummary[] = counties.map((county, c) => {
    const province = county.slice(0, 2);
    const menu = ['44', '4403', '4419', '33', '3302', '32', '3205', '35', '3101', '1101', `${province}01`, province];
    // Each province ranks the menu its own way (a seeded rotation of the tail).
    const shift = Number(province) % 7;
    const ranked = [...menu.slice(0, 3), ...menu.slice(3).slice(shift), ...menu.slice(3).slice(0, shift)];
    const trades = Array.from({ length: 5 }, () => SKILLS[1 + (skillOf(r) % (SKILLS.length - 1))]!);
    const byKey = new Map<string, ClassSummary & { weight: number }>();
    for (let d = 0; d < classDraws; d++) {
      const poverty = r() < 0.4;
      const canTravel = r() < 0.85;
      const skill = r() < 0.8 ? trades[tradeOf(r)]! : SKILLS[skillOf(r)]!;
      const destination = canTravel ? ranked[menuOf(r)]! : undefined;
      // Those who stay home expect less (posts pay ~2,000, workshops ~3,200).
      const expectedWage = wageSteps[Math.round(Math.min(wageSteps.length - 1, Math.max(0, (canTravel ? 6 : 2.5) + normal(r) * 1.6)))]!;
      const late = r();
      const availableFrom = late < 0.8 ? undefined : late < 0.95 ? '2026-02-16' : '2026-03-02';
      const key = `${poverty}|${skill}|${destination}|${expectedWage}|${availableFrom}`;
      const found = byKey.get(key);
      if (found) {
        found.weight++;
        continue;
      }
      const cls: ClassSummary & { weight: number } = {
        homeCounty: county,
        count: 0,
        weight: 1,
        poverty,
        skills: [skill],
        destinations: destination === undefined ? [] : [destination],
        canTravel: destination !== undefined,
        expectedWage,
      };
      if (availableFrom !== undefined) cls.availableFrom = availableFrom;
      byKey.set(key, cls);
    }
    // Draws → counts summing to the county's size (largest remainder).
    const classes = [...byKey.values()];
    const exact = classes.map((k) => (k.weight / classDraws) * sizes[c]!);
    classes.forEach((k, i) => (k.count = Math.floor(exact[i]!)));
    let left = sizes[c]! - classes.reduce((a, k) => a + k.count, 0);
    const order = classes.map((_, i) => i).sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)));
    for (let i = 0; left > 0; i = (i + 1) % order.length, left--) classes[order[i]!]!.count++;
    return {
      county,
      labourers: sizes[c]!,
      classes: classes.map(({ weight: _, ...k }) => k),
      coarseness: 0,
    };
  });

  // Vacancies: factories and sites in the destination districts, local jobs and a post everywhere.
  const vacancies: MatchVacancy[] = [];
  const add = (v: Omit<MatchVacancy, 'id' | 'remaining'>) =>
    vacancies.push({ ...v, id: `V${String(vacancies.length).padStart(6, '0')}`, remaining: v.openings });
  const startDate = () => START_DATES[Math.floor(r() * START_DATES.length)]!;
  for (const county of destinations) {
    const postings = 40 + Math.floor(r() * 60);
    for (let p = 0; p < postings; p++) {
      const skills = r() < 0.35 ? ['普工'] : r() < 0.8 ? [SKILLS[1 + (skillOf(r) % 22)]!] : [SKILLS[1 + (skillOf(r) % 22)]!, '普工'];
      add({
        kind: 'job',
        county,
        skills: [...new Set(skills)],
        monthlyWage: band(5200 + normal(r) * 900, 100, 3000, 9000),
        startDate: startDate(),
        openings: Math.max(5, Math.round(Math.exp(6.1 + normal(r) * 0.9))),
      });
    }
  }
  for (const county of counties) {
    for (let j = 0; j < 2; j++) {
      add({
        kind: 'job',
        county,
        skills: r() < 0.5 ? ['普工'] : [SKILLS[1 + (skillOf(r) % 22)]!],
        monthlyWage: band(3200 + normal(r) * 500, 100, 2000, 5000),
        startDate: startDate(),
        openings: Math.max(3, Math.round(Math.exp(4 + normal(r) * 0.7))),
      });
    }
    add({
      kind: 'post',
      county,
      skills: ['普工'],
      monthlyWage: band(2000 + normal(r) * 300, 100, 1500, 3000),
      startDate: startDate(),
      openings: Math.max(5, Math.round(Math.exp(3.5 + normal(r) * 0.6))),
      poorShareMin: 0.6,
      nonPoorCommitted: 0,
    });
  }
  return { summaries, vacancies };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

// ---------------------------------------------------------------------------------------------------
// The model of one run. Measured here: allocation, matchCounty and summariseLabourers. Assumed (AWS,
// from the stack's settings and public figures; every one is printed in the output):
const MODEL = {
  /** Map MaxConcurrency (lib/constructs/national.ts). */
  concurrency: 500,
  /** A Lambda step's fixed part: Distributed Map child start, invoke, cold start (Node 24, ~400 KB bundle). */
  stepOverheadSeconds: 1.5,
  /** Query of 1 KB items, 1 MB pages back to back: ~25 MB/s for one reader. */
  readItemsPerSecond: 25_000,
  /** runCountyMatching writes offers 8 transactions at a time (run-matching.ts), ~25 ms each (4 items). */
  offerWriteConcurrency: 8,
  offerTransactionSeconds: 0.025,
  /** Write units per offer: 4 items ≤ 1 KB (offer, vacancy, labourer, outbox), doubled in a transaction. */
  writeUnitsPerOffer: 8,
  /** Plan (read every open vacancy once) and summary (read the results), each. */
  runStepSeconds: 10,
  /** The allocation reads the summaries (~300 classes × ~110 B a county) and writes 2,800 quota items. */
  allocationIoSeconds: 8,
  /** Memory (GB) of the county, allocation and run-level functions. */
  countyGb: 3.008,
  allocationGb: 6.144,
  runGb: 1.024,
  lambdaGbSecondUsd: 0.0000133334,
  lambdaRequestUsd: 0.2 / 1e6,
  stateTransitionUsd: 0.000025,
  /** Per county and Map: the child execution's start and its task (a retry or a catch adds more). */
  transitionsPerCountyStep: 2,
  /**
   * Write units per second the table absorbs. A national run's first (season-opening) pass writes
   * millions of offers, each a 4-item transaction: the on-demand table must be pre-warmed (warm
   * throughput) and its write-throughput quota raised from the default 40,000 WCU/s to this.
   */
  tableWriteUnitsPerSecond: 120_000,
  defaultTableWriteUnitsPerSecond: 40_000,
  /** DynamoDB on-demand (us-east-1 since Nov 2024): per million write / read request units. */
  writeRequestUnitUsd: 0.625 / 1e6,
  readRequestUnitUsd: 0.125 / 1e6,
} as const;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** Makespan of the steps on `slots` slots, started in the given order as slots free up (the Map). */
function makespan(seconds: readonly number[], slots: number): number {
  const free = new Array<number>(Math.min(slots, seconds.length)).fill(0);
  for (const s of seconds) {
    let k = 0;
    for (let i = 1; i < free.length; i++) if (free[i]! < free[k]!) k = i;
    free[k]! += s;
  }
  return Math.max(0, ...free);
}

/** Least squares a + b·x. */
function linear(points: readonly [number, number][]): (x: number) => number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const b = sxx === 0 ? 0 : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  return (x) => Math.max(0, my + b * (x - mx));
}

export async function measureNational(): Promise<NationalFigures & { breakdown: Record<string, unknown> }> {
  const { summaries, vacancies } = nationalDataSet();
  const allocation = allocateNationally(summaries, vacancies, { today: TODAY });
  const allocationSeconds = allocation.stats.seconds;
  const labourers = summaries.reduce((a, s) => a + s.labourers, 0);

  // Places each county's run may fill: its job quotas and its posts, never more than its labourers.
  const postPlaces = new Map<string, number>();
  for (const v of vacancies) if (v.kind === 'post') postPlaces.set(v.county, (postPlaces.get(v.county) ?? 0) + v.remaining);
  const offersOf = (s: CountySummary) =>
    Math.min(s.labourers, Object.values(allocation.quotas[s.county] ?? {}).reduce((a, b) => a + b, 0) + (postPlaces.get(s.county) ?? 0));
  const sizes = summaries.map((s) => s.labourers);
  const typical = Math.round(percentile(sizes, 0.5));
  const p95 = Math.round(percentile(sizes, 0.95));
  const largest = Math.max(...sizes);

  // matchCounty on real, full-size counties (the matching tests' synthetic county: individual
  // labourers, skewed skills, destinations and wages), each with as many postings and places as a
  // county of its size gets from the allocation; the median of 3 runs.
  const quotaVacancies = (s: CountySummary) => countyVacancies(allocation, s.county, vacancies).length;
  const samples: { labourers: number; postings: number; openings: number; seconds: number; summariseSeconds: number; offers: number }[] = [];
  const nearest = (size: number) => summaries.reduce((best, s) => (Math.abs(s.labourers - size) < Math.abs(best.labourers - size) ? s : best));
  for (const size of [typical, p95, largest]) {
    const like = nearest(size);
    const postings = Math.max(20, quotaVacancies(like));
    const openings = Math.max(postings, offersOf(like));
    const county = syntheticCounty({ labourers: size, postings, openings, seed: 2027 + size });
    const seconds: number[] = [];
    let offers = 0;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      offers = matchCounty(county.labourers, county.vacancies, { today: county.today }).offers.length;
      seconds.push((performance.now() - started) / 1000);
    }
    const started = performance.now();
    summariseLabourers(county.labourers, marketDigest(county.vacancies, county.today), { maxClasses: 300 });
    const summariseSeconds = (performance.now() - started) / 1000;
    samples.push({ labourers: size, postings, openings, seconds: percentile(seconds, 0.5), summariseSeconds, offers });
  }
  const matchSeconds = linear(samples.map((s) => [s.labourers, s.seconds]));
  const summariseSeconds = linear(samples.map((s) => [s.labourers, s.summariseSeconds]));

  // Every county's two steps.
  const readSeconds = (n: number) => n / MODEL.readItemsPerSecond;
  const summariseStep = summaries.map((s) => MODEL.stepOverheadSeconds + readSeconds(s.labourers) + summariseSeconds(s.labourers));
  const offers = summaries.map(offersOf);
  const matchStep = summaries.map(
    (s, i) =>
      MODEL.stepOverheadSeconds +
      readSeconds(s.labourers) +
      matchSeconds(s.labourers) +
      (offers[i]! / MODEL.offerWriteConcurrency) * MODEL.offerTransactionSeconds,
  );
  const waves = Math.ceil(summaries.length / MODEL.concurrency);
  const allocateStep = allocationSeconds + MODEL.allocationIoSeconds;
  const formulaWall =
    2 * MODEL.runStepSeconds + allocateStep + waves * percentile(summariseStep, 0.95) + waves * percentile(matchStep, 0.95);
  // The Map starts counties largest first (the allocation step orders them).
  const bySize = (steps: number[]) => steps.map((t, i) => [sizes[i]!, t] as const).sort((a, b) => b[0] - a[0]).map(([, t]) => t);
  const summarisePhase = makespan(bySize(summariseStep), MODEL.concurrency);
  const matchPhase = makespan(bySize(matchStep), MODEL.concurrency);
  const simulatedWall = 2 * MODEL.runStepSeconds + allocateStep + summarisePhase + matchPhase;
  // The offers must also fit through the table: the match phase lasts at least writes / throughput.
  const totalOffers = offers.reduce((a, b) => a + b, 0);
  const writeUnits = totalOffers * MODEL.writeUnitsPerOffer;
  const writeBound = (unitsPerSecond: number) =>
    2 * MODEL.runStepSeconds + allocateStep + summarisePhase + Math.max(matchPhase, writeUnits / unitsPerSecond);
  const estimatedWallSeconds = Math.max(formulaWall, simulatedWall, writeBound(MODEL.tableWriteUnitsPerSecond));

  const countyGbSeconds = [...summariseStep, ...matchStep].reduce((a, b) => a + b, 0) * MODEL.countyGb;
  const gbSeconds = countyGbSeconds + allocateStep * MODEL.allocationGb + 2 * MODEL.runStepSeconds * MODEL.runGb;
  const requests = 2 * summaries.length + 3;
  const transitions = 2 * summaries.length * MODEL.transitionsPerCountyStep + 10;
  const lambdaUsd = gbSeconds * MODEL.lambdaGbSecondUsd;
  const requestUsd = requests * MODEL.lambdaRequestUsd;
  const stepFunctionsUsd = transitions * MODEL.stateTransitionUsd;
  // Each county reads its labourers twice (summarise, match): 0.5 read units per 4 KB, items ~1 KB.
  const readUnits = (2 * labourers * 0.5) / 4;

  return {
    counties: summaries.length,
    labourers,
    allocationSeconds: round(allocationSeconds, 1),
    estimatedWallSeconds: Math.round(estimatedWallSeconds),
    estimatedCostUsd: round(lambdaUsd + requestUsd + stepFunctionsUsd, 2),
    formula:
      `wall = plan + summary (2 × ${MODEL.runStepSeconds} s) + allocation (measured ${round(allocationSeconds, 1)} s + ${MODEL.allocationIoSeconds} s I/O) ` +
      `+ ceil(${summaries.length}/${MODEL.concurrency}) = ${waves} waves × (p95 summarise step + p95 match step); ` +
      `a county step = ${MODEL.stepOverheadSeconds} s start + labourers / ${MODEL.readItemsPerSecond} items/s read + matchCounty (measured, linear in labourers) ` +
      `[+ offers / ${MODEL.offerWriteConcurrency} × ${MODEL.offerTransactionSeconds} s writes for the match step]; ` +
      `the largest of this, a simulation of the Map (largest counties first on ${MODEL.concurrency} slots), and the same with the match phase ` +
      `≥ offers × ${MODEL.writeUnitsPerOffer} WCU / ${MODEL.tableWriteUnitsPerSecond} WCU/s (table throughput, raised quota). ` +
      `cost = GB-s × $${MODEL.lambdaGbSecondUsd} (arm64; county steps ${MODEL.countyGb} GB, allocation ${MODEL.allocationGb} GB) ` +
      `+ ${requests} requests × $0.20/M + ${transitions} state transitions × $${MODEL.stateTransitionUsd}; DynamoDB not included (breakdown.dynamoDb)`,
    breakdown: {
      allocation: { ...allocation.stats, poorPlaced: allocation.poorPlaced, totalFit: allocation.totalFit },
      countySizes: { typical, p95, largest },
      matchCountySamples: samples.map((s) => ({ ...s, seconds: round(s.seconds, 3), summariseSeconds: round(s.summariseSeconds, 3) })),
      steps: {
        summariseP95Seconds: round(percentile(summariseStep, 0.95), 1),
        matchP95Seconds: round(percentile(matchStep, 0.95), 1),
        matchMaxSeconds: round(Math.max(...matchStep), 1),
      },
      wall: {
        formulaSeconds: Math.round(formulaWall),
        simulatedSeconds: Math.round(simulatedWall),
        summarisePhase: Math.round(summarisePhase),
        matchPhaseCompute: Math.round(matchPhase),
        writeBoundSeconds: Math.round(writeBound(MODEL.tableWriteUnitsPerSecond)),
        atDefaultTableQuotaSeconds: Math.round(writeBound(MODEL.defaultTableWriteUnitsPerSecond)),
      },
      cost: { gbSeconds: Math.round(gbSeconds), lambdaUsd: round(lambdaUsd, 2), requestUsd: round(requestUsd, 4), stepFunctionsUsd: round(stepFunctionsUsd, 2) },
      dynamoDb: {
        offers: totalOffers,
        writeUnits,
        readUnits: Math.round(readUnits),
        usd: round(writeUnits * MODEL.writeRequestUnitUsd + readUnits * MODEL.readRequestUnitUsd, 2),
        // To write every offer within the compute-bound match phase the table would need this much.
        writeUnitsPerSecondForComputeBound: Math.round(writeUnits / matchPhase),
      },
      model: MODEL,
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const figures = await measureNational();
  console.log(JSON.stringify({ ...figures, benchSeconds: round((performance.now() - started) / 1000, 1) }));
}
