// The Lambda job launcher at the wire: a real LambdaClient against a loopback endpoint that records each
// request and answers an asynchronous Invoke as the service does (202, no body).
import { createServer, type Server } from 'node:http';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaJobLauncher } from '../../functions/adapters/job-launcher.js';
import { closeServer, listenOnLoopback } from '../helpers/loopback.js';

const FUNCTION = 'CoordinatorStack-BackgroundJobsWorker-abc';
const JOB = '01JQ0000000000000000000000';

let server: Server;
let endpoint = '';
let requests: { method: string; url: string; invocationType: string; body: string }[] = [];
let status = 202;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ method: String(req.method), url: String(req.url), invocationType: String(req.headers['x-amz-invocation-type']), body });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 202 ? '' : JSON.stringify({ Type: 'User', message: 'Rate exceeded' }));
    });
  });
  endpoint = await listenOnLoopback(server);
});
afterAll(() => closeServer(server));

function launcher() {
  requests = [];
  const lambda = new LambdaClient({ endpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
  return lambdaJobLauncher(FUNCTION, lambda);
}

describe('lambdaJobLauncher', () => {
  it('invokes the worker asynchronously (Event) with {jobId}', async () => {
    status = 202;
    const jobs = launcher();
    await jobs.start(JOB);
    expect(requests).toEqual([
      { method: 'POST', url: `/2015-03-31/functions/${FUNCTION}/invocations`, invocationType: 'Event', body: JSON.stringify({ jobId: JOB }) },
    ]);
  });

  it('throws when Lambda refuses, so the api records the job failed', async () => {
    status = 429;
    await expect(launcher().start(JOB)).rejects.toThrow();
  });
});
