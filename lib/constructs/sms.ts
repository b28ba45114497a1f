// SMS in both directions, through the profile's provider.
// Inbound: replies reach an SQS queue (DLQ) → `sms-inbound`, which reports partial batch failures so one
//   bad message never blocks the rest. Global profile: AWS End User Messaging SMS publishes them to an
//   SNS topic subscribed to the queue. China profile: Alibaba Cloud SMS pushes them (and delivery
//   receipts) to the `sms-callback` function behind a public API route, which queues them.
// Outbound: every SMS is an outbox item written in the same transaction as the state change it
//   reports; the table stream (outbox INSERTs only) drives `notifier`, which sends it through SNS
//   (global) or Alibaba Cloud SMS (China; credentials from Secrets Manager, by name).
import { ArnFormat, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { FilterPattern, LogGroup, RetentionDays, SubscriptionFilter } from 'aws-cdk-lib/aws-logs';
import { LambdaDestination } from 'aws-cdk-lib/aws-logs-destinations';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEFAULT_SMS_DAILY_BUDGET_PER_COUNTY, DEFAULT_SMS_SEND_RATE, ENV, asPositiveInteger } from '../../functions/config/env.js';
import { OUTBOX_ENTITY } from '../../functions/store/entities/outbox-message.js';
import type { AliyunSmsSettings } from '../profile.js';
import type { Data } from './data.js';
import { LambdaFunction } from './lambda-function.js';
import { deadLetterQueue } from './queues.js';

const INBOUND_TIMEOUT = Duration.seconds(30);

export interface SmsProps {
  readonly data: Data;
  /** Sender ID shown on the phone where the destination country allows one (context `smsSenderId`). */
  readonly senderId?: string;
  /**
   * Origination identity (short code, long code or pool) provisioned outside the stack: CDK cannot
   * buy a short code, and +86 traffic needs one with registered templates (context `smsOriginationNumber`).
   */
  readonly originationNumber?: string;
  /**
   * SMS a county may send a day (China's day) before non-urgent ones are suppressed; context
   * `smsDailyBudgetPerCounty`, default 5,000. An alarm (Monitoring) says when a county reaches it.
   */
  readonly dailyBudgetPerCounty?: number;
  /** China profile: Alibaba Cloud SMS instead of Amazon SNS (no SNS topic, no sns:Publish). */
  readonly aliyun?: AliyunSmsSettings;
  /** SMS a second the notifier sends per origination identity (context `smsSendRate`, default 20). */
  readonly sendRate?: number;
  /** Quiet hours in China time (context `smsQuietHours`, `21-8` by default, `off`). */
  readonly quietHours?: string;
}

/** A whole number above zero from the props or the context, else `fallback`. */
function positiveContext(scope: Construct, value: unknown, key: string, fallback: number): number {
  const raw: unknown = value ?? scope.node.tryGetContext(key);
  if (raw === undefined || raw === '') return fallback;
  const parsed = asPositiveInteger(raw);
  if (parsed === undefined) throw new Error(`${key} must be a whole number above 0, not ${String(raw)}`);
  return parsed;
}

/** The budget from the props or the context (a number in cdk.json, a string on the command line). */
function dailyBudget(scope: Construct, props: SmsProps): number {
  const raw: unknown = props.dailyBudgetPerCounty ?? scope.node.tryGetContext('smsDailyBudgetPerCounty');
  if (raw === undefined || raw === '') return DEFAULT_SMS_DAILY_BUDGET_PER_COUNTY;
  const budget = asPositiveInteger(raw);
  if (budget === undefined) throw new Error(`smsDailyBudgetPerCounty must be a whole number above 0, not ${String(raw)}`);
  return budget;
}

