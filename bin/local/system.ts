// The whole system on one machine: DynamoDB Local, the table, the `api` handler behind an HTTP server,
// the stream poller feeding the notifier, and the scheduled jobs as timers. Used by `npm start` and tests.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { APIGatewayProxyStructuredResultV2, DynamoDBBatchResponse } from 'aws-lambda';
import { ENV } from '../../functions/config/env.js';
import { LOCAL_AWS_ENV, ensureTable, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import { fakeContext, readBody, toApiEvent, writeResult } from './http-adapter.js';
import { setSimulatedClock } from './sim-clock.js';
import { setFailingNumber } from './sms-fail.js';
import { simulateSms } from './sms-simulator.js';
import { servePage } from './static-pages.js';
import { startStreamPoller, type StreamPoller } from './stream-poller.js';

export interface LocalSystemOptions {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Keep data here (DynamoDB files and the local ID-hash secret); undefined = in memory. */
  dataDir?: string;
  /** Use an already running DynamoDB Local instead of starting one (tests share one per run). */
  dynamodbEndpoint?: string;
  tableName?: string;
  /** Print each SMS to the console. */
  printSms?: boolean;
  /** Run the scheduled jobs as timers. */
  schedules?: boolean;
  /**
   * Quiet hours (SMS_QUIET_HOURS: `21-8`, `off`). Off unless given: tests and demos run at any hour and
   * expect their SMS at once; `npm start` passes 21-8 (or SMS_QUIET_HOURS), as deployed.
   */
  quietHours?: string;
  /** The local sink reports delivery receipts (npm start does; POST /sim/sms-fail turns them on too). */
  smsReceipts?: boolean;
  /**
   * An OAuth sign-in for the pages instead of dev tokens (tests of the deployed sign-in flow): a user
   * pool's hosted sign-in (`domain`), or any OIDC provider's endpoints and the claims it puts role and scope in.
   */
  signIn?: { clientId: string; domain: string } | { clientId: string; oidc: LocalOidcSignIn };
}

export interface LocalOidcSignIn {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
  scope?: string;
  claims?: { role: string; county: string; employerId: string };
}

/** The environment the api reads a sign-in from, as the stack sets it for each profile. */
function signInEnvironment(signIn: LocalSystemOptions['signIn']): Record<string, string> {
  if (!signIn) return {};
  if ('domain' in signIn) return { [ENV.signInDomain]: signIn.domain, [ENV.signInClientId]: signIn.clientId };
  const { oidc } = signIn;
  const env: Record<string, string | undefined> = {
    [ENV.signInClientId]: signIn.clientId,
    [ENV.oidcAuthorizationEndpoint]: oidc.authorizationEndpoint,
    [ENV.oidcTokenEndpoint]: oidc.tokenEndpoint,
    [ENV.oidcEndSessionEndpoint]: oidc.endSessionEndpoint,
    [ENV.oidcScopes]: oidc.scope,
    [ENV.roleClaim]: oidc.claims?.role,
    [ENV.countyClaim]: oidc.claims?.county,
    [ENV.employerClaim]: oidc.claims?.employerId,
  };
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Where the pages fetch tokens (their content security policy names it). */
function signInOrigin(signIn: LocalSystemOptions['signIn']): string | undefined {
  if (!signIn) return undefined;
  return 'domain' in signIn ? signIn.domain : new URL(signIn.oidc.tokenEndpoint).origin;
}

export interface LocalSystem {
  url: string;
  tableName: string;
  dynamodbEndpoint: string;
  /** Waits until every outbox message written so far has gone through the notifier. */
  flushOutbox(): Promise<void>;
  stop(): Promise<void>;
}

/** Deployed, the schedule's input names the counties (context `counties`); locally COUNTIES does. */
const localCounties = () => ({ counties: (process.env[ENV.counties] ?? '').split(',').filter(Boolean) });

/** Deployed schedules (lib/constructs/jobs.ts), run here as timers with the same inputs. */
type Job = { name: string; everyMs: number; input: () => unknown; load: () => Promise<{ handler: (event: never) => Promise<unknown> }> };
const JOBS: Job[] = [
  {
    name: 'matcher',
    everyMs: 60 * 60_000,
    input: localCounties,
    load: () => import('../../functions/handlers/matcher.js'),
  },
  { name: 'offer-expiry', everyMs: 15 * 60_000, input: () => ({}), load: () => import('../../functions/handlers/offer-expiry.js') },
  { name: 'follow-up', everyMs: 24 * 60 * 60_000, input: localCounties, load: () => import('../../functions/handlers/follow-up.js') },
];

function localIdHashSecret(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'id-hash.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

function jsonResult(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/** undefined for a body that is not JSON: the simulator then names the missing fields. */
function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  let dynamodbLocal: DynamoDbLocal | undefined;
  const endpoint =
    options.dynamodbEndpoint ??
    (dynamodbLocal = await startDynamoDbLocal({ dbPath: options.dataDir && join(options.dataDir, 'dynamodb') })).endpoint;
  const tableName = options.tableName ?? 'chunfeng-local';

  // The handlers read their configuration at import time, exactly as in Lambda: set it first.
  Object.assign(process.env, LOCAL_AWS_ENV, {
    DYNAMODB_ENDPOINT: endpoint,
    [ENV.tableName]: tableName,
    [ENV.idHashSecret]: process.env[ENV.idHashSecret] ?? localIdHashSecret(options.dataDir),
    [ENV.smsSink]: 'local',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    ...signInEnvironment(options.signIn),
    [ENV.smsQuietHours]: options.quietHours ?? 'off',
  });
  // POST /matching/national-runs runs the national steps here, as bin/local/national-run.ts does.
  // A large poverty-list import runs the jobs worker's code here (functions/adapters/job-launcher.ts).
  const [{ inProcessNationalRuns }, { inProcessLauncher }, { inProcessJobs }, { inProcessJobLauncher }, { depsFromEnv }] = await Promise.all([
    import('../../functions/adapters/national-run-launcher.js'),
    import('./national-run.js'),
    import('../../functions/adapters/job-launcher.js'),
    import('./background-jobs.js'),
    import('../../functions/services/deps.js'),
  ]);
  const nationalRuns = inProcessLauncher(depsFromEnv());
  inProcessNationalRuns.launcher = nationalRuns;
  const backgroundJobs = inProcessJobLauncher(depsFromEnv());
  inProcessJobs.launcher = backgroundJobs;
  const credentials = { accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY };
  const dynamodb = new DynamoDBClient({ endpoint, region: LOCAL_AWS_ENV.AWS_REGION, credentials });
  await ensureTable(dynamodb, tableName);

  const [{ handler: api }, { handler: notifier }, { handler: smsInbound }, { localSmsSink }] = await Promise.all([
    import('../../functions/handlers/api.js'),
    import('../../functions/handlers/notifier.js'),
    import('../../functions/handlers/sms-inbound.js'),
    import('../../functions/adapters/local-sms-sink.js'),
  ]);
  localSmsSink.print = options.printSms ?? true;
  localSmsSink.receipts = options.smsReceipts ?? false;
  const { recordSmsReceipts } = await import('../../functions/services/record-sms-receipts.js');
  const receiptDeps = depsFromEnv();

  const streams = new DynamoDBStreamsClient({ endpoint, region: LOCAL_AWS_ENV.AWS_REGION, credentials });
  const poller: StreamPoller = await startStreamPoller({
    dynamodb,
    streams,
    tableName,
    consume: (event) => notifier(event, fakeContext('notifier')) as Promise<DynamoDBBatchResponse>,
    onError: (error) => console.error('stream poller:', error),
  });

  const runJob = (job: Job) => job.load().then((m) => m.handler(job.input() as never));
  const timers = options.schedules
    ? JOBS.map((job) => setInterval(() => void runJob(job).catch((error) => console.error(`job ${job.name}:`, error)), job.everyMs).unref())
    : [];
  /** Sends what the outbox holds, then records the local sink's receipts of it (as carriers report them). */
  const flushOutbox = async () => {
    await poller.drain();
    const receipts = localSmsSink.takeReceipts();
    if (receipts.length > 0) await recordSmsReceipts(receiptDeps, receipts);
  };
  /** Every scheduled job once, in order, then whatever SMS they wrote is sent. */
  const runJobsOnce = async () => {
    for (const job of JOBS) await runJob(job);
    await flushOutbox();
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        if (await servePage(req, res, { signInOrigin: signInOrigin(options.signIn) })) return;
        const body = await readBody(req);
        if (req.method === 'POST' && req.url?.split('?')[0] === '/sim/clock') {
          const simulated = await setSimulatedClock(parseJson(body), () => runJobsOnce());
          return writeResult(res, jsonResult(simulated.status, simulated.body));
        }
        if (req.method === 'POST' && req.url?.split('?')[0] === '/sim/sms-fail') {
          const simulated = setFailingNumber(parseJson(body), localSmsSink);
          return writeResult(res, jsonResult(simulated.status, simulated.body));
        }
        if (req.method === 'POST' && req.url?.split('?')[0] === '/sim/sms') {
          const simulated = await simulateSms(parseJson(body), {
            smsInbound,
            context: fakeContext('sms-inbound'),
            flushOutbox,
            delivered: localSmsSink.delivered,
          });
          return writeResult(res, jsonResult(simulated.status, simulated.body));
        }
        const result = await api(toApiEvent(req, body) as never, fakeContext('api'));
        writeResult(res, result as APIGatewayProxyStructuredResultV2);
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode ?? 500;
        if (status >= 500) console.error('local http:', error);
        const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL';
        const result = jsonResult(status, { error: { code, message: status === 413 ? '请求体超过 6 MB' : '服务器内部错误', details: [] } });
        // After a refused body the connection is not reused: the client starts afresh.
        if (status === 413) result.headers = { ...result.headers, connection: 'close' };
        writeResult(res, result);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    url: `http://localhost:${port}`,
    tableName,
    dynamodbEndpoint: endpoint,
    flushOutbox,
    async stop() {
      timers.forEach(clearInterval);
      // A national run or background job under way gets a few seconds to finish.
      await Promise.race([
        Promise.all([nationalRuns.settled(), backgroundJobs.settled()]),
        new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
      ]);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await poller.stop();
      dynamodb.destroy();
      streams.destroy();
      await dynamodbLocal?.stop();
    },
  };
}
