// The route table of the `api` Lambda. Public routes first; every other route resolves the caller's
// principal from the JWT claims before it runs.
import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import type { Deps } from '#services/deps.js';
import { jsonResponse } from './error-response.js';
import { errorEnvelope, jsonRoute, plainRoute, type HttpEvent, type HttpResult } from './middleware.js';
import { principalFromClaims, type Principal } from './principal.js';
import { getLabourerById, listLabourers, postLabourer } from './routes/labourers.js';
import { listMessages } from './routes/messages.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type PublicFn = (deps: Deps, event: HttpEvent) => Promise<HttpResult>;
type PrivateFn = (deps: Deps, event: HttpEvent, principal: Principal) => Promise<HttpResult>;
type Wrap = (fn: (event: HttpEvent) => Promise<HttpResult>) => unknown;

function principalOf(event: HttpEvent): Principal {
  return principalFromClaims(event.requestContext.authorizer?.jwt?.claims);
}

export function createRouter(deps: Deps) {
  const open = (method: Method, path: string, fn: PublicFn, wrap: Wrap = jsonRoute) => ({
    method,
    path,
    handler: wrap((event) => fn(deps, event)),
  });
  const authed = (method: Method, path: string, fn: PrivateFn, wrap: Wrap = plainRoute) => ({
    method,
    path,
    handler: wrap((event) => fn(deps, event, principalOf(event))),
  });

  const routes = [
    open('GET', '/health', async () => jsonResponse(200, { ok: true }), plainRoute),
    open('POST', '/labourers', postLabourer),
    authed('GET', '/labourers', listLabourers),
    authed('GET', '/labourers/{id}', getLabourerById),
    authed('GET', '/messages', listMessages),
  ];
  // Unknown paths still answer in the contract's error shape.
  return middy<HttpEvent, HttpResult>({ timeoutEarlyInMillis: 0 })
    .use(errorEnvelope())
    .handler(httpRouterHandler(routes as never) as never);
}