export class Sms extends Construct {
  /** The county daily budget the notifier applies (the API's 群发 preview shows what is left of it). */
  readonly dailyBudgetPerCounty: number;
  readonly inboundQueue: Queue;
  readonly inboundDlq: Queue;
  readonly notifierDlq: Queue;
  readonly inboundFn: LambdaFunction;
  readonly notifierFn: LambdaFunction;
  /** Global profile: records SNS's delivery statuses (from CloudWatch Logs) as receipts. */
  readonly receiptsFn?: LambdaFunction;
  /** China profile: receives the provider's receipts and replies (POST /sms/callbacks/aliyun/{kind}). */
  readonly callbackFn?: LambdaFunction;
  /** China profile: the provider's credentials and callback token, referred to by name. */
  readonly providerSecret?: ISecret;
  private readonly topic?: Topic;

  constructor(scope: Construct, id: string, props: SmsProps) {
    super(scope, id);
    const { data } = props;

    // --- inbound -------------------------------------------------------------------------------
    this.inboundDlq = deadLetterQueue(this, 'InboundDlq');
    this.inboundQueue = new Queue(this, 'InboundQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Lambda's guidance: at least six times the function timeout, so retries do not overlap.
      visibilityTimeout: Duration.seconds(INBOUND_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.inboundDlq, maxReceiveCount: 5 },
    });
    if (props.aliyun) {
      this.providerSecret = Secret.fromSecretNameV2(this, 'ProviderSecret', props.aliyun.secretName);
      this.callbackFn = this.providerCallback(data, this.providerSecret);
    } else {
      this.topic = this.endUserMessagingTopic();
      // Raw delivery: the SQS body is End User Messaging's JSON itself (originationNumber,
      // messageBody, inboundMessageId …), not wrapped in an SNS envelope.
      this.topic.addSubscription(new SqsSubscription(this.inboundQueue, { rawMessageDelivery: true }));
    }

