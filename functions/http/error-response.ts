// The one place errors become HTTP responses, in the contract's shape {"error":{code,message,details}}.
// Anything unexpected is a 500 with no internals in the body.
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { AppError, RateLimitedError } from '#domain/errors.js';

const STATUS: Record<AppError['code'], number> = {
  VALIDATION: 400,
  VERIFICATION_REQUIRED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** Errors thrown by middy's own middlewares carry an HTTP status (http-errors style). */
interface HttpStatusError {
  statusCode: number;
  message: string;
  expose?: boolean;
  cause?: { package?: string };
}

function isHttpStatusError(error: unknown): error is HttpStatusError {
  return typeof error === 'object' && error !== null && typeof (error as HttpStatusError).statusCode === 'number';
}

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function errorResponse(error: unknown): { response: APIGatewayProxyResultV2; unexpected: boolean } {
  if (error instanceof AppError) {
    const body = { error: { code: error.code, message: error.message, details: error.details } };
    const headers: Record<string, string> = error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    return { response: jsonResponse(STATUS[error.code], body, headers), unexpected: false };
  }
  if (isHttpStatusError(error) && error.statusCode < 500) {
    // Malformed JSON is reported by the body parser as 415; to a client it is invalid input.
    const malformed = error.cause?.package === '@middy/http-json-body-parser' && /malformed/i.test(error.message);
    const status = malformed ? 400 : error.statusCode;
    const code = malformed ? 'VALIDATION' : status === 404 ? 'NOT_FOUND' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    const message = malformed
      ? '请求体不是有效的 JSON'
      : status === 404
        ? '没有这个接口'
        : status === 415
          ? '请求体应为 JSON（content-type: application/json）'
          : error.message;
    return { response: jsonResponse(status, { error: { code, message, details: [] } }), unexpected: false };
  }
  return {
    response: jsonResponse(500, { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试', details: [] } }),
    unexpected: true,
  };
}
