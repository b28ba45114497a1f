// The local system (same handlers as the Lambdas) on the run's DynamoDB Local, and a small fetch client.
import { inject } from 'vitest';
import { startLocalSystem, type LocalSystem } from '../../bin/local/system.js';
import { uniqueTableName } from './local-table.js';

export async function startTestSystem(): Promise<LocalSystem> {
  return startLocalSystem({
    port: 0,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    tableName: uniqueTableName('api'),
    printSms: false,
    schedules: false,
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
    options: { token?: string; json?: unknown; body?: string; contentType?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.body;
    if (options.json !== undefined) body = JSON.stringify(options.json);
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const res = await fetch(new URL(path, baseUrl), { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
}