    this.inboundFn = new LambdaFunction(this, 'Inbound', {
      handlerFile: 'sms-inbound',
      timeout: INBOUND_TIMEOUT,
      // The provider decides whether 订阅 also lifts the number from SNS's own opt-out list (adapters/carrier-opt-out.ts).
      environment: { [ENV.smsProvider]: props.aliyun ? 'aliyun' : 'sns' },
    });
    if (!props.aliyun) {
      // 订阅 asks SNS whether the number is on its opt-out list and opts it back in; neither action has a resource ARN.
      this.inboundFn.addToRolePolicy(
        new PolicyStatement({ actions: ['sns:CheckIfPhoneNumberIsOptedOut', 'sns:OptInPhoneNumber'], resources: ['*'] }),
      );
    }
    // Replies leave through the outbox, so the table is the only thing it writes to.
    this.inboundFn.bindTable(data.table, 'RW');
    data.bindIdHash(this.inboundFn);
    this.inboundFn.addEventSource(
      new SqsEventSource(this.inboundQueue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
      }),
    );

    // --- outbound ------------------------------------------------------------------------------
    // Receives the coordinates (shard, sequence numbers) of stream batches that kept failing; the
    // outbox items themselves stay `pending` in the table and can be replayed from there.
    this.notifierDlq = deadLetterQueue(this, 'NotifierDlq');
    Validations.of(this.notifierDlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself a dead-letter queue: the notifier stream mapping's on-failure destination.",
    });

    this.dailyBudgetPerCounty = dailyBudget(this, props);
    const smsEnvironment: Record<string, string> = {
      [ENV.smsDailyBudgetPerCounty]: String(this.dailyBudgetPerCounty),
      [ENV.smsSendRate]: String(positiveContext(this, props.sendRate, 'smsSendRate', DEFAULT_SMS_SEND_RATE)),
    };
    const quietHours = props.quietHours ?? (this.node.tryGetContext('smsQuietHours') as string | undefined);
    if (quietHours) smsEnvironment[ENV.smsQuietHours] = quietHours;
    if (props.aliyun) {
      Object.assign(smsEnvironment, {
        [ENV.smsSignName]: props.aliyun.signName,
        [ENV.smsTemplateCodes]: JSON.stringify(props.aliyun.templateCodes),
        [ENV.smsProviderSecretId]: props.aliyun.secretName,
      });
    }
    if (props.senderId) smsEnvironment[ENV.smsSenderId] = props.senderId;
    if (props.originationNumber) smsEnvironment[ENV.smsOriginationNumber] = props.originationNumber;
    this.notifierFn = new LambdaFunction(this, 'Notifier', {
      // One provider's SDK per bundle: the China profile's notifier sends through Alibaba Cloud.
      handlerFile: props.aliyun ? 'notifier-aliyun' : 'notifier',
      timeout: Duration.seconds(60),
      environment: smsEnvironment,
      // The send rate holds for the deployment because one notifier runs at a time: its token bucket
      // (SMS_SEND_RATE a second) is then the only one. A batch of 25 at 20/s takes about 1.3 s; stream
      // shards beyond the first wait their turn (throttled invocations of a stream mapping are retried).
      reservedConcurrentExecutions: 1,
    });
    this.notifierFn.bindTable(data.table, 'RW');
    if (this.providerSecret) {
      this.providerSecret.grantRead(this.notifierFn);
      Validations.of(this.notifierFn.role!).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Actions without resource-level permissions: dynamodb:ListStreams (stream event source) and X-Ray tracing. tests/infra pins this list.',
      });
    } else {
      // Publishing straight to a phone number has no resource ARN to scope to. Note: the account's
      // monthly SMS spend limit (SNS SetSMSAttributes MonthlySpendLimit) cannot be set in CloudFormation;
      // set it once per account and region, and raise it with AWS Support before a campaign.
      // Before publishing, the notifier asks whether SNS would drop the SMS (its own opt-out list): logged suppressed.
      this.notifierFn.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish', 'sns:CheckIfPhoneNumberIsOptedOut'], resources: ['*'] }));
      Validations.of(this.notifierFn.role!).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Actions without resource-level permissions: sns:Publish to a phone number (direct SMS has no ARN), sns:CheckIfPhoneNumberIsOptedOut, dynamodb:ListStreams (stream event source) and X-Ray tracing. tests/infra pins this list.',
      });
    }
    this.notifierFn.addEventSource(
      new DynamoEventSource(data.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        onFailure: new SqsDlq(this.notifierDlq),
        // New outbox items, and held ones the sweep released (quiet hours, scheduled broadcasts); the
        // notifier's own status updates (other MODIFYs) never come back to it.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { __edb_e__: { S: FilterRule.isEqual(OUTBOX_ENTITY) } } },
          }),
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('MODIFY'),
            dynamodb: {
              NewImage: { __edb_e__: { S: FilterRule.isEqual(OUTBOX_ENTITY) }, heldState: { S: FilterRule.isEqual('released') } },
              OldImage: { heldState: { S: FilterRule.isEqual('held') } },
            },
          }),
        ],
      }),
    );
    if (!props.aliyun) this.receiptsFn = this.snsDeliveryReceipts(data);
  }

  /**
   * SNS delivery receipts: SNS logs every SMS's fate to CloudWatch Logs once the account's SMS attributes
   * name a role for it (DeliveryStatusIAMRole; 100 % of successes sampled, failures always). Account-level
   * SMS attributes have no CloudFormation resource, so a custom resource calls SetSMSAttributes. SNS
   * writes to `sns/<region>/<account>/DirectPublishToPhoneNumber` (and `/Failure`); the stack creates both
   * groups (kept on delete: SNS would recreate them) and subscribes the receipts Lambda to them.
   */
  private snsDeliveryReceipts(data: Data): LambdaFunction {
    const stack = Stack.of(this);
    const fn = new LambdaFunction(this, 'Receipts', { handlerFile: 'sms-receipts', timeout: Duration.seconds(60) });
    fn.bindTable(data.table, 'RW');

    const prefix = `sns/${stack.region}/${stack.account}/DirectPublishToPhoneNumber`;
    const logGroupArn = stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: `${prefix}*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const deliveryRole = new Role(this, 'DeliveryStatusRole', { assumedBy: new ServicePrincipal('sns.amazonaws.com') });
    deliveryRole.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:PutMetricFilter', 'logs:PutRetentionPolicy'],
        resources: [logGroupArn, `${logGroupArn}:*`],
      }),
    );
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const shownArn = `arn:<AWS::Partition>:logs:${region}:${account}:log-group:sns/${region}/${account}/DirectPublishToPhoneNumber*`;
    for (const resource of [shownArn, `${shownArn}:*`]) {
      Validations.of(deliveryRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${resource}]`,
        reason: 'SNS names its SMS delivery log groups itself (DirectPublishToPhoneNumber and …/Failure) and their streams: the role covers those only.',
      });
    }

    const attributes = new AwsCustomResource(this, 'DeliveryStatusLogging', {
      onUpdate: {
        service: 'SNS',
        action: 'setSMSAttributes',
        parameters: { attributes: { DeliveryStatusIAMRole: deliveryRole.roleArn, DeliveryStatusSuccessSamplingRate: '100' } },
        physicalResourceId: PhysicalResourceId.of('sms-delivery-status-logging'),
      },
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['sns:SetSMSAttributes'], resources: ['*'] }),
        new PolicyStatement({ actions: ['iam:PassRole'], resources: [deliveryRole.roleArn] }),
      ]),
      installLatestAwsSdk: false,
    });
    Validations.of(attributes).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'sns:SetSMSAttributes is account-level and has no resource ARN (the call sets the delivery-status role once per account and region).',
    });
    // CDK's one provider function for AwsCustomResource (a singleton at stack level) runs with the basic execution policy.
    const provider = stack.node.tryFindChild(AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '').replace(/^/, 'AWS'));
    if (provider) {
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "CDK's AwsCustomResource provider function (one per stack) comes with the AWS managed basic execution role; it only writes its own logs.",
      });
    }

    for (const [id, name] of [
      ['DeliveryLogs', prefix],
      ['DeliveryFailureLogs', `${prefix}/Failure`],
    ] as const) {
      const group = new LogGroup(this, id, { logGroupName: name, retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.RETAIN });
      group.node.addDependency(attributes);
      new SubscriptionFilter(this, `${id}Receipts`, { logGroup: group, destination: new LambdaDestination(fn), filterPattern: FilterPattern.allEvents() });
    }
    return fn;
  }

  /** Global profile: the SNS topic End User Messaging SMS publishes replies to. */
  get inboundTopic(): Topic {
    if (!this.topic) throw new Error('The china profile has no SNS topic: replies come through the provider callback');
    return this.topic;
  }

  private endUserMessagingTopic(): Topic {
    const stack = Stack.of(this);
    // SNS encryption needs a customer managed key: the AWS managed SNS key cannot be shared with
    // the SMS service that publishes here.
    const topicKey = new Key(this, 'InboundTopicKey', {
      description: 'Chunfeng inbound SMS topic',
      enableKeyRotation: true,
    });
    const smsService = new ServicePrincipal('sms-voice.amazonaws.com');
    // Only End User Messaging SMS of this account, from its phone numbers in this region.
    const fromOurSmsService = {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'sms-voice', resource: '*' }) },
    };
    topicKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [smsService],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: fromOurSmsService,
      }),
    );
    const topic = new Topic(this, 'InboundTopic', { masterKey: topicKey, enforceSSL: true });
    topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [smsService],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: fromOurSmsService,
      }),
    );
    return topic;
  }

  /**
   * The provider's callback: checks the token (from the secret), records receipts in the table, and
   * queues replies for `sms-inbound`, which handles them as it handles every inbound SMS.
   */
  private providerCallback(data: Data, secret: ISecret): LambdaFunction {
    const fn = new LambdaFunction(this, 'Callback', {
      handlerFile: 'sms-callback',
      timeout: Duration.seconds(10),
      environment: { [ENV.smsProviderSecretId]: secret.secretName, [ENV.smsInboundQueueUrl]: this.inboundQueue.queueUrl },
    });
    fn.bindTable(data.table, 'RW');
    secret.grantRead(fn);
    this.inboundQueue.grantSendMessages(fn);
    return fn;
  }

  get deadLetterQueues(): Queue[] {
    return [this.inboundDlq, this.notifierDlq];
  }
}
