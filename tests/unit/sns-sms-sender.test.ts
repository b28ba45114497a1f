// The SNS adapter at the wire: a real SNSClient against a loopback endpoint that records the request.
import { createServer, type Server } from 'node:http';
import { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from '../helpers/loopback.js';
import { PermanentSmsError } from '../../functions/adapters/sms-sender.js';
import { snsSmsSender } from '../../functions/adapters/sns-sms-sender.js';

let server: Server;
let endpoint = '';
let requests: { body: string; headers: Record<string, unknown> }[] = [];
let reply: { status: number; body: string } = { status: 200, body: '' };

const ok = `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>msg-123</MessageId></PublishResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></PublishResponse>`;
const error = (code: string, message: string) =>
  `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r2</RequestId></ErrorResponse>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ body, headers: req.headers });
      res.writeHead(reply.status, { 'content-type': 'text/xml' });
      res.end(reply.body);
    });
  });
  endpoint = await listenOnLoopback(server);
});
afterAll(() => closeServer(server));

function client() {
  requests = [];
  return new SNSClient({ endpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 2 });
}

describe('snsSmsSender', () => {
  it('publishes to the phone number as a Transactional SMS with the sender id', async () => {
    reply = { status: 200, body: ok };
    const sender = snsSmsSender({ senderId: 'CHUNFENG', originationNumber: '+8610690000' }, client());
    const out = await sender.send({ messageId: 'm1', to: '+8613800138000', body: '【春风行动】报名成功' });
    const form = new URLSearchParams(requests[0]!.body);
    const attributes = Object.fromEntries(
      [1, 2, 3].map((i) => [form.get(`MessageAttributes.entry.${i}.Name`), form.get(`MessageAttributes.entry.${i}.Value.StringValue`)]),
    );
    expect(out.providerMessageId).toBe('msg-123');
    expect(form.get('Action')).toBe('Publish');
    expect(form.get('PhoneNumber')).toBe('+8613800138000');
    expect(form.get('Message')).toBe('【春风行动】报名成功');
    expect(attributes).toEqual({
      'AWS.SNS.SMS.SMSType': 'Transactional',
      'AWS.SNS.SMS.SenderID': 'CHUNFENG',
      'AWS.MM.SMS.OriginationNumber': '+8610690000',
    });
  });

  it('turns an invalid number into a permanent failure, without retrying', async () => {
    reply = { status: 400, body: error('InvalidParameter', 'Invalid parameter: PhoneNumber Reason: +86123 is not valid') };
    const sender = snsSmsSender({}, client());
    await expect(sender.send({ messageId: 'm2', to: '+86123', body: 'x' })).rejects.toBeInstanceOf(PermanentSmsError);
    expect(requests).toHaveLength(1);
  });

  it('retries throttling and then lets the error through as transient', async () => {
    reply = { status: 400, body: error('Throttling', 'Rate exceeded') };
    const sender = snsSmsSender({}, client());
    const attempt = sender.send({ messageId: 'm3', to: '+8613800138000', body: 'x' });
    await expect(attempt).rejects.not.toBeInstanceOf(PermanentSmsError);
    await expect(attempt).rejects.toThrow('Rate exceeded');
    expect(requests).toHaveLength(2);
  });
});
