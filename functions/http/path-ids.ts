// Every path parameter of this API ({id}, {labourerId}, …) is an id this system made (a ULID). Anything
// else names nothing: it is refused here, once for every route, before a store sees it (DynamoDB answers a
// key over its size limit with an error, which would be a 500).
import type middy from '@middy/core';
import { ID_PATTERN } from '#adapters/ids.js';
import { NotFoundError } from '#domain/errors.js';
import type { HttpEvent, HttpResult } from './middleware.js';

export const pathIds = (): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: async (request) => {
    const params = Object.values(request.event.pathParameters ?? {});
    if (params.some((value) => value === undefined || !ID_PATTERN.test(value))) {
      throw new NotFoundError('没有这条记录（编号不对）');
    }
  },
});
