import { describe, expect, it } from 'vitest';
import { ENV } from '../../functions/config/env.js';
import { OUTBOX_ENTITY } from '../../functions/store/entities/outbox-message.js';
import { TEST_ENV, actionsOf, synth } from './synth.js';

const { stack, template, logicalId, resource, statementsOf } = synth();
const arn = (construct: Parameters<typeof logicalId>[0]) => ({ 'Fn::GetAtt': [logicalId(construct), 'Arn'] });
const mappingOf = (fnId: string) => {
  const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping', {
    Properties: { FunctionName: { Ref: fnId } },
  }));
  expect(mappings).toHaveLength(1);
  return mappings[0]!.Properties;
};

describe('inbound SMS', () => {
  it('arrives on a KMS-encrypted topic that only our SMS service may publish to', () => {
    expect(resource(stack.sms.inboundTopic).Properties.KmsMasterKeyId).toBeDefined();
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy')).filter((p) =>
      JSON.stringify(p.Properties.Topics).includes(logicalId(stack.sms.inboundTopic)),
    );
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    const smsVoice = statements.find((s) => s.Principal?.Service === 'sms-voice.amazonaws.com');
    expect(smsVoice).toMatchObject({
      Effect: 'Allow',
      Action: 'sns:Publish',
      Condition: {
        StringEquals: { 'aws:SourceAccount': TEST_ENV.account },
        ArnLike: { 'aws:SourceArn': expect.objectContaining({}) },
      },
    });
    const sourceArn = JSON.stringify(smsVoice.Condition.ArnLike['aws:SourceArn']);
    expect(sourceArn).toContain(`:sms-voice:${TEST_ENV.region}:${TEST_ENV.account}:*`);
    // TLS only.
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('lets the SMS service use the topic key, scoped the same way', () => {
    const keyId = resource(stack.sms.inboundTopic).Properties.KmsMasterKeyId['Fn::GetAtt'][0];
    const statements = template.toJSON().Resources[keyId].Properties.KeyPolicy.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Principal: { Service: 'sms-voice.amazonaws.com' },
        Condition: expect.objectContaining({ StringEquals: { 'aws:SourceAccount': TEST_ENV.account } }),
      }),
    );
  });

  it('is queued (raw delivery) with a DLQ after 5 receives, visibility ≥ 6 × the function timeout', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      RawMessageDelivery: true,
      TopicArn: { Ref: logicalId(stack.sms.inboundTopic) },
      Endpoint: arn(stack.sms.inboundQueue),
    });
    const queue = resource(stack.sms.inboundQueue).Properties;
    expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: arn(stack.sms.inboundDlq), maxReceiveCount: 5 });
    expect(queue.SqsManagedSseEnabled).toBe(true);
    const timeout = resource(stack.sms.inboundFn).Properties.Timeout as number;
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('is consumed by sms-inbound with partial batch failures', () => {
    expect(mappingOf(logicalId(stack.sms.inboundFn))).toMatchObject({
      EventSourceArn: arn(stack.sms.inboundQueue),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });
});

