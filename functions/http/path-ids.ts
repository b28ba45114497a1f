// Every path parameter of this API ({id}, {labourerId}, …) is an id this system made (a ULID), except
// `{code}`, a 6-digit county code (/counties/{code}/…). Anything else names nothing: it is refused here,
// once for every route, before a store sees it (DynamoDB answers a key over its size limit with an error,
// which would be a 500).
import type middy from '@middy/core';
import { ID_PATTERN } from '#adapters/ids.js';
import { NotFoundError } from '#domain/errors.js';
import type { HttpEvent, HttpResult } from './middleware.js';

const COUNTY_CODE = /^\d{6}$/;

export const pathIds = (): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: async (request) => {
    const params = Object.entries(request.event.pathParameters ?? {});
    if (params.some(([name, value]) => value === undefined || !(name === 'code' ? COUNTY_CODE : ID_PATTERN).test(value))) {
      throw new NotFoundError('没有这条记录（编号不对）');
    }
  },
});
