// Node HTTP request → API Gateway HTTP API (payload v2) event for the very `api` handler the Lambda runs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { claimsFromDevToken } from './dev-auth.js';

const MAX_BODY_BYTES = 6 * 1024 * 1024; // the Lambda payload limit
/** Past this the connection is dropped: a client still sending gets no answer. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;

/**
 * The request body, up to the Lambda payload limit. A larger body is still read to its end (and thrown
 * away), so the client, still sending, then reads the 413 instead of a reset connection; the caller
 * answers it with `connection: close` (bin/local/system.ts).
 */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
    else if (size > MAX_DRAINED_BYTES) break;
  }
  if (size > MAX_BODY_BYTES) throw Object.assign(new Error('payload too large'), { statusCode: 413 });
  return Buffer.concat(chunks);
}

export function toApiEvent(req: IncomingMessage, body: Buffer): APIGatewayProxyEventV2WithJWTAuthorizer {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  const claims = claimsFromDevToken(headers.authorization);
  const now = new Date();
  const textual = /json|text|csv|x-www-form-urlencoded/i.test(headers['content-type'] ?? '');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    body: body.length > 0 ? (textual ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !textual,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      // Without a valid dev token there is no authorizer context, as behind API Gateway.
      authorizer: claims ? { principalId: claims.sub!, integrationLatency: 0, jwt: { claims, scopes: [] } } : (undefined as never),
    },
  };
}

export function fakeContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export function writeResult(res: ServerResponse, result: APIGatewayProxyStructuredResultV2 | string): void {
  const structured = typeof result === 'string' ? { statusCode: 200, body: result } : result;
  res.statusCode = structured.statusCode ?? 200;
  for (const [name, value] of Object.entries(structured.headers ?? {})) res.setHeader(name, String(value));
  for (const cookie of structured.cookies ?? []) res.appendHeader('set-cookie', cookie);
  const body = structured.body ?? '';
  res.end(structured.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}
