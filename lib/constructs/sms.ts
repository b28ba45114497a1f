// SMS in both directions, through the profile's provider.
// Inbound: replies reach an SQS queue (DLQ) → `sms-inbound`, which reports partial batch failures so one
//   bad message never blocks the rest. Global profile: AWS End User Messaging SMS publishes them to an
//   SNS topic subscribed to the queue. China profile: Alibaba Cloud SMS pushes them (and delivery
//   receipts) to the `sms-callback` function behind a public API route, which queues them.
// Outbound: every SMS is an outbox item written in the same transaction as the state change it
//   reports; the table stream (outbox INSERTs only) drives `notifier`, which sends it through SNS
//   (global) or Alibaba Cloud SMS (China; credentials from Secrets Manager, by name).
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEFAULT_SMS_DAILY_BUDGET_PER_COUNTY, ENV, asPositiveInteger } from '../../functions/config/env.js';
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
  readonly inboundQueue: Queue;
  readonly inboundDlq: Queue;
  readonly notifierDlq: Queue;
  readonly inboundFn: LambdaFunction;
  readonly notifierFn: LambdaFunction;
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

    const smsEnvironment: Record<string, string> = { [ENV.smsDailyBudgetPerCounty]: String(dailyBudget(this, props)) };
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
        // Only new outbox items: the notifier's own status updates (MODIFY) never come back to it.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { __edb_e__: { S: FilterRule.isEqual(OUTBOX_ENTITY) } } },
          }),
        ],
      }),
    );
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
