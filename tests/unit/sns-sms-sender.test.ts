// The SNS adapter at the wire: a real SNSClient against a loopback endpoint that records the request.
import { createServer, type Server } from 'node:http';
import { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from '../helpers/loopback.js';
import { PermanentSmsError, SuppressedSmsError } from '../../functions/adapters/sms-sender.js';
import { snsOptOutList } from '../../functions/adapters/sns-opt-out-list.js';
import { snsSmsSender } from '../../functions/adapters/sns-sms-sender.js';

let server: Server;
let endpoint = '';
let requests: { body: string; headers: Record<string, unknown> }[] = [];
let reply: { status: number; body: string } = { status: 200, body: '' };
/** SNS's opt-out list as the stand-in keeps it; OptInPhoneNumber answers `optInReply`. */
let optedOut = new Set<string>();
let optInReply: { status: number; body: string } | undefined;

const ok = `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>msg-123</MessageId></PublishResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></PublishResponse>`;
const error = (code: string, message: string) =>
  `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r2</RequestId></ErrorResponse>`;

const checkAnswer = (isOptedOut: boolean) =>
  `<CheckIfPhoneNumberIsOptedOutResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><CheckIfPhoneNumberIsOptedOutResult><isOptedOut>${isOptedOut}</isOptedOut></CheckIfPhoneNumberIsOptedOutResult><ResponseMetadata><RequestId>r3</RequestId></ResponseMetadata></CheckIfPhoneNumberIsOptedOutResponse>`;
const optInOk = `<OptInPhoneNumberResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><OptInPhoneNumberResult/><ResponseMetadata><RequestId>r4</RequestId></ResponseMetadata></OptInPhoneNumberResponse>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ body, headers: req.headers });
      const form = new URLSearchParams(body);
      const action = form.get('Action');
      let answer = reply;
      if (action === 'CheckIfPhoneNumberIsOptedOut') answer = { status: 200, body: checkAnswer(optedOut.has(form.get('phoneNumber')!)) };
      if (action === 'OptInPhoneNumber') {
        answer = optInReply ?? { status: 200, body: optInOk };
        if (answer.status === 200) optedOut.delete(form.get('phoneNumber')!);
      }
      res.writeHead(answer.status, { 'content-type': 'text/xml' });
      res.end(answer.body);
    });
  });
  endpoint = await listenOnLoopback(server);
});
afterAll(() => closeServer(server));

const publishes = () => requests.filter((r) => new URLSearchParams(r.body).get('Action') === 'Publish');

function client() {
  requests = [];
  optedOut = new Set();
  optInReply = undefined;
  return new SNSClient({ endpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 2 });
}

describe('snsSmsSender', () => {
  it('publishes to the phone number as a Transactional SMS with the sender id', async () => {
    reply = { status: 200, body: ok };
    const sender = snsSmsSender({ senderId: 'CHUNFENG', originationNumber: '+8610690000' }, client());
    const out = await sender.send({ messageId: 'm1', to: '+8613800138000', body: '【春风行动】报名成功' });
    expect(requests.map((r) => new URLSearchParams(r.body).get('Action'))).toEqual(['CheckIfPhoneNumberIsOptedOut', 'Publish']);
    const form = new URLSearchParams(requests[1]!.body);
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
    expect(publishes()).toHaveLength(1);
  });

  it('retries throttling and then lets the error through as transient', async () => {
    reply = { status: 400, body: error('Throttling', 'Rate exceeded') };
    const sender = snsSmsSender({}, client());
    const attempt = sender.send({ messageId: 'm3', to: '+8613800138000', body: 'x' });
    await expect(attempt).rejects.not.toBeInstanceOf(PermanentSmsError);
    await expect(attempt).rejects.toThrow('Rate exceeded');
    expect(publishes()).toHaveLength(2);
  });

  it('does not publish to a number on SNS\'s opt-out list: suppressed, not a false "sent"; the answer is cached', async () => {
    reply = { status: 200, body: ok };
    const sender = snsSmsSender({}, client());
    optedOut.add('+8613800138001');
    await expect(sender.send({ messageId: 'm4', to: '+8613800138001', body: 'x' })).rejects.toBeInstanceOf(SuppressedSmsError);
    await expect(sender.send({ messageId: 'm5', to: '+8613800138001', body: 'y' })).rejects.toBeInstanceOf(SuppressedSmsError);
    expect(publishes()).toHaveLength(0);
    expect(requests.filter((r) => new URLSearchParams(r.body).get('Action') === 'CheckIfPhoneNumberIsOptedOut')).toHaveLength(1);
  });

  it('still publishes when the opt-out check itself fails (no permission, throttled)', async () => {
    const sns = client();
    const failing = { isOptedOut: () => Promise.reject(new Error('AccessDenied')), optIn: () => Promise.reject(new Error('AccessDenied')) };
    reply = { status: 200, body: ok };
    const out = await snsSmsSender({}, sns, failing).send({ messageId: 'm6', to: '+8613800138000', body: 'x' });
    expect(out.providerMessageId).toBe('msg-123');
  });
});

describe('snsOptOutList', () => {
  it('opts a listed number back in with OptInPhoneNumber, and leaves an unlisted one alone', async () => {
    const list = snsOptOutList(client());
    optedOut.add('+8613800138002');
    expect(await list.optIn('+8613800138002')).toBe('opted-in');
    expect(await list.optIn('+8613800138003')).toBe('not-opted-out');
    const actions = requests.map((r) => [new URLSearchParams(r.body).get('Action'), new URLSearchParams(r.body).get('phoneNumber')]);
    expect(actions).toEqual([
      ['CheckIfPhoneNumberIsOptedOut', '+8613800138002'],
      ['OptInPhoneNumber', '+8613800138002'],
      ['CheckIfPhoneNumberIsOptedOut', '+8613800138003'],
    ]);
    expect(await list.isOptedOut('+8613800138002')).toBe(false);
  });

  it('says "limited" when SNS refuses a second opt-in within 30 days', async () => {
    const list = snsOptOutList(client());
    optedOut.add('+8613800138004');
    optInReply = { status: 400, body: error('InvalidParameter', 'Invalid parameter: Cannot opt in right now, latest opt in is too recent') };
    expect(await list.optIn('+8613800138004')).toBe('limited');
  });
});
