import { describe, expect, it } from 'vitest';
import { ENV } from '../../functions/config/env.js';
import { actionsOf, synth } from './synth.js';

const { stack, template, logicalId, resource, statementsOf } = synth();
const worker = stack.backgroundJobs.worker;
const workerArn = { 'Fn::GetAtt': [logicalId(worker), 'Arn'] };

describe('background jobs worker', () => {
  it('runs the jobs handler for up to 15 minutes, with the table and the ID-hash key', () => {
    expect(worker.handlerFile).toBe('jobs');
    expect(resource(worker).Properties).toMatchObject({ Timeout: 900 });
    const vars = resource(worker).Properties.Environment.Variables;
    expect(vars[ENV.tableName]).toEqual({ Ref: logicalId(stack.data.table) });
    expect(vars[ENV.idHashKeyId]).toEqual({ 'Fn::GetAtt': [logicalId(stack.data.idHashKey), 'Arn'] });
    const actions = statementsOf(worker.role!).flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query', 'kms:GenerateMac']));
  });

  it('is neither retried nor started late: GET /jobs/{id} can tell a dead job', () => {
    const configs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig')).map((c) => c.Properties);
    expect(configs).toContainEqual(
      expect.objectContaining({ FunctionName: { Ref: logicalId(worker) }, MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 }),
    );
  });

  it('is named to the api (JOBS_FUNCTION_NAME), which may invoke it and nothing else of it', () => {
    expect(resource(stack.api.fn).Properties.Environment.Variables[ENV.jobsFunctionName]).toEqual({ Ref: logicalId(worker) });
    const invokes = statementsOf(stack.api.fn.role!).filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
    expect(invokes).toEqual([expect.objectContaining({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: workerArn })]);
  });

  it('may invoke itself and nothing else: a job longer than 15 minutes hands on to a fresh worker', () => {
    const invokes = statementsOf(worker.role!).filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
    expect(invokes).toEqual([expect.objectContaining({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: workerArn })]);
  });

  it('is started by nobody else', () => {
    for (const fn of [stack.sms.inboundFn, stack.sms.notifierFn, ...stack.jobs.functions, worker]) {
      expect(resource(fn).Properties.Environment.Variables, fn.handlerFile).not.toHaveProperty(ENV.jobsFunctionName);
    }
  });
});
