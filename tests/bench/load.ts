// Load on the local HTTP API (loopback only, bounded in time): the whole system runs in a child process
// (`npm start -- --memory`, DynamoDB Local behind it) and autocannon registers distinct labourers (assisted), then
// sends distinct SMS registrations to POST /sim/sms. Reports throughput, p99 latency and errors.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { freePort } from '../../bin/local/dynamodb-local.js';
import { idNumberChecksum } from '../../functions/domain/id-number.js';

export interface LoadFigures {
  registrationsPerSecond: number;
  p99Ms: number;
  errors: number;
  sms: { perSecond: number; p99Ms: number; errors: number };
}

const SECONDS = 8;
const CONNECTIONS = 8;

/** The n-th distinct labourer: a checksum-valid ID number and a mobile nobody else uses. */
function person(n: number, salt: number) {
  const day = new Date(Date.UTC(1970, 0, 1) + (n % 10_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `510822${day}${String(Math.floor(n / 10_000) % 1000).padStart(3, '0')}`;
  return { idNumber: first17 + idNumberChecksum(first17), phone: `13${salt}${String(n).padStart(8, '0')}` };
}

async function run(url: string, path: string, body: (n: number) => unknown, headers: Record<string, string> = {}) {
  let n = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(body(n++)) }),
      },
    ],
  });
  return {
    perSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export async function measureLoad(): Promise<LoadFigures> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'bin/local.ts', '--memory', '--quiet', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    detached: true,
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error('the local system exited before it was ready');
      if (i > 600) throw new Error('the local system did not become ready in 60 s');
      if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
      await sleep(100);
    }
    // As a coordinator registering at the office: a public registration needs the SMS code of its phone
    // (one a minute per phone), which a load test could only fake by reading the codes back.
    const web = await run(
      url,
      '/labourers',
      (n) => ({ name: '王立学', ...person(n, 7), skills: ['泥瓦工'], destinations: ['3305'], expectedWage: 4500, consent: true }),
      { authorization: 'Bearer dev:coordinator:510822' },
    );
    // The registrations' welcome SMS are still queued in the stream; one simulated SMS waits for them.
    await fetch(`${url}/sim/sms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '13700000000', text: 'CX' }) });
    const sms = await run(url, '/sim/sms', (n) => {
      const p = person(n + 500_000, 8);
      return { from: p.phone, text: `报名 李芳 ${p.idNumber} 缝纫工 东莞 4500`, messageId: `load-${n}` };
    });
    return { registrationsPerSecond: web.perSecond, p99Ms: web.p99Ms, errors: web.errors, sms };
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await measureLoad()));
}
