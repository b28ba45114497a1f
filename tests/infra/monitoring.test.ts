import { describe, expect, it } from 'vitest';
import { METRICS } from '../../functions/config/metrics.js';
import { synth } from './synth.js';

const { stack, template, logicalId, resource } = synth();
const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
const alarmTopic = { Ref: logicalId(stack.monitoring.alarmTopic) };

describe('alarms', () => {
  it('fire on any message in any dead-letter queue', () => {
    const dlqs = [stack.sms.inboundDlq, stack.sms.notifierDlq, stack.jobs.deadLetterQueue];
    for (const dlq of dlqs) {
      expect(alarms).toContainEqual(
        expect.objectContaining({
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(dlq), 'QueueName'] } }],
          ComparisonOperator: 'GreaterThanThreshold',
          Threshold: 0,
          AlarmActions: [alarmTopic],
        }),
      );
    }
  });

  it('fire on errors and throttles of every function', () => {
    const fns = [stack.api.fn, stack.sms.inboundFn, stack.sms.notifierFn, ...stack.jobs.functions, stack.backgroundJobs.worker];
    for (const fn of fns) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(alarms).toContainEqual(
          expect.objectContaining({
            Namespace: 'AWS/Lambda',
            MetricName: metric,
            Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }],
            AlarmActions: [alarmTopic],
          }),
        );
      }
    }
  });

  it('fire on failing SMS deliveries and on the month’s SMS spend', () => {
    expect(alarms).toContainEqual(
      expect.objectContaining({ Namespace: 'AWS/SNS', MetricName: 'NumberOfNotificationsFailed', AlarmActions: [alarmTopic] }),
    );
    expect(alarms).toContainEqual(
      expect.objectContaining({ Namespace: 'AWS/SNS', MetricName: 'SMSMonthToDateSpentUSD', Threshold: 500, AlarmActions: [alarmTopic] }),
    );
  });

  it('fire when a county reaches its daily SMS budget (the notifier counts each SMS it holds back)', () => {
    expect(alarms).toContainEqual(
      expect.objectContaining({
        Namespace: 'Chunfeng',
        MetricName: 'SmsOverBudget',
        // Powertools metrics carry the service dimension: without it the alarm would watch nothing.
        Dimensions: [{ Name: 'service', Value: METRICS.service }],
        Statistic: 'Sum',
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        AlarmActions: [alarmTopic],
      }),
    );
  });

  it('notify a KMS-encrypted topic', () => {
    expect(resource(stack.monitoring.alarmTopic).Properties.KmsMasterKeyId).toBeDefined();
  });
});
