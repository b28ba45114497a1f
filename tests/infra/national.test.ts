// The national run's state machine: its shape (plan → summarise map → allocate → match map → summary),
// per-county retries and failure collection, logs and tracing, the daily schedule, and its grants.
import { type CfnElement, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { COUNTY_CONCURRENCY } from '../../lib/constructs/national.js';
import { type Statement, TEST_ENV, actionsOf, synth } from './synth.js';

const { app, stack, template, logicalId, resource, statementsOf } = synth();
const national = stack.national;

/** The state machine's definition, with the Fn::Join of its ARNs flattened to placeholders. */
function definition(t: Template = template): any {
  const [machine] = Object.values(t.findResources('AWS::StepFunctions::StateMachine')) as any[];
  const parts = machine.Properties.DefinitionString['Fn::Join'][1] as unknown[];
  const text = parts.map((p) => (typeof p === 'string' ? p : `<${JSON.stringify(p).replace(/"/g, "'")}>`)).join('');
  return JSON.parse(text);
}

const fnArn = (fn: typeof national.countyFn) => `<{'Fn::GetAtt':['${logicalId(fn)}','Arn']}>`;
const states = definition().States;

describe('national run state machine', () => {
  it('runs plan → summarise counties → allocate → match counties → summary', () => {
    const chain: string[] = [];
    for (let name: string | undefined = definition().StartAt; name !== undefined; name = states[name].Next) chain.push(name);
    expect(chain).toEqual(['Plan', 'SummariseCounties', 'Allocate', 'MatchCounties', 'Summary']);
    expect(states.Summary.End).toBe(true);
    expect(states.Plan.Parameters).toMatchObject({ FunctionName: fnArn(national.allocateFn), Payload: { action: 'plan', 'input.$': '$' } });
    expect(states.Allocate.Parameters).toMatchObject({ FunctionName: fnArn(national.allocateFn), Payload: { action: 'allocate', 'runId.$': '$.runId' } });
    expect(states.Summary.Parameters).toMatchObject({ FunctionName: fnArn(national.summaryFn), Payload: { 'runId.$': '$.runId' } });
    // Only a run id and the counties travel between steps.
    for (const step of ['Plan', 'Allocate']) {
      expect(states[step].ResultSelector).toEqual({ 'runId.$': '$.Payload.runId', 'counties.$': '$.Payload.counties' });
    }
  });

  it('records a run that fails after its plan as failed, then fails the execution', () => {
    for (const name of ['SummariseCounties', 'Allocate', 'MatchCounties', 'Summary']) {
      expect(states[name].Catch, name).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'RecordFailure' }]);
    }
    expect(states.RecordFailure.Parameters).toMatchObject({
      FunctionName: fnArn(national.summaryFn),
      Payload: { 'runId.$': '$.runId', 'error.$': '$.failure.Error' },
    });
    expect(states[states.RecordFailure.Next]).toMatchObject({ Type: 'Fail', Error: 'NationalRunFailed' });
  });

  it.each(['SummariseCounties', 'MatchCounties'])('%s is a Distributed Map over the counties, 500 at a time', (name) => {
    const map = states[name];
    expect(map).toMatchObject({
      Type: 'Map',
      ItemsPath: '$.counties',
      ItemSelector: { 'runId.$': '$.runId', 'county.$': '$$.Map.Item.Value' },
      MaxConcurrency: COUNTY_CONCURRENCY,
      ResultPath: null,
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
    });
    expect(COUNTY_CONCURRENCY).toBe(500);
    expect(map.ToleratedFailurePercentage).toBeGreaterThan(0);
  });

  it.each([
    ['SummariseCounties', 'summarise'],
    ['MatchCounties', 'match'],
  ])('%s retries a county with backoff on Lambda errors and throttles, then records it as failed', (name, action) => {
    const processor = states[name].ItemProcessor;
    const step = processor.States[processor.StartAt];
    expect(step.Parameters).toMatchObject({ FunctionName: fnArn(national.countyFn), Payload: { action, 'runId.$': '$.runId', 'county.$': '$.county' } });
    // The item's output is its county code alone.
    expect(step).toMatchObject({ ResultPath: null, OutputPath: '$.county' });
    const throttles = step.Retry.find((r: any) => r.ErrorEquals.includes('Lambda.TooManyRequestsException'));
    expect(throttles).toMatchObject({ BackoffRate: 2, JitterStrategy: 'FULL', MaxAttempts: expect.any(Number) });
    expect(throttles.ErrorEquals).toEqual(expect.arrayContaining(['Lambda.ServiceException', 'Lambda.SdkClientException']));
    expect(step.Retry.some((r: any) => r.ErrorEquals.includes('States.TaskFailed'))).toBe(true);
    expect(step.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: `${name}Failed` }]);
    expect(processor.States[`${name}Failed`]).toMatchObject({ Type: 'Pass', End: true, Parameters: { 'county.$': '$.county', 'error.$': '$.failure.Error' } });
  });

  it('logs every event (without execution data) to a log group with retention, and is traced', () => {
    const props = resource(national.stateMachine).Properties;
    expect(props.TracingConfiguration).toEqual({ Enabled: true });
    expect(props.LoggingConfiguration).toMatchObject({
      Level: 'ALL',
      IncludeExecutionData: false,
      Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [logicalId(national.logGroup), 'Arn'] } } }],
    });
    expect(resource(national.logGroup).Properties.RetentionInDays).toBe(90);
  });

  it('may invoke its three functions and nothing else', () => {
    const invokes = statementsOf(national.stateMachine.role)
      .filter((s) => actionsOf(s).includes('lambda:InvokeFunction'))
      .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));
    const arns = national.functions.map((fn) => ({ 'Fn::GetAtt': [logicalId(fn), 'Arn'] }));
    expect(invokes).toEqual(expect.arrayContaining(arns));
    for (const r of invokes) expect(JSON.stringify(r)).toMatch(new RegExp(national.functions.map((fn) => logicalId(fn)).join('|')));
  });
});

