// The Alibaba Cloud SMS adapter at the wire: the real SDK client against a loopback stand-in of
// dysmsapi that records each request (ACS3 signed, parameters in the query) and answers as the service does.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from '../helpers/loopback.js';
import { aliyunSmsClient, aliyunSmsSender } from '../../functions/adapters/aliyun-sms-sender.js';
import { PermanentSmsError } from '../../functions/adapters/sms-sender.js';
import { renderSms } from '../../functions/domain/sms/templates.js';

let server: Server;
let host = '';
let requests: { method: string; query: URLSearchParams; headers: Record<string, unknown> }[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests.push({ method: req.method ?? '', query: new URL(req.url ?? '/', 'http://x').searchParams, headers: req.headers });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  host = (await listenOnLoopback(server)).replace('http://', '');
});
afterAll(() => closeServer(server));
beforeEach(() => {
  requests = [];
});

const CODES = { offer: 'SMS_300000001', verificationCode: 'SMS_300000002' };
const sender = () =>
  aliyunSmsSender({ signName: '春风行动', templateCodes: CODES }, async () => aliyunSmsClient({ accessKeyId: 'ak-id', accessKeySecret: 'ak-secret' }, host));
const offer = renderSms('offer', { name: '王立学', place: '湖州', title: '泥瓦工', wage: 4500, start: '3月5日', hours: 48 });
const outbound = { messageId: '01J0000000000000000000000M', to: '+8613800138000', body: offer.body, template: offer.template, vars: offer.vars };

describe('aliyunSmsSender', () => {
  it('sends the approved template with its variables, signature and our id, signed with the access key', async () => {
    reply = { status: 200, body: { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'r1' } };
    const out = await sender().send(outbound);

    expect(out.providerMessageId).toBe('900619746936498440^0');
    const [request] = requests;
    expect(request!.method).toBe('POST');
    expect(request!.headers['x-acs-action']).toBe('SendSms');
    expect(request!.headers['x-acs-version']).toBe('2017-05-25');
    expect(String(request!.headers.authorization)).toMatch(/^ACS3-HMAC-SHA256 Credential=ak-id,/);
    expect(Object.fromEntries(request!.query)).toEqual({
      PhoneNumbers: '13800138000',
      SignName: '春风行动',
      TemplateCode: 'SMS_300000001',
      TemplateParam: JSON.stringify({ name: '王立学', place: '湖州', title: '泥瓦工', wage: '4500', start: '3月5日', hours: '48' }),
      OutId: outbound.messageId,
    });
  });

  it('refuses for good, without calling, a template with no approved code', async () => {
    const help = renderSms('help', {});
    await expect(sender().send({ ...outbound, body: help.body, template: help.template, vars: help.vars })).rejects.toBeInstanceOf(PermanentSmsError);
    expect(requests).toEqual([]);
  });

  it('turns a number the provider rejects into a permanent failure', async () => {
    reply = { status: 200, body: { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId: 'r2' } };
    await expect(sender().send(outbound)).rejects.toBeInstanceOf(PermanentSmsError);
  });

  it('leaves the per-number flow control to the retries: the same SMS can go later', async () => {
    reply = { status: 200, body: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发号码天级流控', RequestId: 'r3' } };
    const attempt = sender().send(outbound);
    await expect(attempt).rejects.not.toBeInstanceOf(PermanentSmsError);
    await expect(attempt).rejects.toThrow('isv.BUSINESS_LIMIT_CONTROL');
  });

  it('lets a server error through as transient', async () => {
    reply = { status: 503, body: { Code: 'ServiceUnavailable', Message: 'busy', RequestId: 'r4' } };
    await expect(sender().send(outbound)).rejects.not.toBeInstanceOf(PermanentSmsError);
  });
});
