// `npm start` as a newcomer runs it: the persisted local system (no --memory) in a data folder of its
// own, in a child process, started, stopped and started again; killed outright, it leaves nothing behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bin/local/dynamodb-local.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

const dataDir = mkdtempSync(join(tmpdir(), 'chunfeng-start-'));
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** bin/local.ts without the page build: plain Node with tsx's loader, as one process we can kill. */
async function start(): Promise<Started> {
  const port = await freePort();
  // A relative folder, as `.local` is: DynamoDB Local runs in the jar's folder, and once resolved it there.
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/local.ts', '--data-dir', relative(process.cwd(), dataDir), '--port', String(port), '--quiet'], {
    env: { ...process.env, COUNTIES: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 45_000;
  while (!output.includes('is ready at')) {
    if (child.exitCode !== null) throw new Error(`bin/local.ts exited (${child.exitCode}): ${output}`);
    if (Date.now() > deadline) throw new Error(`bin/local.ts was not ready within 45 s: ${output}`);
    await sleep(100);
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

async function stopGracefully({ child }: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

function ownerLock(): { pid: number; javaPid?: number } {
  return JSON.parse(readFileSync(join(dataDir, 'dynamodb', 'owner.lock'), 'utf8'));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const coordinator = { authorization: 'Bearer dev:coordinator:510822' };

describe('npm start (persisted, in its own data folder)', () => {
  const phone = mobilePhone();

  it('keeps a registration across a stop and a start', async () => {
    const first = await start();
    const health = await fetch(`${first.url}/health`);
    const sms = await fetch(`${first.url}/sim/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: phone, text: `报名 王立学 ${validIdNumber()} 泥瓦工 浙江湖州 4500` }),
    });
    expect(health.status).toBe(200);
    expect(sms.status).toBe(200);
    expect(await stopGracefully(first)).toBe(0);

    const second = await start();
    const found = await fetch(`${second.url}/labourers?phone=${phone}`, { headers: coordinator });
    const labourers = (await found.json()) as { name: string; phone: string }[];
    expect(labourers).toEqual([expect.objectContaining({ name: '王立学', phone: `+86${phone}` })]);

    // A second system on the same folder is refused, and says who holds it.
    await expect(start()).rejects.toThrow(/in use by another local system/);
    expect(await stopGracefully(second)).toBe(0);
  }, 120_000);

  it('killed with SIGKILL, takes DynamoDB Local with it, and the next start comes up on the same data', async () => {
    const victim = await start();
    const { javaPid } = ownerLock();
    expect(javaPid && alive(javaPid)).toBe(true);

    victim.child.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (alive(javaPid!) && Date.now() < deadline) await sleep(100);
    expect(alive(javaPid!)).toBe(false);

    const next = await start();
    const found = await fetch(`${next.url}/labourers?phone=${phone}`, { headers: coordinator });
    expect(await found.json()).toHaveLength(1);
    expect(await stopGracefully(next)).toBe(0);
  }, 120_000);
});
