// A county through the real local system (DESIGN §8 `countyRun`): DynamoDB Local, the api handler behind
// HTTP, the in-process jobs worker, the stream poller and the notifier into the local SMS sink — the code
// that runs in Lambda. The synthetic county of the matching bench (default 100,000 labourers, 400
// postings / 10,000 openings) is seeded straight into the table with batch writes through the entities
// (tests/helpers/seed-county.ts: no registration API, no guards, no welcome SMS — seeding is not what is
// measured). Then POST /matching/runs (202, a background job), GET /matching/runs/{id} until done, and
// the local SMS sink until every offer SMS has arrived. Reports offers written per second (the write
// phase: from the solved plan to the run's end), seconds to the run's end, seconds to the last offer SMS,
// the process's peak RSS while the job ran, and the deployed estimate for 465,000 × 50,000 with its formula.
// `npx tsx tests/bench/county-run.ts [--labourers 100000] [--openings 10000]` prints the JSON.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_AWS_ENV, startDynamoDbLocal } from '../../bin/local/dynamodb-local.js';
import { startLocalSystem } from '../../bin/local/system.js';
import { localSmsSink } from '../../functions/adapters/local-sms-sink.js';
import { newId } from '../../functions/adapters/ids.js';
import { hmacIdHasher } from '../../functions/adapters/id-hasher.js';
import { DEFAULT_SMS_SEND_RATE, ENV } from '../../functions/config/env.js';
import { chinaToday } from '../../functions/domain/calendar.js';
import { createDb } from '../../functions/store/db.js';
import { apiClient } from '../helpers/local-api.js';
import { seedSyntheticCounty } from '../helpers/seed-county.js';
import { HOME_COUNTY } from '../unit/matching/synthetic-county.js';

export interface CountyRunFigures {
  labourers: number;
  openings: number;
  offers: number;
  /** Offers written a second in the write phase (8 transactions at a time, run-matching.ts). */
  offersPerSecond: number;
  /** From POST /matching/runs to the run's end (every offer written, the unmatched recorded). */
  seconds: number;
  /** From POST to the plan solved: loading the county from the table and matching it. */
  solveSeconds: number;
  /** From POST to the last offer SMS in the local sink. */
  lastSmsSeconds: number;
  /** The send rate the notifier is configured with (SMS a second). */
  smsRate: number;
  /** Whether the local notifier held to that rate (else lastSmsSeconds is offers ÷ rate after the first offer, computed). */
  smsRateMeasured: boolean;
  peakRssMb: number;
  seedSeconds: number;
  estimatedDeployedSeconds: number;
  formula: string;
}

/** SMS a second the notifier sends (SMS_SEND_RATE, as configured; its default when unset). */
const SMS_RATE = Number(process.env[ENV.smsSendRate] ?? DEFAULT_SMS_SEND_RATE);
/** Deployed write rate: 8 offer transactions at a time (run-matching.ts), ~25 ms each on DynamoDB (4 items). */
const DEPLOYED_WRITERS = 8;
const DEPLOYED_TRANSACTION_MS = 25;
/** matchCounty at 465,000 × 50,000 (the matching bench, DESIGN §8: measured 4.4 s on this machine). */
const DEPLOYED_SOLVE_SECONDS = 4.4;
/** Reading 465,000 labourers (~0.6 KB each, 1 MB a query page, ~30 ms a page): ~280 pages. */
const DEPLOYED_LOAD_SECONDS = Math.ceil((465_000 * 0.6) / 1024) * 0.03;

const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const say = (line: string) => process.stderr.write(`county-run ${new Date().toISOString()} ${line}\n`);

/**
 * GET, tried again on a network error: the worker runs in this process, and while it solves, the event
 * loop is busy — a keep-alive connection the server closes just then is reset (ECONNRESET), not an answer.
 */
