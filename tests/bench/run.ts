// `npm run bench [-- --json]`: the performance figures of DESIGN §8. Figures whose feature has not
// landed yet are printed as null ("not yet"), never invented.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_AWS_ENV, startDynamoDbLocal } from '../../bin/local/dynamodb-local.js';
import { measureColdStart } from './cold-start.js';
import type { CountyRunFigures } from './county-run.js';
import { measureLoad } from './load.js';
import type { MatchingFigures } from './matching.js';
import { measureNational } from './national.js';
import { measureRegistrationCost } from './registration-cost.js';
import { measureSmsParse } from './sms-parse.js';
import { measureTransport } from './transport.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

async function registrationFigures() {
  const dynamodb = await startDynamoDbLocal();
  const client = new DynamoDBClient({
    endpoint: dynamodb.endpoint,
    region: LOCAL_AWS_ENV.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    return await measureRegistrationCost(client);
  } finally {
    client.destroy();
    await dynamodb.stop();
  }
}

/**
 * The matching figures in a process of their own, as the matcher Lambda has: its time and peak RSS
 * are then the county run's alone, not the heap and garbage the other benches leave behind.
 */
async function matchingFigures(): Promise<MatchingFigures> {
  const script = fileURLToPath(new URL('./matching.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as MatchingFigures;
}

/**
 * A county through the real local system (county-run.ts), in a process of its own: its peak RSS is the
 * system's and the job's, not the other benches'. Long (~100,000 labourers seeded, ~7,000 offers SMS at
 * the configured rate): COUNTY_RUN_LABOURERS / COUNTY_RUN_OPENINGS make it smaller.
 */
async function countyRunFigures(): Promise<CountyRunFigures> {
  const script = fileURLToPath(new URL('./county-run.ts', import.meta.url));
  const size = [
    ...(process.env.COUNTY_RUN_LABOURERS ? ['--labourers', process.env.COUNTY_RUN_LABOURERS] : []),
    ...(process.env.COUNTY_RUN_OPENINGS ? ['--openings', process.env.COUNTY_RUN_OPENINGS] : []),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...size], {
    maxBuffer: 1 << 20,
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as CountyRunFigures;
}

const registration = await registrationFigures();
const smsParse = await measureSmsParse();
const { matching, matchingQuality, matchingSmall, matching2x } = await matchingFigures();
const transport = await measureTransport();
// The cold-start bench synthesizes the bundles; their sizes are reported from the same build.
const coldStart = await measureColdStart();
const bundles = coldStart.handlers;
const load = await measureLoad();
const { formula: nationalFormula, ...national } = await measureNational();
const { formula: countyRunFormula, ...countyRun } = await countyRunFigures();

const report = {
  matching,
  matchingQuality,
  matchingSmall,
  matching2x,
  transport,
  smsParse,
  registration: {
    writeUnits: registration.writeUnits,
    items: registration.items,
    localConsumedCapacity: registration.localConsumedCapacity,
    verificationWriteUnits: registration.verificationWriteUnits,
  },
  coldStart,
  bundles: { maxKb: Math.max(...bundles.map((b) => b.kb)), each: Object.fromEntries(bundles.map((b) => [b.name, b.kb])) },
  national,
  load,
  countyRun,
};

const TARGETS: Record<string, string> = {
  'registration.writeUnits': '≤ 8',
  'registration.verificationWriteUnits': '≤ 4',
  'matching.seconds': '≤ 2.5',
  'matching.rssMb': '≤ 1536',
  'matchingQuality.ratioToLp': '≥ 0.999',
  'matchingSmall.seconds': '≤ 0.2',
  'matching2x.seconds': '≤ 6',
  'transport.seconds': '≤ 5',
  'smsParse.perSecond': '≥ 20000',
  'national.estimatedWallSeconds': '≤ 900',
  'load.errors': '= 0',
  'transport.groupsAtLowerBound': '≥ 0.98',
};

if (values.json) {
  console.log(JSON.stringify(report));
} else {
  const rows: string[][] = [];
  const flatten = (prefix: string, figures: object) => {
    for (const [name, value] of Object.entries(figures)) {
      const key = `${prefix}.${name}`;
      if (typeof value === 'object' && value !== null) flatten(key, value);
      else rows.push([key, value === null ? 'not yet' : String(value), TARGETS[key] ?? (/^coldStart\.handlers\.\d+\.ratio$/.test(key) ? '≤ 1.5' : '')]);
    }
  };
  for (const [group, figures] of Object.entries(report)) flatten(group, figures);
  rows.push(['national.formula', nationalFormula, '']);
  rows.push(['countyRun.formula', countyRunFormula, '']);
  const width = Math.max(...rows.map((r) => r[0]!.length));
  console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(12)}  target`);
  for (const [key, value, target] of rows) console.log(`${key!.padEnd(width)}  ${value!.padStart(12)}  ${target}`);
}