describe('national run functions', () => {
  it('give the allocation room for the whole country and the county step a county-scale run', () => {
    expect(resource(national.allocateFn).Properties).toMatchObject({ Timeout: 900, Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    expect(resource(national.allocateFn).Properties.MemorySize).toBeGreaterThanOrEqual(4096);
    expect(resource(national.countyFn).Properties).toMatchObject({ Timeout: 900 });
    expect(resource(national.countyFn).Properties.MemorySize).toBeGreaterThanOrEqual(2048);
  });

  it('read and write the table (the summary writes the run’s outcome)', () => {
    const writes = (fn: typeof national.countyFn) => statementsOf(fn.role!).some((s) => actionsOf(s).includes('dynamodb:PutItem'));
    expect(writes(national.allocateFn)).toBe(true);
    expect(writes(national.countyFn)).toBe(true);
    expect(writes(national.summaryFn)).toBe(true);
  });

  it('have error and throttle alarms, as every function', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    for (const fn of national.functions) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(alarms).toContainEqual(
          expect.objectContaining({ MetricName: metric, Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }] }),
        );
      }
    }
  });
});

describe('national run schedule', () => {
  const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).map((s) => s.Properties);
  const mine = schedules.filter((s) => JSON.stringify(s.Target.Arn) === JSON.stringify({ Ref: logicalId(national.stateMachine) }));

  it('starts a run daily at 02:00 China time, with retries and a DLQ', () => {
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      State: 'ENABLED',
      Target: {
        Input: '{}',
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(national.deadLetterQueue), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 3 },
      },
    });
  });

  it('passes the deployment’s counties when it serves some', () => {
    const { stack: scoped, template: t, logicalId: id } = synth({ counties: '510822,510821' });
    const schedule = Object.values(t.findResources('AWS::Scheduler::Schedule'))
      .map((s) => s.Properties)
      .find((s) => JSON.stringify(s.Target.Arn) === JSON.stringify({ Ref: id(scoped.national.stateMachine) }));
    expect(JSON.parse(schedule.Target.Input)).toEqual({ counties: ['510822', '510821'] });
  });

  it('uses a role that may start this state machine (and write its DLQ) only, assumable by Scheduler of this account', () => {
    const roleId = mine[0].Target.RoleArn['Fn::GetAtt'][0];
    const role = template.toJSON().Resources[roleId];
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain('aws:SourceAccount');
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    expect(statements).toEqual([
      expect.objectContaining({ Action: 'states:StartExecution', Resource: { Ref: logicalId(national.stateMachine) } }),
      expect.objectContaining({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [logicalId(national.deadLetterQueue), 'Arn'] } }),
    ]);
  });
});

