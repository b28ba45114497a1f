// One local system per data folder: a lock file names the process that owns `.local/` and its DynamoDB
// Local. A second `npm start` is told who holds it; a lock left by a killed start is taken over, and its
// DynamoDB Local, should one still run, is stopped first so the same files are never opened twice.
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

interface Owner {
  pid: number;
  javaPid?: number;
}

export interface DataLock {
  /** Records the DynamoDB Local process, so a later start can stop it if we die without stopping it. */
  record(javaPid: number): void;
  release(): void;
}

export function takeDataLock(dbPath: string): DataLock {
  mkdirSync(dbPath, { recursive: true });
  const file = join(dbPath, 'owner.lock');
  const write = (owner: Owner, flag: 'wx' | 'w') => writeFileSync(file, JSON.stringify(owner), { flag });
  try {
    write({ pid: process.pid }, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const previous = readOwner(file);
    if (previous && previous.pid !== process.pid && isAlive(previous.pid)) {
      throw new Error(`${dbPath} is in use by another local system (process ${previous.pid}). Stop it first, or start with --memory.`);
    }
    if (previous?.javaPid && isDynamoDbLocal(previous.javaPid)) stopNow(previous.javaPid);
    write({ pid: process.pid }, 'w');
  }
  return {
    record: (javaPid) => write({ pid: process.pid, javaPid }, 'w'),
    release: () => {
      if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}

function readOwner(file: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Owner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid may have been reused since: only a DynamoDB Local is stopped. */
function isDynamoDbLocal(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal');
  } catch {
    return false;
  }
}

function stopNow(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  // SIGKILL is delivered at once, but the process lingers until reaped; its files are closed by then.
  const deadline = Date.now() + 5000;
  while (isDynamoDbLocal(pid) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
}
