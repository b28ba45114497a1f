// POST /sms/callbacks/aliyun/{kind}?token=… (public route, no JWT): Alibaba Cloud SMS pushes delivery
// receipts (kind `report`) and replies (kind `reply`) here. The token proves the caller; the body is
// checked, handed to the services, and acknowledged the way the provider expects.
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { inboundSmsQueue } from '#adapters/inbound-sms-queue.js';
import { logger } from '#adapters/logger.js';
import { providerSecret } from '#adapters/provider-secret.js';
import { ENV, requireEnv } from '#config/env.js';
import { sameToken } from '#http/callback-token.js';
import { jsonResponse } from '#http/error-response.js';
import { ALIYUN_CALLBACK_ACK, AliyunSmsReports, AliyunSmsUps } from '#http/schemas/aliyun-callbacks.js';
import { aliyunReceipts, aliyunReplies } from '#services/provider-callback.js';
import { dbFromEnv } from '#store/db.js';

const secret = providerSecret(requireEnv(ENV.smsProviderSecretId));
const queue = inboundSmsQueue(requireEnv(ENV.smsInboundQueueUrl));
const deps = { db: dbFromEnv() };

const refuse = (statusCode: number, message: string) => jsonResponse(statusCode, { code: statusCode, msg: message });

function body(event: APIGatewayProxyEventV2): unknown {
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  if (!sameToken(event.queryStringParameters?.token, (await secret()).callbackToken)) return refuse(401, 'unauthorised');
  const kind = event.pathParameters?.kind;
  if (kind === 'report') {
    const reports = AliyunSmsReports.safeParse(body(event));
    if (!reports.success) return refuse(400, 'not a receipt batch');
    const outcome = await aliyunReceipts(deps, reports.data);
    logger.info('sms receipts', { received: reports.data.length, ...outcome });
    // Not acknowledged while a receipt is ahead of our record of the send: the provider pushes the batch again.
    return outcome.early > 0 ? refuse(503, 'try again') : jsonResponse(200, ALIYUN_CALLBACK_ACK);
  }
  if (kind === 'reply') {
    const ups = AliyunSmsUps.safeParse(body(event));
    if (!ups.success) return refuse(400, 'not a reply batch');
    logger.info('sms replies', await aliyunReplies(queue, ups.data));
    return jsonResponse(200, ALIYUN_CALLBACK_ACK);
  }
  return refuse(404, 'unknown callback');
};
