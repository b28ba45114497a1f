import { describe, expect, it } from 'vitest';
import { synth } from './synth.js';

const { stack, template, logicalId, resource } = synth();
const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).map((s) => s.Properties);
const fnOf = (handlerFile: string) => stack.jobs.functions.find((fn) => fn.handlerFile === handlerFile)!;

describe('scheduled jobs', () => {
  it.each([
    ['matcher', 'rate(1 hour)'],
    ['offer-expiry', 'rate(15 minutes)'],
    ['follow-up', expect.stringMatching(/^cron\(/)],
  ])('%s runs on its schedule, with retries and the jobs DLQ', (handlerFile, expression) => {
    const fnArn = { 'Fn::GetAtt': [logicalId(fnOf(handlerFile)), 'Arn'] };
    const mine = schedules.filter((s) => JSON.stringify(s.Target.Arn) === JSON.stringify(fnArn));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      ScheduleExpression: expression,
      State: 'ENABLED',
      Target: {
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack.jobs.deadLetterQueue), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: expect.any(Number), MaximumEventAgeInSeconds: expect.any(Number) },
      },
    });
  });

  it('runs the daily follow-up at a civil hour in China', () => {
    const followUp = schedules.find((s) => String(s.ScheduleExpression).startsWith('cron('));
    expect(followUp?.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
  });

  it('sends failed asynchronous runs to the same DLQ', () => {
    const configs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig')).map((c) => c.Properties);
    for (const fn of stack.jobs.functions) {
      expect(configs).toContainEqual(
        expect.objectContaining({
          FunctionName: { Ref: logicalId(fn) },
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(stack.jobs.deadLetterQueue), 'Arn'] } } },
        }),
      );
    }
  });

  it('gives the matcher room for a county-scale run', () => {
    expect(resource(fnOf('matcher')).Properties).toMatchObject({ Timeout: 900 });
    expect(resource(fnOf('matcher')).Properties.MemorySize).toBeGreaterThanOrEqual(2048);
  });
});
