import { describe, expect, it } from 'vitest';
import { ENV } from '../../functions/config/env.js';
import { LambdaFunction } from '../../lib/constructs/lambda-function.js';
import { type CfnJson, actionsOf, synth } from './synth.js';

const { stack, template, logicalId, resource, statementsOf } = synth();
const ours = stack.node.findAll().filter((c): c is LambdaFunction => c instanceof LambdaFunction);
const functions = Object.values(template.findResources('AWS::Lambda::Function')) as CfnJson[];

describe('Lambda functions', () => {
  it('are our handlers, and nothing else runs code in the stack but CDK\'s one AwsCustomResource provider', () => {
    expect(ours.map((fn) => fn.handlerFile).sort()).toEqual(
      ['api', 'follow-up', 'jobs', 'matcher', 'national-allocate', 'national-county', 'national-summary', 'notifier', 'offer-expiry', 'sms-inbound', 'sms-receipts'].sort(),
    );
    // The provider sets the account's SNS SMS delivery-status logging (SetSMSAttributes has no CloudFormation resource).
    expect(functions).toHaveLength(ours.length + 1);
    expect(stack.node.tryFindChild('AWS679f53fac002430cb0da5b7982bd2287')).toBeDefined();
  });

  it('run Node.js 24 on arm64 with X-Ray, source maps and a log group with retention', () => {
    for (const fn of ours) {
      const props = resource(fn).Properties;
      expect(props).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: logicalId(fn.logGroup) } },
      });
      expect(props.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(resource(fn.logGroup).Properties.RetentionInDays).toBe(90);
    }
  });

  it('all know the table name (TABLE_NAME)', () => {
    for (const fn of ours) {
      expect(resource(fn).Properties.Environment.Variables[ENV.tableName]).toEqual({ Ref: logicalId(stack.data.table) });
    }
  });

  it('use roles without AWS managed policies, writing only to their own log group', () => {
    for (const fn of ours) {
      const role = resource(fn.role!);
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const logWrites = statementsOf(fn.role!).filter((s) => actionsOf(s).includes('logs:PutLogEvents'));
      expect(logWrites.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [logicalId(fn.logGroup), 'Arn'] }]);
    }
  });

  it('use Resource "*" only where AWS offers no resource-level permission (the acknowledged IAM5 findings)', () => {
    const xray = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
    for (const fn of ours) {
      const anyResource = statementsOf(fn.role!)
        .filter((s) => s.Resource === '*')
        .flatMap(actionsOf)
        .sort();
      const expected =
        fn === stack.sms.notifierFn
          ? [...xray, 'dynamodb:ListStreams', 'sns:CheckIfPhoneNumberIsOptedOut', 'sns:Publish']
          : fn === stack.sms.inboundFn
            ? [...xray, 'sns:CheckIfPhoneNumberIsOptedOut', 'sns:OptInPhoneNumber']
            : xray;
      expect(anyResource, fn.handlerFile).toEqual(expected.sort());
    }
  });

  it('only the notifier may publish SMS', () => {
    for (const fn of ours) {
      const publishes = statementsOf(fn.role!).some((s) => actionsOf(s).includes('sns:Publish'));
      expect(publishes, fn.handlerFile).toBe(fn === stack.sms.notifierFn);
    }
  });
});
