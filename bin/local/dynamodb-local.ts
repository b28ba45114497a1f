// DynamoDB Local from the jar that `amplify-dynamodb-simulator` ships: started on a free port, stopped with us
// (even when we are killed).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { takeDataLock } from './data-lock.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '../../functions/store/table.js';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** DynamoDB Local ignores credentials, but the SDK wants some. */
export const LOCAL_AWS_ENV = {
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'Java 17+ is needed to run DynamoDB Local. Install it (Debian/Ubuntu: `apt-get install -y openjdk-17-jre-headless`) and try again.',
    );
  }
  const version = /version "(\d+)/.exec(probe.stderr)?.[1];
  if (version && Number(version) < 17) throw new Error(`DynamoDB Local needs Java 17 or newer; found Java ${version}.`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function emulatorDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

/**
 * DynamoDB Local runs under a tiny shell watchdog that reads our end of a pipe: when this process dies,
 * however (even SIGKILL), the pipe closes and the watchdog stops Java. Without it a killed `npm start`
 * left DynamoDB Local running, and the next start opened the same files twice.
 */
const WATCHDOG = '"$@" </dev/null & pid=$!; echo "$pid"; while read -r _; do :; done; kill "$pid" 2>/dev/null; wait "$pid"';

/** `dbPath` keeps data on disk; without it the store lives in memory and dies with the process. */
export async function startDynamoDbLocal(options: { dbPath?: string; port?: number } = {}): Promise<DynamoDbLocal> {
  assertJava();
  const port = options.port ?? (await freePort());
  const dir = emulatorDir();
  // The jar runs in its own folder (it finds its native libraries there), so a relative path would be
  // resolved against that folder: "Invalid directory for database creation".
  const dbPath = options.dbPath && resolve(options.dbPath);
  const storage = dbPath ? ['-dbPath', dbPath] : ['-inMemory'];
  const lock = dbPath ? takeDataLock(dbPath) : undefined;
  const java = ['java', `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, '-jar', join(dir, 'DynamoDBLocal.jar'), ...storage, '-disableTelemetry', '-port', String(port)];
  const child: ChildProcess = spawn('sh', ['-c', WATCHDOG, 'dynamodb-local', ...java], {
    // Its own process group: Ctrl-C reaches us first, and we stop it after the stream poller.
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const killOnExit = () => killGroup('SIGKILL');
  process.once('exit', killOnExit);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const javaPid = new Promise<number>((resolvePid) => child.stdout?.once('data', (chunk: Buffer) => resolvePid(Number.parseInt(chunk.toString(), 10))));
  void javaPid.then((pid) => lock?.record(pid));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_AWS_ENV.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const deadline = Date.now() + 30_000;
  const fail = (message: string): never => {
    killGroup('SIGKILL');
    lock?.release();
    throw new Error(message);
  };
  for (;;) {
    if (child.exitCode !== null) fail(`DynamoDB Local exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) fail(`DynamoDB Local did not answer on ${endpoint} within 30 s: ${stderr.trim()}`);
      await sleep(100);
    }
  }
  client.destroy();
  await javaPid;
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((resolveStop) => {
        process.off('exit', killOnExit);
        const done = () => {
          lock?.release();
          resolveStop();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        // Closing the pipe is the watchdog's signal, exactly as when we die.
        child.stdin?.end();
        setTimeout(() => killGroup('SIGKILL'), 3000).unref();
      }),
  };
}

/** Creates the one table from the shared definition unless it is already there. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  }
}
