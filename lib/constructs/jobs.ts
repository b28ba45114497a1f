// Scheduled jobs (EventBridge Scheduler → Lambda). Scheduler and Lambda both retry, so every job
// handler must be idempotent per run; invocations that still fail land in one DLQ with an alarm.
import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Data } from './data.js';
import { LambdaFunction, type LambdaFunctionProps } from './lambda-function.js';
import { deadLetterQueue } from './queues.js';

interface JobSpec {
  /** Construct id of the function and its schedule. */
  readonly id: string;
  readonly handlerFile: string;
  readonly schedule: ScheduleExpression;
  readonly description: string;
  readonly fn: Omit<LambdaFunctionProps, 'handlerFile'>;
}

const JOBS: readonly JobSpec[] = [
  {
    id: 'Matcher',
    handlerFile: 'matcher',
    schedule: ScheduleExpression.rate(Duration.hours(1)),
    description: 'Matching run per county (offers go out by SMS)',
    // County scale (465k labourers, 50k openings) is solved in memory: ≤ 1.5 GB RSS by target.
    fn: { memorySize: 3008, timeout: Duration.minutes(15) },
  },
  {
    id: 'OfferExpiry',
    handlerFile: 'offer-expiry',
    schedule: ScheduleExpression.rate(Duration.minutes(15)),
    description: 'Expire unanswered offers and free their places',
    fn: { timeout: Duration.minutes(5) },
  },
  {
    id: 'FollowUp',
    handlerFile: 'follow-up',
    // Daily, at an hour a labourer will read an SMS (China Standard Time).
    schedule: ScheduleExpression.cron({ hour: '9', minute: '30', timeZone: TimeZone.ASIA_SHANGHAI }),
    description: 'Daily follow-up of unplaced labourers (flag for public-welfare posts)',
    fn: { timeout: Duration.minutes(15) },
  },
];

export interface JobsProps {
  readonly data: Data;
  /** Counties the jobs run for, passed to each invocation as `{counties}`. */
  readonly counties: readonly string[];
}

export class Jobs extends Construct {
  readonly functions: LambdaFunction[] = [];
  readonly schedules: Schedule[] = [];
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);

    this.deadLetterQueue = deadLetterQueue(this, 'Dlq');

    for (const job of JOBS) {
      const fn = new LambdaFunction(this, job.id, {
        handlerFile: job.handlerFile,
        description: job.description,
        ...job.fn,
        // The Scheduler invokes asynchronously: its DLQ only sees invocations Lambda refused. Runs
        // that fail inside the function are retried by Lambda, then sent to the same queue.
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
        onFailure: new SqsDestination(this.deadLetterQueue),
      });
      fn.bindTable(props.data.table, 'RW');
      const schedule = new Schedule(this, `${job.id}Schedule`, {
        schedule: job.schedule,
        description: job.description,
        target: new LambdaInvoke(fn, {
          input: ScheduleTargetInput.fromObject({ counties: props.counties }),
          role: this.schedulerRole(job.id, fn),
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 3,
          // A run that could not start within the hour is superseded by the next one.
          maxEventAge: Duration.hours(1),
        }),
      });
      this.functions.push(fn);
      this.schedules.push(schedule);
    }
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue: for Scheduler deliveries and failed asynchronous job runs.',
    });
  }

  /** One role per schedule, assumable only by Scheduler for this account's default schedule group. */
  private schedulerRole(jobId: string, fn: LambdaFunction): Role {
    const stack = Stack.of(this);
    const role = new Role(this, `${jobId}SchedulerRole`, {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
    });
    // LambdaInvoke grants through fn.grantInvoke, which also covers the function's versions and
    // aliases (`<arn>:*`); that suffix is the only wildcard, and it names this one function.
    const fnLogicalId = stack.getLogicalId(fn.node.defaultChild as CfnFunction);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
      reason: `lambda:InvokeFunction on the ${jobId} function and its versions/aliases only (CDK grantInvoke).`,
    });
    return role;
  }
}
