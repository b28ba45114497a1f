// The national matching run (DESIGN §4 scale-out): 27 M labourers in ~2,800 counties, and no Lambda
// ever loads the country. A run is five steps, each small enough for one Lambda:
//
//   plan       the open vacancies' digest (what they can tell apart) and the list of counties;
//   summarise  per county (in parallel): its registered labourers → class summaries (≤ MAX_CLASSES);
//   allocate   once: every summary + every open vacancy → places per (county, job), exactly optimal on
//              the summaries (domain/allocation);
//   match      per county (in parallel): runCountyMatching with each job capped at the county's quota;
//   summary    once: the counties' results added up, failed counties listed.
//
// Steps hand each other only a run id and county codes: summaries, quotas and results are stored as
// run artifacts, one item (or a few ≤ 100,000-character parts) per (run, kind, county), expiring after
// 14 days. The state machine (lib/constructs/national.ts) and bin/local/national-run.ts run the same
// step functions.
import type { EntityItem } from 'electrodb';
import { chinaToday } from '#domain/calendar.js';
import { listPlaces } from '#domain/divisions.js';
import {
  allocateNationally,
  marketDigest,
  summariseLabourers,
  type AllocationStats,
  type CountySummary,
  type MarketDigest,
  type NationalAllocation,
} from '#domain/allocation/index.js';
import type { MatchLabourer } from '#domain/matching/index.js';
import { NATIONAL_ARTIFACT_KINDS, type nationalRunArtifactEntity } from '#store/entities/national-run-artifact.js';
import type { NationalRunLauncher, NationalRunState } from '#adapters/national-run-launcher.js';
import { UnavailableError } from '#domain/errors.js';
import { ENV, optionalEnv } from '#config/env.js';
import type { Deps } from './deps.js';
import { listOpenVacancies } from './manage-vacancies.js';
import { toMatchLabourer, toMatchVacancy } from './matching-input.js';
import { runCountyMatching, type MatchingRunResult } from './run-matching.js';
import { toVacancyView, type VacancyItem, type VacancyView } from './vacancy-view.js';

/** Class budget per county summary: beyond it a county is coarsened (see domain/allocation/summarise.ts). */
export const MAX_CLASSES = 300;
const ARTIFACT_DAYS = 14;
/** Characters per artifact part: ≤ 300 KB of UTF-8 even if every character were Chinese (item limit 400 KB). */
const PART_CHARS = 100_000;
const STORE_CONCURRENCY = 16;

// ---------------------------------------------------------------------------------------------------
// Run artifacts.

type ArtifactKind = (typeof NATIONAL_ARTIFACT_KINDS)[number];
type ArtifactItem = EntityItem<typeof nationalRunArtifactEntity>;

export interface RunStore {
  put(runId: string, kind: ArtifactKind, county: string, value: unknown): Promise<void>;
  get<T>(runId: string, kind: ArtifactKind, county: string): Promise<T | undefined>;
  /** Every artifact of a kind, by county. */
  list<T>(runId: string, kind: ArtifactKind): Promise<Map<string, T>>;
  /** How many counties have an artifact of a kind (read as items: count small kinds only). */
  count(runId: string, kind: ArtifactKind): Promise<number>;
}

function assemble(items: readonly ArtifactItem[]): string | undefined {
  const first = items.find((i) => i.part === 0);
  if (first === undefined) return undefined;
  const parts = items.filter((i) => i.part < first.parts).sort((a, b) => a.part - b.part);
  return parts.length === first.parts ? parts.map((i) => i.body).join('') : undefined;
}

