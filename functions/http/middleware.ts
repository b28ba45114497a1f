// The middy stack every HTTP route shares: normalised headers, path ids checked, JSON bodies, the error envelope.
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';
import { logger } from '#adapters/logger.js';
import { errorResponse } from './error-response.js';
import { pathIds } from './path-ids.js';

export type HttpEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, 'body' | 'requestContext'> & {
  body?: unknown;
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'], 'authorizer'> & {
    authorizer?: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'];
  };
};
export type HttpResult = APIGatewayProxyResultV2;
type RouteFn = (event: HttpEvent) => Promise<HttpResult>;

/** Maps every error to the contract's envelope; unexpected ones are logged (without the request body). */
export const errorEnvelope = (): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: async (request) => {
    const { response, unexpected } = errorResponse(request.error);
    if (unexpected) logger.error('unhandled error', { error: request.error as Error, path: request.event.rawPath });
    request.response = response;
  },
});

/** A route whose body, when present, is JSON. */
export function jsonRoute(fn: RouteFn) {
  return middy<HttpEvent, HttpResult>({ timeoutEarlyInMillis: 0 })
    .use(httpHeaderNormalizer())
    .use(errorEnvelope())
    .use(pathIds())
    .use(httpJsonBodyParser({ disableContentTypeError: false }))
    .handler(fn);
}

/** A route without a body (GET, DELETE). */
export function plainRoute(fn: RouteFn) {
  return middy<HttpEvent, HttpResult>({ timeoutEarlyInMillis: 0 })
    .use(httpHeaderNormalizer())
    .use(errorEnvelope())
    .use(pathIds())
    .handler(fn);
}
