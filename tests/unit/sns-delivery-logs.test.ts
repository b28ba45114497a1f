// SNS SMS delivery-status logs as a CloudWatch Logs subscription delivers them (gzip + base64).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSnsDeliveryLogs } from '../../functions/adapters/sns-delivery-logs.js';

const event = (payload: unknown) => ({ awslogs: { data: gzipSync(JSON.stringify(payload)).toString('base64') } });
const line = (status: string, messageId: string, providerResponse: string) =>
  JSON.stringify({
    notification: { messageId, timestamp: '2027-02-11 00:00:01.000' },
    delivery: { destination: '+8613900000001', providerResponse, dwellTimeMs: 120, smsType: 'Transactional', priceInUSD: 0.02 },
    status,
  });

describe('SNS delivery logs', () => {
  it('reads delivered and failed SMS with the carrier reason', () => {
    const statuses = parseSnsDeliveryLogs(
      event({
        messageType: 'DATA_MESSAGE',
        logGroup: 'sns/ap-southeast-1/123456789012/DirectPublishToPhoneNumber/Failure',
        logEvents: [
          { id: '1', timestamp: 1_800_000_000_000, message: line('SUCCESS', 'sns-1', 'Message has been accepted by phone') },
          { id: '2', timestamp: 1_800_000_001_000, message: line('FAILURE', 'sns-2', 'Phone is currently unreachable/unavailable') },
          { id: '3', timestamp: 1_800_000_002_000, message: 'not json' },
        ],
      }),
    );
    expect(statuses).toEqual([
      { providerMessageId: 'sns-1', phone: '+8613900000001', delivered: true, at: new Date(1_800_000_000_000).toISOString() },
      { providerMessageId: 'sns-2', phone: '+8613900000001', delivered: false, reason: 'Phone is currently unreachable/unavailable', at: new Date(1_800_000_001_000).toISOString() },
    ]);
  });

  it('ignores the control message a new subscription sends, and an empty event', () => {
    expect(parseSnsDeliveryLogs(event({ messageType: 'CONTROL_MESSAGE', logEvents: [{ message: 'CWL CONTROL MESSAGE' }] }))).toEqual([]);
    expect(parseSnsDeliveryLogs({})).toEqual([]);
  });
});