export function nationalRunStore(deps: Pick<Deps, 'db' | 'clock'>): RunStore {
  const entity = deps.db.entities.nationalRunArtifact;
  return {
    async put(runId, kind, county, value) {
      const json = JSON.stringify(value);
      const parts = Math.max(1, Math.ceil(json.length / PART_CHARS));
      const now = deps.clock.now();
      const expiresAt = Math.floor(now.getTime() / 1000) + ARTIFACT_DAYS * 86_400;
      await Promise.all(
        Array.from({ length: parts }, (_, part) =>
          entity
            .put({
              runId,
              kind,
              county,
              part,
              parts,
              body: json.slice(part * PART_CHARS, (part + 1) * PART_CHARS),
              createdAt: now.toISOString(),
              expiresAt,
            })
            .go(),
        ),
      );
    },
    async get(runId, kind, county) {
      const { data } = await entity.query.byRun({ runId, kind, county }).go({ pages: 'all' });
      const json = assemble(data);
      return json === undefined ? undefined : JSON.parse(json);
    },
    async list(runId, kind) {
      const { data } = await entity.query.byRun({ runId, kind }).go({ pages: 'all' });
      const byCounty = new Map<string, ArtifactItem[]>();
      for (const item of data) byCounty.set(item.county, [...(byCounty.get(item.county) ?? []), item]);
      const out = new Map();
      for (const [county, items] of byCounty) {
        const json = assemble(items);
        if (json !== undefined) out.set(county, JSON.parse(json));
      }
      return out;
    },
    async count(runId, kind) {
      const { data } = await entity.query.byRun({ runId, kind }).go({ pages: 'all', attributes: ['county', 'part'] });
      return data.filter((item) => item.part === 0).length;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading a county.

/** A county's registered labourers as the matching engine sees them, with their declines. */
async function countyLabourers(deps: Deps, county: string): Promise<MatchLabourer[]> {
  const { labourer, offer } = deps.db.entities;
  const [{ data: open }, { data: declined }] = await Promise.all([
    labourer.query.labourersByCounty({ homeCounty: county, status: 'registered' }).go({ pages: 'all' }),
    offer.query.offersByCounty({ county, status: 'declined' }).go({ pages: 'all', attributes: ['labourerId', 'vacancyId'] }),
  ]);
  const declinedBy = new Map<string, string[]>();
  for (const d of declined) declinedBy.set(d.labourerId!, [...(declinedBy.get(d.labourerId!) ?? []), d.vacancyId!]);
  return open.map((l) => toMatchLabourer(l, declinedBy.get(l.labourerId)));
}

/** A county's class summary against a market digest (empty when it has no registered labourer). */
export async function summariseCounty(deps: Deps, county: string, digest: MarketDigest): Promise<CountySummary> {
  const labourers = await countyLabourers(deps, county);
  const [summary] = summariseLabourers(labourers, digest, { maxClasses: MAX_CLASSES });
  return summary ?? { county, labourers: 0, classes: [], coarseness: 0 };
}

/** Runs `work` over the items with at most `limit` at a time; results in item order. */
export async function boundedPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every county of the country (GB/T 2260): a national run's default. */
export function allCounties(): string[] {
  return listPlaces()
    .filter((p) => p.level === 'county')
    .map((p) => p.code)
    .sort();
}

// ---------------------------------------------------------------------------------------------------
// The use cases.

export interface AllocateNationalInput {
  counties: readonly string[];
  /** Summaries already made (a national run's summarise step); otherwise read and made here. */
  summaries?: readonly CountySummary[];
  /** Counties summarised at a time when they are read here. */
  concurrency?: number;
}

/**
 * Level 1: the open vacancies' places split among the counties, from the counties' class summaries.
 * Reading every county here is for a handful of counties (tests, a province); the state machine
 * summarises the counties in parallel and passes the summaries.
 */
export async function allocateNational(deps: Deps, input: AllocateNationalInput): Promise<NationalAllocation> {
  const today = chinaToday(deps.clock.now());
  const vacancies = (await listOpenVacancies(deps)).filter((v) => v.remaining > 0).map(toMatchVacancy);
  const wanted = new Set(input.counties);
  const summaries =
    input.summaries?.filter((s) => wanted.has(s.county)) ??
    (await boundedPool([...wanted], input.concurrency ?? 8, (county) => summariseCounty(deps, county, marketDigest(vacancies, today))));
  return allocateNationally(summaries, vacancies, { today });
}

export interface CountyRunResult extends MatchingRunResult {
  county: string;
  /** Job places the allocation gave the county (after offers it already made since the allocation). */
  quotaPlaces: number;
}

export interface CountyWithinAllocationOptions {
  /** ISO time of the allocation: offers the county made since then already used its quotas (a retried step). */
  allocatedAt?: string;
}

/**
 * Level 2: runCountyMatching with every job capped at the county's quota (jobs without a quota left
 * out) and the county's own public-welfare posts as they are.
 */
export async function runCountyWithinAllocation(
  deps: Deps,
  county: string,
  quotas: Readonly<Record<string, number>>,
  options: CountyWithinAllocationOptions = {},
): Promise<CountyRunResult> {
  const left = new Map(Object.entries(quotas).filter(([, places]) => places > 0));
  if (options.allocatedAt !== undefined && left.size > 0) {
    const since = options.allocatedAt;
    for (const status of ['offered', 'accepted'] as const) {
      const { data } = await deps.db.entities.offer.query
        .offersByCounty({ county, status })
        .where(({ createdAt }, { gte }) => gte(createdAt, since))
        .go({ pages: 'all', attributes: ['vacancyId'] });
      for (const { vacancyId } of data) if (left.has(vacancyId!)) left.set(vacancyId!, left.get(vacancyId!)! - 1);
    }
  }
  let quotaPlaces = 0;
  for (const places of left.values()) quotaPlaces += Math.max(0, places);
  const load = async (): Promise<VacancyView[]> => {
    const { vacancy } = deps.db.entities;
    const ids = [...left].filter(([, places]) => places > 0).map(([vacancyId]) => ({ vacancyId }));
    const jobs: VacancyItem[] = [];
    for (let keys = ids, attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
      const { data, unprocessed } = await vacancy.get(keys).go();
      jobs.push(...data);
      keys = unprocessed.map((k) => ({ vacancyId: k.vacancyId }));
    }
    const { data: posts } = await vacancy.query.vacanciesByCounty({ county, kind: 'post' }).go({ pages: 'all' });
    return [
      ...jobs
        .filter((v) => v.status === 'open' && v.kind === 'job')
        .map((v) => ({ ...v, remaining: Math.min(v.remaining, left.get(v.vacancyId) ?? 0) })),
      ...posts.filter((v) => v.status === 'open'),
    ].map(toVacancyView);
  };
  const run = await runCountyMatching(deps, county, { vacancies: load });
  return { county, quotaPlaces, ...run };
}

export interface CountyFailure {
  county: string;
  error: string;
}

export interface NationalRunSummary {
  counties: number;
  succeeded: number;
  /** Counties without a result: their step failed after its retries (the run goes on without them). */
  failed: string[];
  offers: number;
  unmatched: number;
  poorPlaced: number;
  /** Offers whose place was taken meanwhile, or whose write kept conflicting. */
  skipped: number;
  quotaPlaces: number;
}

/** The counties' results added up; `counties` (the run's list) names those that gave none. */
export function summarise(results: readonly CountyRunResult[], counties: readonly string[] = results.map((r) => r.county)): NationalRunSummary {
  const done = new Set(results.map((r) => r.county));
  const sum = (pick: (r: CountyRunResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  return {
    counties: new Set(counties).size,
    succeeded: done.size,
    failed: [...new Set(counties)].filter((c) => !done.has(c)).sort(),
    offers: sum((r) => r.offers),
    unmatched: sum((r) => r.unmatched),
    poorPlaced: sum((r) => r.poorPlaced),
    skipped: sum((r) => r.skipped),
    quotaPlaces: sum((r) => r.quotaPlaces),
  };
}

// ---------------------------------------------------------------------------------------------------
// The steps of a national run (Lambda handlers and the local runner call these).

export interface NationalPlan {
  runId: string;
  createdAt: string;
  today: string;
  counties: string[];
  digest: MarketDigest;
}

/** A run id given by whoever started the run (the admin route names the execution with it); else a new one. */
export async function planStep(
  deps: Deps,
  store: RunStore,
  input: { counties?: readonly string[]; runId?: string } = {},
): Promise<{ runId: string; counties: string[] }> {
  const now = deps.clock.now();
  const today = chinaToday(now);
  const vacancies = (await listOpenVacancies(deps)).filter((v) => v.remaining > 0).map(toMatchVacancy);
  const counties = input.counties !== undefined && input.counties.length > 0 ? [...new Set(input.counties)].sort() : allCounties();
  const plan: NationalPlan = { runId: input.runId ?? deps.newId(), createdAt: now.toISOString(), today, counties, digest: marketDigest(vacancies, today) };
  await store.put(plan.runId, 'plan', '', plan);
  return { runId: plan.runId, counties };
}

async function planOf(store: RunStore, runId: string): Promise<NationalPlan> {
  const plan = await store.get<NationalPlan>(runId, 'plan', '');
  if (plan === undefined) throw new Error(`national run ${runId}: no plan`);
  return plan;
}

export interface SummariseStepResult {
  county: string;
  labourers: number;
  classes: number;
  coarseness: number;
}

export async function summariseStep(deps: Deps, store: RunStore, runId: string, county: string): Promise<SummariseStepResult> {
  const plan = await planOf(store, runId);
  const summary = await summariseCounty(deps, county, plan.digest);
  await store.put(runId, 'summary', county, summary);
  const result = { county, labourers: summary.labourers, classes: summary.classes.length, coarseness: summary.coarseness };
  // A small marker beside the summary (tens of KB): following a run counts these, not the summaries.
  await store.put(runId, 'summarised', county, result);
  return result;
}

export interface AllocateStepResult {
  runId: string;
  /** Largest first: the Map starts the longest county steps first. */
  counties: string[];
  allocatedAt: string;
  stats: AllocationStats;
  poorPlaced: number;
  totalFit: number;
  /** Counties whose summary is missing (their summarise step failed): no labourer of theirs was allocated. */
  unsummarised: string[];
}

interface QuotasArtifact {
  allocatedAt: string;
  quotas: Record<string, number>;
}

export async function allocateStep(deps: Deps, store: RunStore, runId: string): Promise<AllocateStepResult> {
  const plan = await planOf(store, runId);
  const summaries = await store.list<CountySummary>(runId, 'summary');
  const allocatedAt = deps.clock.now().toISOString();
  const allocation = await allocateNational(deps, { counties: plan.counties, summaries: [...summaries.values()] });
  await boundedPool(plan.counties, STORE_CONCURRENCY, (county) =>
    store.put(runId, 'quotas', county, { allocatedAt, quotas: allocation.quotas[county] ?? {} } satisfies QuotasArtifact),
  );
  const size = (county: string) => summaries.get(county)?.labourers ?? 0;
  return {
    runId,
    counties: [...plan.counties].sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1)),
    allocatedAt,
    stats: allocation.stats,
    poorPlaced: allocation.poorPlaced,
    totalFit: allocation.totalFit,
    unsummarised: plan.counties.filter((c) => !summaries.has(c)),
  };
}

export async function matchStep(deps: Deps, store: RunStore, runId: string, county: string): Promise<CountyRunResult> {
  const artifact = await store.get<QuotasArtifact>(runId, 'quotas', county);
  if (artifact === undefined) throw new Error(`national run ${runId}: no quotas for ${county}`);
  const result = await runCountyWithinAllocation(deps, county, artifact.quotas, { allocatedAt: artifact.allocatedAt });
  await store.put(runId, 'result', county, result);
  return result;
}

export async function summaryStep(store: RunStore, runId: string): Promise<NationalRunSummary & { runId: string }> {
  const plan = await planOf(store, runId);
  const results = await store.list<CountyRunResult>(runId, 'result');
  const summary = summarise([...results.values()], plan.counties);
  await store.put(runId, 'outcome', '', summary);
  return { runId, ...summary };
}

/** A run that failed after its plan: its outcome says so (the state machine's catch calls this). */
export async function recordRunFailure(store: RunStore, runId: string, error: string): Promise<void> {
  await store.put(runId, 'outcome', '', { runFailed: error } satisfies RunFailure);
}

interface RunFailure {
  /** The error the run stopped on. */
  runFailed: string;
}

// ---------------------------------------------------------------------------------------------------
// Starting a run on demand (POST /matching/national-runs) and following it.

function launcherOf(deps: Deps): NationalRunLauncher {
  if (deps.nationalRuns === undefined) throw new UnavailableError('此部署未配置全国匹配（national runs are not configured here）');
  return deps.nationalRuns;
}

/** The counties a deployment serves (COUNTIES); undefined when it serves the whole country. */
function deploymentCounties(): string[] | undefined {
  const listed = (optionalEnv(ENV.counties) ?? '').split(',').map((c) => c.trim()).filter((c) => /^\d{6}$/.test(c));
  return listed.length > 0 ? listed : undefined;
}

/**
 * Starts a run over the counties named; none named: those the deployment serves, as its schedule does
 * (every county of the country when it serves them all).
 */
export async function startNationalRun(deps: Deps, input: { counties?: readonly string[] }): Promise<{ runId: string; state: 'running'; counties: number }> {
  const runId = deps.newId();
  const named = input.counties !== undefined && input.counties.length > 0 ? input.counties : deploymentCounties();
  const counties = named === undefined ? undefined : [...new Set(named)].sort();
  await launcherOf(deps).start(counties === undefined ? { runId } : { runId, counties });
  return { runId, state: 'running', counties: counties?.length ?? allCounties().length };
}

export interface NationalRunStatus {
  runId: string;
  state: NationalRunState;
  /** From the run's plan, once its first step has run. */
  createdAt?: string;
  counties?: number;
  /** Counties summarised and matched so far. */
  summarised: number;
  matched: number;
  /** The counties' results added up, once the run is done. */
  summary?: NationalRunSummary;
}

/** undefined: no such run. */
export async function nationalRunStatus(deps: Deps, store: RunStore, runId: string): Promise<NationalRunStatus | undefined> {
  const [plan, outcome, summarised, matched, launched] = await Promise.all([
    store.get<NationalPlan>(runId, 'plan', ''),
    store.get<NationalRunSummary | RunFailure>(runId, 'outcome', ''),
    store.count(runId, 'summarised'),
    store.count(runId, 'result'),
    // A scheduled run's execution has a name of its own: the launcher does not know it by run id.
    deps.nationalRuns?.state(runId) ?? Promise.resolve(undefined),
  ]);
  if (plan === undefined && launched === undefined) return undefined;
  const failed = outcome !== undefined && 'runFailed' in outcome;
  return {
    runId,
    state: launched ?? (outcome === undefined ? 'running' : failed ? 'failed' : 'succeeded'),
    ...(plan !== undefined ? { createdAt: plan.createdAt, counties: plan.counties.length } : {}),
    summarised,
    matched,
    ...(outcome !== undefined && !failed ? { summary: outcome } : {}),
  };
}
