// The callback Lambda's own job: only a caller with the token gets through, each kind reaches its
// service, bad bodies are refused, and the provider gets the acknowledgement it expects.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ receipts: [] as unknown[], replies: [] as unknown[] }));
vi.mock('#adapters/provider-secret.js', () => ({
  providerSecret: () => async () => ({ accessKeyId: 'a', accessKeySecret: 'b', callbackToken: 'tok-0123456789abcdef' }),
}));
vi.mock('#adapters/inbound-sms-queue.js', () => ({ inboundSmsQueue: () => ({}) }));
vi.mock('#store/db.js', () => ({ dbFromEnv: () => ({}) }));
vi.mock('#services/provider-callback.js', () => ({
  aliyunReceipts: async (_deps: unknown, reports: { out_id?: string }[]) => (
    calls.receipts.push(...reports), { recorded: reports.length, early: reports.filter((r) => r.out_id === 'early').length }
  ),
  aliyunReplies: async (_queue: unknown, ups: unknown[]) => (calls.replies.push(...ups), { queued: ups.length }),
}));

let handler: (event: APIGatewayProxyEventV2) => Promise<unknown>;
beforeAll(async () => {
  process.env.SMS_PROVIDER_SECRET_ID = 'chunfeng/sms-provider';
  process.env.SMS_INBOUND_QUEUE_URL = 'https://sqs.cn-northwest-1.amazonaws.com.cn/111122223333/inbound';
  ({ handler } = (await import('../../functions/handlers/sms-callback.js')) as never);
});
beforeEach(() => {
  calls.receipts = [];
  calls.replies = [];
});

const event = (kind: string, body: unknown, token = 'tok-0123456789abcdef') =>
  ({ pathParameters: { kind }, queryStringParameters: token ? { token } : undefined, body: JSON.stringify(body), isBase64Encoded: false }) as unknown as APIGatewayProxyEventV2;
const up = { phone_number: '13800138000', content: '1', sequence_id: 42, dest_code: '1', sign_name: '春风行动' };
const receipt = { phone_number: '13800138000', success: true, biz_id: 'b', out_id: 'm', err_code: 'DELIVERED' };
const json = (res: unknown) => ({ status: (res as { statusCode: number }).statusCode, body: JSON.parse((res as { body: string }).body) as unknown });

describe('sms-callback handler', () => {
  it('refuses a caller without the token, or with another one, and touches nothing', async () => {
    expect(json(await handler(event('reply', [up], ''))).status).toBe(401);
    expect(json(await handler(event('reply', [up], 'tok-0123456789abcdeX'))).status).toBe(401);
    expect(calls.replies).toEqual([]);
  });

  it('queues replies and records receipts, answering as the provider expects', async () => {
    expect(json(await handler(event('reply', [up])))).toEqual({ status: 200, body: { code: 0, msg: '接收成功' } });
    expect(json(await handler(event('report', [receipt])))).toEqual({ status: 200, body: { code: 0, msg: '接收成功' } });
    expect([calls.replies, calls.receipts]).toEqual([[up], [receipt]]);
  });

  it('does not acknowledge a receipt batch with one ahead of our record of the send, so it comes again', async () => {
    expect(json(await handler(event('report', [receipt, { ...receipt, out_id: 'early' }]))).status).toBe(503);
  });

  it('refuses bodies that are not a batch of its kind, and unknown kinds', async () => {
    expect(json(await handler(event('reply', [receipt]))).status).toBe(400);
    expect(json(await handler(event('report', { not: 'a list' }))).status).toBe(400);
    expect(json(await handler(event('other', []))).status).toBe(404);
    expect([calls.replies, calls.receipts]).toEqual([[], []]);
  });
});