describe('outbound SMS (notifier)', () => {
  const mapping = mappingOf(logicalId(stack.sms.notifierFn));

  it('reads the table stream from the start, bisecting and retrying, with an on-failure DLQ', () => {
    expect(mapping).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [logicalId(stack.data.table), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      DestinationConfig: { OnFailure: { Destination: arn(stack.sms.notifierDlq) } },
    });
  });

  it('sees outbox INSERTs, and held messages as they are released, only', () => {
    const patterns = (mapping.FilterCriteria.Filters as { Pattern: string }[]).map((f) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { __edb_e__: { S: [OUTBOX_ENTITY] } } } },
      {
        eventName: ['MODIFY'],
        dynamodb: { NewImage: { __edb_e__: { S: [OUTBOX_ENTITY] }, heldState: { S: ['released'] } }, OldImage: { heldState: { S: ['held'] } } },
      },
    ]);
  });

  it('may publish SMS and ask whether a number opted out with AWS (both on *), and nothing else on SNS', () => {
    const sns = statementsOf(stack.sms.notifierFn.role!).filter((s) => actionsOf(s).some((a) => a.startsWith('sns:')));
    expect(sns).toEqual([expect.objectContaining({ Action: ['sns:Publish', 'sns:CheckIfPhoneNumberIsOptedOut'], Resource: '*' })]);
  });

  it('gets the origination identity from context, merged with the default environment', () => {
    const variables = resource(stack.sms.notifierFn).Properties.Environment.Variables;
    expect(variables).not.toHaveProperty(ENV.smsSenderId);
    expect(variables).not.toHaveProperty(ENV.smsOriginationNumber);

    const withContext = synth({ smsSenderId: 'CHUNFENG', smsOriginationNumber: '+8610690000' });
    const env = withContext.resource(withContext.stack.sms.notifierFn).Properties.Environment.Variables;
    expect(env).toMatchObject({
      [ENV.smsSenderId]: 'CHUNFENG',
      [ENV.smsOriginationNumber]: '+8610690000',
      [ENV.tableName]: { Ref: withContext.logicalId(withContext.stack.data.table) },
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('gets the daily SMS budget per county from context (default 5,000), and refuses a budget that is not one', () => {
    expect(resource(stack.sms.notifierFn).Properties.Environment.Variables[ENV.smsDailyBudgetPerCounty]).toBe('5000');
    for (const budget of [2000, '2000']) {
      const withContext = synth({ smsDailyBudgetPerCounty: budget });
      expect(withContext.resource(withContext.stack.sms.notifierFn).Properties.Environment.Variables[ENV.smsDailyBudgetPerCounty]).toBe('2000');
      // The API's 群发 preview says how much of the same budget is left.
      expect(withContext.resource(withContext.stack.api.fn).Properties.Environment.Variables[ENV.smsDailyBudgetPerCounty]).toBe('2000');
    }
    expect(() => synth({ smsDailyBudgetPerCounty: 'lots' })).toThrow(/smsDailyBudgetPerCounty/);
  });
});

describe('send rate and SNS delivery receipts', () => {
  it('runs one notifier at a time at the configured rate, and sends released held messages', () => {
    const notifier = resource(stack.sms.notifierFn).Properties;
    expect(notifier.ReservedConcurrentExecutions).toBe(1);
    expect(notifier.Environment.Variables[ENV.smsSendRate]).toBe('20');
    const filters = mappingOf(logicalId(stack.sms.notifierFn)).FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern));
    expect(filters).toContainEqual({
      eventName: ['MODIFY'],
      dynamodb: { NewImage: { __edb_e__: { S: [OUTBOX_ENTITY] }, heldState: { S: ['released'] } }, OldImage: { heldState: { S: ['held'] } } },
    });
  });

  it('turns on SNS SMS delivery-status logging with a role SNS assumes, all successes sampled', () => {
    const calls = Object.values(template.findResources('Custom::AWS')).map((r) => JSON.stringify(r.Properties.Update ?? r.Properties.Create));
    const call = calls.find((c) => c.includes('setSMSAttributes'));
    expect(call).toBeDefined();
    expect(call).toContain('DeliveryStatusIAMRole');
    expect(call).toContain('\\"DeliveryStatusSuccessSamplingRate\\":\\"100\\"');
    const roles = Object.values(template.findResources('AWS::IAM::Role')).filter((r) =>
      JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('sns.amazonaws.com'),
    );
    expect(roles).toHaveLength(1);
  });

  it('subscribes the receipts Lambda to both SNS delivery log groups', () => {
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup')).map((g) => JSON.stringify(g.Properties.LogGroupName ?? ''));
    expect(groups.filter((g) => g.includes('DirectPublishToPhoneNumber'))).toHaveLength(2);
    expect(groups.some((g) => g.includes('DirectPublishToPhoneNumber/Failure'))).toBe(true);
    const filters = Object.values(template.findResources('AWS::Logs::SubscriptionFilter'));
    expect(filters).toHaveLength(2);
    for (const f of filters) {
      expect(f.Properties.DestinationArn).toEqual(arn(stack.sms.receiptsFn!));
      expect(f.Properties.FilterPattern).toBe('');
    }
    const receipts = resource(stack.sms.receiptsFn!).Properties;
    expect(receipts.Environment.Variables[ENV.tableName]).toBeDefined();
  });
});
