// cdk-nag 3 (AWS Solutions pack) over the whole app: no unacknowledged finding, and every
// acknowledgement is listed here, so adding one is a visible, reviewed change.
import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { CoordinatorStack, STACK_ID } from '../../lib/coordinator-stack.js';
import { TEST_ENV, synth } from './synth.js';

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in the stack', () => {
    const { app } = synth();
    const report = new AwsSolutionsChecks().validateScope(app);
    const findings = report.violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}: ${v.description}`),
    );
    expect(findings).toEqual([]);
  });

  it('is not vacuous: it does flag a non-compliant resource', () => {
    const app = new App();
    new Queue(new Stack(app, 'Bad'), 'Plain', { encryption: QueueEncryption.UNENCRYPTED });
    const rules = new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-SQS2', 'AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
  });

  it('acknowledges only the reviewed exceptions, each on its own construct with a reason', () => {
    const { app, stack } = synth();
    const acknowledged: string[] = [];
    for (const construct of app.node.findAll()) {
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          expect(String(reason).length, id).toBeGreaterThan(20);
          const path = construct.node.path.slice(stack.node.path.length + 1);
          acknowledged.push(`${path} ${id.replace(/^annotation::/i, '')}`);
        }
      }
    }
    const xray = 'AwsSolutions-IAM5[Resource::*]';
    // The national state machine's acknowledgements (X-Ray on its three roles, its own DLQ, the Lambda
    // and Distributed Map invoke grants), each with its reason (checked above).
    const national = acknowledged.filter((a) => a.startsWith('National/'));
    expect(new Set(national).size).toBe(11);
    expect([...new Set(acknowledged.filter((a) => !a.startsWith('National/')))].sort()).toEqual(
      [
        // X-Ray active tracing (all seven roles); the notifier also publishes SMS to phone numbers.
        `Api/FunctionRole ${xray}`,
        // The api follows national runs: DescribeExecution on the national state machine's executions.
        `Api/FunctionRole AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${TEST_ENV.region}:${TEST_ENV.account}:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${stack.getLogicalId(stack.national.stateMachine.node.defaultChild as CfnElement)}"}]}]}:*]`,
        `Sms/InboundRole ${xray}`,
        `Sms/NotifierRole ${xray}`,
        `Sms/ReceiptsRole ${xray}`,
        // SNS SMS delivery-status logging: SNS's own log group names, the account-level SetSMSAttributes, CDK's provider function.
        `Sms/DeliveryStatusRole AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:${TEST_ENV.region}:${TEST_ENV.account}:log-group:sns/${TEST_ENV.region}/${TEST_ENV.account}/DirectPublishToPhoneNumber*]`,
        `Sms/DeliveryStatusRole AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:${TEST_ENV.region}:${TEST_ENV.account}:log-group:sns/${TEST_ENV.region}/${TEST_ENV.account}/DirectPublishToPhoneNumber*:*]`,
        `Sms/DeliveryStatusLogging ${xray}`,
        'AWS679f53fac002430cb0da5b7982bd2287 AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        `Jobs/MatcherRole ${xray}`,
        `Jobs/OfferExpiryRole ${xray}`,
        `Jobs/FollowUpRole ${xray}`,
        `BackgroundJobs/WorkerRole ${xray}`,
        // The registration (and its phone verification), health and sign-in configuration routes are public by contract.
        'Api/HttpApi/POST--labourers AwsSolutions-APIG4',
        'Api/HttpApi/POST--labourers--verify AwsSolutions-APIG4',
        'Api/HttpApi/GET--health AwsSolutions-APIG4',
        'Api/HttpApi/GET--auth--config AwsSolutions-APIG4',
        // A bus escort's routes: the function admits the trip's stored escort token or a staff ID token (issue #18).
        'Api/HttpApi/GET--trips--{id}--boarding AwsSolutions-APIG4',
        'Api/HttpApi/POST--trips--{id}--boarding AwsSolutions-APIG4',
        'Api/HttpApi/POST--trips--{id}--depart AwsSolutions-APIG4',
        'Api/HttpApi/POST--trips--{id}--arrive AwsSolutions-APIG4',
        'Api/HttpApi/GET--trips--{id}--manifest.csv AwsSolutions-APIG4',
        // The pages' CloudFront: served everywhere, WAF and the custom certificate are per deployment.
        'Web/Distribution AwsSolutions-CFR1',
        'Web/Distribution AwsSolutions-CFR2',
        'Web/Distribution AwsSolutions-CFR4',
        // CDK's own: CloudFront standard logs need the log bucket's ACL (acknowledged by aws-s3).
        'Web/AccessLogs CloudFormation-Validate::W3045',
        // Queues that are themselves dead-letter queues (of a stream mapping / of Scheduler).
        'Sms/NotifierDlq AwsSolutions-SQS3',
        'Jobs/Dlq AwsSolutions-SQS3',
        // Scheduler roles: grantInvoke's `<function arn>:*` (versions and aliases of one function).
        ...stack.jobs.functions.map(
          (fn) => `Jobs/${fn.node.id}SchedulerRole AwsSolutions-IAM5[Resource::<${stack.getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>:*]`,
        ),
      ].sort(),
    );
  });

  it('passes as a synth-time validation plugin, as bin/app.ts registers it', () => {
    // A fresh app: synth() above already synthesized (and cached) its own assembly.
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    new CoordinatorStack(app, STACK_ID, { env: TEST_ENV });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).not.toThrow();
  });
});
