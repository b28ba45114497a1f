// Cold start (DESIGN §8): how long importing each Lambda's bundle takes, against the floor — a bundle
// that only constructs the AWS SDK's DynamoDB document client, as every function here does. Bundles are
// the ones CDK builds (bundle-sizes.ts synthesizes the stack with bundling); each import runs in a fresh
// `node` with the function's own environment (tokens replaced by dummies), the floor interleaved with
// the handlers round by round so machine noise hits both alike; the median of N runs is reported.
// Standalone: `npx tsx tests/bench/cold-start.ts [runs]` prints the JSON.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { PROJECT_ROOT, RUNTIME_PROVIDED_MODULES } from '../../lib/constructs/lambda-function.js';
import { synthesizeBundles } from './bundle-sizes.js';

export interface ColdStartFigure {
  name: string;
  /** Median import time of the bundle in a fresh process, ms. */
  ms: number;
  /** ms / floorMs: the target is ≤ 1.5. */
  ratio: number;
  /** Median CPU time of the import (user + system, all threads), ms: steadier than ms on a busy machine. */
  cpuMs: number;
  /** cpuMs / floorCpuMs. */
  cpuRatio: number;
  /** Size of the bundle's own code (index.mjs and any chunk beside it; installed node_modules excluded), KB. */
  kb: number;
}

export interface ColdStart {
  floorMs: number;
  floorCpuMs: number;
  handlers: ColdStartFigure[];
}

/** What a Lambda with nothing of ours would do at init: construct the document client. */
const FLOOR_SOURCE = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async () => documentClient.config.region();
`;

/** Environment every Lambda gets from the runtime, then dummies for what the template resolves at deploy. */
const RUNTIME_ENV = {
  AWS_REGION: 'ap-southeast-1',
  AWS_DEFAULT_REGION: 'ap-southeast-1',
  AWS_LAMBDA_FUNCTION_NAME: 'cold-start-bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

function dummyFor(name: string): string {
  if (name.endsWith('_ARN')) return 'arn:aws:states:ap-southeast-1:123456789012:stateMachine:bench';
  if (name.endsWith('_URL')) return 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/bench';
  if (name.endsWith('_URI')) return 'https://example.com/jwks.json';
  return 'bench';
}

function envOf(variables: Record<string, unknown>): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...RUNTIME_ENV };
  for (const [name, value] of Object.entries(variables)) env[name] = typeof value === 'string' ? value : dummyFor(name);
  return env;
}

/** Own code of a bundle directory: every .mjs outside node_modules. */
function ownKb(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && entry.name.endsWith('.mjs') && !path.includes('node_modules')) bytes += statSync(path).size;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}

const IMPORT_SCRIPT = [
  'const c = process.cpuUsage(); const t = performance.now();',
  'await import(process.argv[1]);',
  'const d = process.cpuUsage(c); console.log(performance.now() - t, (d.user + d.system) / 1000);',
].join(' ');

interface Sample {
  ms: number;
  cpuMs: number;
}

async function importTime(file: string, env: Record<string, string>): Promise<Sample> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', IMPORT_SCRIPT, pathToFileURL(file).href], {
    env,
    maxBuffer: 1 << 20,
  });
  const [ms, cpuMs] = (stdout.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  if (!Number.isFinite(ms) || !Number.isFinite(cpuMs)) throw new Error(`No time from ${file}: ${stdout}`);
  return { ms: ms!, cpuMs: cpuMs! };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

export async function measureColdStart(runs = 7): Promise<ColdStart> {
  const root = mkdtempSync(join(tmpdir(), 'chunfeng-cold-start-'));
  try {
    // Bare imports the bundles leave out (the runtime's AWS SDK) resolve from the project's node_modules.
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    const bundles = synthesizeBundles(join(root, 'cdk.out'));
    const floorDir = join(root, 'floor');
    mkdirSync(floorDir);
    writeFileSync(join(floorDir, 'entry.mjs'), FLOOR_SOURCE);
    // The house bundling options (lib/constructs/lambda-function.ts), as CDK passes them to esbuild.
    await build({
      entryPoints: [join(floorDir, 'entry.mjs')],
      outfile: join(floorDir, 'index.mjs'),
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'esm',
      mainFields: ['module', 'main'],
      banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
      minify: true,
      sourcemap: true,
      sourcesContent: false,
      charset: 'utf8',
      external: [...RUNTIME_PROVIDED_MODULES],
      logLevel: 'warning',
    });
    const apiEnv = bundles.find((b) => b.name === 'api')?.environment ?? {};
    const targets = [
      { name: 'floor', file: join(floorDir, 'index.mjs'), env: envOf({ NODE_OPTIONS: apiEnv.NODE_OPTIONS ?? '' }) },
      ...bundles.map((b) => ({ name: b.name, file: join(b.dir, 'index.mjs'), env: envOf(b.environment) })),
    ];
    const times = new Map<string, Sample[]>(targets.map((t) => [t.name, []]));
    // One warm-up round fills the OS file cache, as the Lambda's own image would be by then.
    for (let round = -1; round < runs; round++) {
      for (const target of targets) {
        const sample = await importTime(target.file, target.env);
        if (round >= 0) times.get(target.name)!.push(sample);
      }
    }
    const medians = (name: string) => {
      const samples = times.get(name)!;
      return { ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)) };
    };
    const floor = medians('floor');
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    return {
      floorMs: round1(floor.ms),
      floorCpuMs: round1(floor.cpuMs),
      handlers: bundles.map((b) => {
        const { ms, cpuMs } = medians(b.name);
        return {
          name: b.name,
          ms: round1(ms),
          ratio: ratio(ms, floor.ms),
          cpuMs: round1(cpuMs),
          cpuRatio: ratio(cpuMs, floor.cpuMs),
          kb: ownKb(b.dir),
        };
      }),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = Number(process.argv[2] ?? 7);
  console.log(JSON.stringify(await measureColdStart(runs), null, 2));
}