describe('the api starting national runs', () => {
  it('may start the state machine and describe its executions, nothing more', () => {
    const machine = { Ref: logicalId(national.stateMachine) };
    const apiRole = stack.getLogicalId(stack.api.fn.role!.node.defaultChild as never);
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(apiRole))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
      .filter((s) => actionsOf(s).some((a) => a.startsWith('states:')));
    expect(statements).toHaveLength(2);
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'states:StartExecution', Resource: machine }));
    const describe = statements.find((s) => actionsOf(s).includes('states:DescribeExecution'))!;
    expect(actionsOf(describe)).toEqual(['states:DescribeExecution']);
    // arn:…:execution:<the machine's name>:* — built from the machine's own ARN, never "*".
    expect(JSON.stringify(describe.Resource)).toContain(':execution:');
    expect(JSON.stringify(describe.Resource)).toContain(logicalId(national.stateMachine));
  });

  it('tells the api function which state machine to start, and over which counties by default', () => {
    const fn = template.findResources('AWS::Lambda::Function')[logicalId(stack.api.fn)]!;
    expect(fn.Properties.Environment.Variables.NATIONAL_STATE_MACHINE_ARN).toEqual({ Ref: logicalId(national.stateMachine) });
    expect(fn.Properties.Environment.Variables.COUNTIES).toBeUndefined(); // serves the whole country
    const served = synth({ counties: '510822,510821' });
    expect(served.resource(served.stack.api.fn).Properties.Environment.Variables.COUNTIES).toBe('510822,510821');
  });
});

describe('national run cdk-nag acknowledgements', () => {
  it('are only the reviewed ones, each with a reason', () => {
    const acknowledged: string[] = [];
    for (const construct of app.node.findAll()) {
      const path = construct.node.path.slice(stack.node.path.length + 1);
      if (!path.startsWith('National/')) continue;
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          expect(String(reason).length, id).toBeGreaterThan(20);
          acknowledged.push(`${path} ${id.replace(/^annotation::/i, '')}`);
        }
      }
    }
    const xray = 'AwsSolutions-IAM5[Resource::*]';
    const id = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
    const executions = `arn:<AWS::Partition>:states:${TEST_ENV.region}:${TEST_ENV.account}:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${id(national.stateMachine)}"}]}]}`;
    expect([...new Set(acknowledged)].sort()).toEqual(
      [
        // X-Ray active tracing of the three functions.
        `National/NationalAllocateRole ${xray}`,
        `National/NationalCountyRole ${xray}`,
        `National/NationalSummaryRole ${xray}`,
        // The Scheduler's dead-letter queue is itself a DLQ.
        'National/Dlq AwsSolutions-SQS3',
        // The state machine: LambdaInvoke's `<function arn>:*`, X-Ray and log delivery (no resource-level
        // permissions), and the Distributed Maps' own child executions.
        ...national.functions.map((fn) => `National/StateMachine AwsSolutions-IAM5[Resource::<${id(fn)}.Arn>:*]`),
        `National/StateMachine ${xray}`,
        ...['', '/SummariseCounties', '/MatchCounties'].map((label) => `National/StateMachine AwsSolutions-IAM5[Resource::${executions}${label}:*]`),
      ].sort(),
    );
  });
});
