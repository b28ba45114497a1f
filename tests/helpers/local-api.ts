// The local system (same handlers as the Lambdas) on the run's DynamoDB Local, and a small fetch client.
import { afterAll, beforeAll, inject } from 'vitest';
import { startLocalSystem, type LocalSystem, type LocalSystemOptions } from '../../bin/local/system.js';
import { uniqueTableName } from './local-table.js';

/**
 * Tests run at any hour of the day: quiet hours are off unless a test asks for them (and then moves the
 * clock with POST /sim/clock); the local sink's delivery receipts likewise.
 */
export async function startTestSystem(options: Pick<LocalSystemOptions, 'quietHours' | 'smsReceipts'> = {}): Promise<LocalSystem> {
  return startLocalSystem({
    port: 0,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    tableName: uniqueTableName('api'),
    printSms: false,
    schedules: false,
    quietHours: options.quietHours ?? 'off',
    smsReceipts: options.smsReceipts ?? false,
  });
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export function apiClient(baseUrl: string) {
  return async function call<T = any>(
    method: string,
    path: string,
    options: { token?: string; json?: unknown; body?: string; contentType?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.body;
    if (options.json !== undefined) body = JSON.stringify(options.json);
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const res = await fetch(new URL(path, baseUrl), { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
}

export type ApiCall = ReturnType<typeof apiClient>;

export interface TestSystem {
  /** The running system (after the file's first beforeAll). */
  readonly system: LocalSystem;
  /** Calls its HTTP API. */
  api: ApiCall;
}

/** One local system for a test file: started before its tests (before the file's own beforeAll), stopped after. */
export function useTestSystem(options: Pick<LocalSystemOptions, 'quietHours' | 'smsReceipts'> = {}): TestSystem {
  let system: LocalSystem | undefined;
  let call: ApiCall | undefined;
  beforeAll(async () => {
    system = await startTestSystem(options);
    call = apiClient(system.url);
  });
  afterAll(() => system?.stop());
  const running = (): LocalSystem => {
    if (!system) throw new Error('the test system is not started yet (use it inside hooks and tests)');
    return system;
  };
  return {
    get system() {
      return running();
    },
    api: (...args) => {
      running();
      return call!(...args);
    },
  };
}
