// The Step Functions launcher at the wire: a real SFNClient against a loopback endpoint that records
// each request and answers as the service does (JSON 1.0 protocol).
import { createServer, type Server } from 'node:http';
import { SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback } from '../helpers/loopback.js';
import { stepFunctionsLauncher } from '../../functions/adapters/national-run-launcher.js';

const MACHINE = 'arn:aws:states:ap-southeast-1:123456789012:stateMachine:NationalStateMachine-abc';
const RUN = '01JQ0000000000000000000000';

let server: Server;
let endpoint = '';
let requests: { target: string; body: Record<string, unknown> }[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ target: String(req.headers['x-amz-target']), body: JSON.parse(body) });
      res.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(reply.body));
    });
  });
  endpoint = await listenOnLoopback(server);
});
afterAll(() => closeServer(server));

function launcher() {
  requests = [];
  const sfn = new SFNClient({ endpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
  return stepFunctionsLauncher(MACHINE, sfn);
}

const execution = (status: string) => ({
  executionArn: `arn:aws:states:ap-southeast-1:123456789012:execution:NationalStateMachine-abc:${RUN}`,
  stateMachineArn: MACHINE,
  status,
  startDate: 1_800_000_000,
});

describe('stepFunctionsLauncher', () => {
  it('starts an execution named after the run id, with the run id and counties as its input', async () => {
    reply = { status: 200, body: { executionArn: execution('RUNNING').executionArn, startDate: 1_800_000_000 } };
    await launcher().start({ runId: RUN, counties: ['510822'] });
    expect(requests).toEqual([
      {
        target: 'AWSStepFunctions.StartExecution',
        body: { stateMachineArn: MACHINE, name: RUN, input: JSON.stringify({ runId: RUN, counties: ['510822'] }) },
      },
    ]);
  });

  it('takes an execution that already exists under the run id as started', async () => {
    reply = { status: 400, body: { __type: 'ExecutionAlreadyExists', message: 'Execution Already Exists' } };
    await expect(launcher().start({ runId: RUN })).resolves.toBeUndefined();
  });

  it('passes other errors on', async () => {
    reply = { status: 400, body: { __type: 'StateMachineDoesNotExist', message: 'State Machine Does Not Exist' } };
    await expect(launcher().start({ runId: RUN })).rejects.toThrow(/State Machine Does Not Exist/);
  });

  it('describes the execution of the run id and maps its status', async () => {
    const states: Record<string, string> = {};
    for (const status of ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']) {
      reply = { status: 200, body: execution(status) };
      states[status] = (await launcher().state(RUN))!;
      expect(requests[0]).toEqual({ target: 'AWSStepFunctions.DescribeExecution', body: { executionArn: execution(status).executionArn } });
    }
    expect(states).toEqual({
      RUNNING: 'running',
      SUCCEEDED: 'succeeded',
      FAILED: 'failed',
      TIMED_OUT: 'failed',
      ABORTED: 'failed',
      PENDING_REDRIVE: 'running',
    });
  });

  it('knows no run whose execution does not exist', async () => {
    reply = { status: 400, body: { __type: 'ExecutionDoesNotExist', message: 'Execution Does Not Exist' } };
    await expect(launcher().state(RUN)).resolves.toBeUndefined();
  });
});
