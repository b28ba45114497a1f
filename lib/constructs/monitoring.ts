// Alarms that need a person: anything in a dead-letter queue, any Lambda error or throttle, an
// outbox that falls behind, failing SMS deliveries, SMS spend and a county past its daily SMS budget. All of them notify one encrypted SNS topic (subscribe the on-call to it).
import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS } from '../../functions/config/metrics.js';

export interface MonitoringProps {
  /** Construct id → function; the id names the alarms. */
  readonly functions: Record<string, IFunction>;
  readonly deadLetterQueues: Record<string, IQueue>;
  /** Stream consumers whose lag matters (the outbox notifier): alarm on IteratorAge. */
  readonly streamConsumers?: Record<string, IFunction>;
  /** SMS spend this month (USD) that wakes someone: SNS has a spend limit, set outside the stack. */
  readonly smsMonthlySpendAlarmUsd?: number;
  /** false where SMS do not go through Amazon SNS (China profile): no SNS SMS metrics to watch. */
  readonly snsSms?: boolean;
}

const PERIOD = Duration.minutes(5);

export class Monitoring extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);

    const key = new Key(this, 'AlarmTopicKey', { description: 'Chunfeng alarm topic', enableKeyRotation: true });
    // CloudWatch publishes to an encrypted topic only if the key lets it, and only for our alarms.
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm:*' }) },
        },
      }),
    );
    this.alarmTopic = new Topic(this, 'AlarmTopic', { masterKey: key, enforceSSL: true });
    const action = new SnsAction(this.alarmTopic);

    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string): void => {
      const created = new Alarm(this, alarmId, {
        metric,
        threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // No data means nothing happened (no messages, no invocations), which is healthy.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
    };

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${name}Depth`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        0,
        `${name}: messages in a dead-letter queue need inspection and a redrive.`,
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }), 0, `${name}: invocations failed.`);
      alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
        0,
        `${name}: invocations throttled (concurrency limit reached).`,
      );
    }
    // Direct-to-phone SMS through SNS: deliveries the carriers refused, and the month's spend.
    if (props.snsSms !== false) {
      alarm(
        'SmsDeliveryFailures',
        new Metric({ namespace: 'AWS/SNS', metricName: 'NumberOfNotificationsFailed', dimensionsMap: { PhoneNumber: 'PhoneNumberDirect' }, period: PERIOD, statistic: 'Sum' }),
        10,
        'SMS: more than 10 direct-to-phone deliveries failed in 5 minutes.',
      );
      alarm(
        'SmsMonthlySpend',
        new Metric({ namespace: 'AWS/SNS', metricName: 'SMSMonthToDateSpentUSD', period: Duration.hours(1), statistic: 'Maximum' }),
        props.smsMonthlySpendAlarmUsd ?? 500,
        'SMS: this month’s spend passed the alarm threshold (the account spend limit stops sending).',
      );
    }
    // The notifier's own metric (Powertools EMF), one per non-urgent SMS held back by a county's budget;
    // the log line beside it names the county.
    alarm(
      'SmsCountyBudgetReached',
      new Metric({ namespace: METRICS.namespace, metricName: METRICS.smsOverBudget, dimensionsMap: { service: METRICS.service }, period: PERIOD, statistic: 'Sum' }),
      0,
      'SMS: a county used up its daily SMS budget; its non-urgent SMS are suppressed until midnight (China time). Find the county in the notifier log (SmsOverBudget); raise smsDailyBudgetPerCounty if the traffic is genuine.',
    );
    for (const [name, fn] of Object.entries(props.streamConsumers ?? {})) {
      alarm(
        `${name}IteratorAge`,
        fn.metric('IteratorAge', { period: PERIOD, statistic: 'Maximum' }),
        Duration.minutes(5).toMilliseconds(),
        `${name}: stream records wait more than 5 minutes (SMS delivery is late).`,
      );
    }
  }
}