async function getAgain<T>(api: ReturnType<typeof apiClient>, path: string, token: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await api<T>('GET', path, { token })).body;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export async function measureCountyRun(options: { labourers?: number; openings?: number } = {}): Promise<CountyRunFigures> {
  const labourers = options.labourers ?? 100_000;
  const openings = options.openings ?? 10_000;
  // A county this big sends more offers in a day than the default daily SMS budget (5,000) lets through:
  // its deployment sets a budget to match (CDK context smsDailyBudgetPerCounty), and so does the bench.
  process.env[ENV.smsDailyBudgetPerCounty] ??= String(Math.max(10_000, openings * 2));
  const dynamodb = await startDynamoDbLocal();
  const tableName = 'county-run';
  const system = await startLocalSystem({ port: 0, dynamodbEndpoint: dynamodb.endpoint, tableName, printSms: false, schedules: false });
  const client = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: LOCAL_AWS_ENV.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    const deps = { db: createDb(client, tableName), hasher: hmacIdHasher('bench'), clock: { now: () => new Date() }, newId };
    const seeding = performance.now();
    say(`seeding ${labourers} labourers, ${openings} openings`);
    const seeded = await seedSyntheticCounty(deps, { labourers, postings: Math.max(1, Math.round(openings / 25)), openings, seed: 2020 }, chinaToday(new Date()));
    const seedSeconds = (performance.now() - seeding) / 1000;
    say(`seeded in ${round(seedSeconds)} s`);
    await system.flushOutbox();
    say('stream drained; POST /matching/runs');

    const api = apiClient(system.url);
    const token = `dev:coordinator:${HOME_COUNTY}`;
    const smsBefore = localSmsSink.delivered.length;
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
    const t0 = performance.now();
    const started = await api('POST', '/matching/runs', { token, json: { county: HOME_COUNTY } });
    if (started.status !== 202) throw new Error(`POST /matching/runs answered ${started.status}: ${JSON.stringify(started.body)}`);
    let solvedAt: number | undefined;
    let run: { state: string; offers?: number; total: number } = { state: 'running', total: 0 };
    while (run.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = await getAgain(api, `/matching/runs/${started.body.runId}`, token);
      if (solvedAt === undefined && run.total > 0) {
        solvedAt = performance.now();
        say(`solved: ${run.total} offers to write`);
      }
    }
    const doneAt = performance.now();
    if (run.state !== 'done') throw new Error(`the run ended ${run.state}`);
    const offers = run.offers ?? 0;
    say(`run done: ${offers} offers; waiting for their SMS`);
    // Every offer SMS through the stream and the notifier into the sink.
    const offerSms = () => localSmsSink.delivered.slice(smsBefore).filter((m) => m.template === 'offer');
    const smsDeadline = Date.now() + (offers / SMS_RATE) * 2000 + 600_000;
    while (offerSms().length < offers && Date.now() < smsDeadline) await new Promise((resolve) => setTimeout(resolve, 500));
    const sent = offerSms();
    clearInterval(sampler);
    const postedAt = Date.now() - (performance.now() - t0);
    const lastSentAt = Math.max(...sent.map((m) => Date.parse(m.sentAt)));
    const firstSentAt = Math.min(...sent.map((m) => Date.parse(m.sentAt)));
    const measuredSms = (lastSentAt - postedAt) / 1000;
    // The local notifier held to the configured rate when its SMS came no faster than it.
    const smsRateMeasured = sent.length === offers && sent.length / Math.max(0.001, (lastSentAt - firstSentAt) / 1000) <= SMS_RATE * 1.1;
    const solveSeconds = ((solvedAt ?? doneAt) - t0) / 1000;
    const writeSeconds = (doneAt - (solvedAt ?? t0)) / 1000;
    const lastSmsSeconds = smsRateMeasured ? measuredSms : Math.max(measuredSms, (firstSentAt - postedAt) / 1000 + offers / SMS_RATE);

    // Deployed, 465,000 × 50,000: offers in the same proportion to openings as here.
    const deployedOffers = Math.round((offers / seeded.openings) * 50_000);
    const writeRate = (DEPLOYED_WRITERS * 1000) / DEPLOYED_TRANSACTION_MS;
    const workerSeconds = DEPLOYED_LOAD_SECONDS + DEPLOYED_SOLVE_SECONDS + deployedOffers / writeRate;
    const estimate = DEPLOYED_LOAD_SECONDS + DEPLOYED_SOLVE_SECONDS + Math.max(deployedOffers / writeRate, deployedOffers / SMS_RATE);
    const formula =
      `T ≈ load + solve + max(offers ÷ W, offers ÷ R) = ${round(DEPLOYED_LOAD_SECONDS)} s (465,000 × 0.6 KB in 1 MB pages at 30 ms) + ` +
      `${DEPLOYED_SOLVE_SECONDS} s (matching bench) + max(${deployedOffers} ÷ ${writeRate}/s (${DEPLOYED_WRITERS} transactions at ${DEPLOYED_TRANSACTION_MS} ms), ` +
      `${deployedOffers} ÷ ${SMS_RATE}/s (SMS_SEND_RATE)) — the notifier sends while offers are written; the worker's part ` +
      `(${Math.round(workerSeconds)} s) takes ${Math.ceil(workerSeconds / 780)} turn(s) of 13 min`;
    return {
      labourers: seeded.labourers,
      openings: seeded.openings,
      offers,
      offersPerSecond: Math.round(offers / writeSeconds),
      seconds: round((doneAt - t0) / 1000),
      solveSeconds: round(solveSeconds),
      lastSmsSeconds: round(lastSmsSeconds),
      smsRate: SMS_RATE,
      smsRateMeasured,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      seedSeconds: round(seedSeconds),
      estimatedDeployedSeconds: Math.round(estimate),
      formula,
    };
  } finally {
    client.destroy();
    await system.stop();
    await dynamodb.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { labourers: { type: 'string' }, openings: { type: 'string' } } });
  const figures = await measureCountyRun({
    ...(values.labourers ? { labourers: Number(values.labourers) } : {}),
    ...(values.openings ? { openings: Number(values.openings) } : {}),
  });
  console.log(JSON.stringify(figures));
}
