// The national matching run (DESIGN §4 scale-out): a Step Functions state machine that fans out per
// county with Distributed Maps, so no Lambda ever loads the country (functions/services/national-run.ts).
//
//   Plan ─► SummariseCounties (Distributed Map) ─► Allocate ─► MatchCounties (Distributed Map) ─► Summary
//
// Each Map item is one county: a Lambda call with backoff retries on Lambda's own errors and throttles,
// one more try on a function error, then a Catch inside the item that records the county as failed and
// lets the run go on (the summary lists the counties without a result). Payloads are a run id and
// county codes (≈ 10 bytes a county, 2,800 counties ≈ 30 KB, far below the 256 KB state limit);
// summaries and quotas travel through the table as run artifacts, and each Map item's output is cut to
// its county code. Started daily by EventBridge Scheduler, and on demand by StartExecution (see
// startExecutionGrantee).
import { ArnFormat, Duration, Fn, RemovalPolicy, Stack, TimeZone, Token, Validations } from 'aws-cdk-lib';
import { Grant, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import {
  DefinitionBody,
  DistributedMap,
  Errors,
  Fail,
  JitterType,
  JsonPath,
  LogLevel,
  Pass,
  StateMachine,
  StateMachineType,
  TaskInput,
  type CfnStateMachine,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { Data } from './data.js';
import { LambdaFunction } from './lambda-function.js';
import { deadLetterQueue } from './queues.js';

/** County steps at a time (DESIGN §8: the wall-time target assumes 500). */
export const COUNTY_CONCURRENCY = 500;

export interface NationalProps {
  readonly data: Data;
  /** Counties the scheduled run covers; empty: every county of the country. */
  readonly counties: readonly string[];
}

export class National extends Construct {
  readonly stateMachine: StateMachine;
  readonly allocateFn: LambdaFunction;
  readonly countyFn: LambdaFunction;
  readonly summaryFn: LambdaFunction;
  readonly functions: LambdaFunction[];
  readonly logGroup: LogGroup;
  readonly schedule: Schedule;
  /** Scheduler deliveries that could not start an execution. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: NationalProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // The allocation holds every county's summary (~800,000 classes) and solves one flow network.
    this.allocateFn = new LambdaFunction(this, 'NationalAllocate', {
      handlerFile: 'national-allocate',
      description: 'National run: plan (counties, vacancy digest) and the allocation of places to counties',
      memorySize: 6144,
      timeout: Duration.minutes(15),
    });
    // One county: as the scheduled Matcher (county scale in memory, offers written one by one).
    this.countyFn = new LambdaFunction(this, 'NationalCounty', {
      handlerFile: 'national-county',
      description: 'National run, one county: class summary, then matching within its allocation',
      memorySize: 3008,
      timeout: Duration.minutes(15),
    });
    this.summaryFn = new LambdaFunction(this, 'NationalSummary', {
      handlerFile: 'national-summary',
      description: 'National run: the counties results added up',
      timeout: Duration.minutes(5),
    });
    this.allocateFn.bindTable(props.data.table, 'RW');
    this.countyFn.bindTable(props.data.table, 'RW');
    this.summaryFn.bindTable(props.data.table, 'RW'); // writes the run's outcome
    this.functions = [this.allocateFn, this.countyFn, this.summaryFn];

    const plan = new LambdaInvoke(this, 'Plan', {
      lambdaFunction: this.allocateFn,
      payload: TaskInput.fromObject({ action: 'plan', input: JsonPath.entirePayload }),
      resultSelector: { 'runId.$': '$.Payload.runId', 'counties.$': '$.Payload.counties' },
    });
    const allocate = new LambdaInvoke(this, 'Allocate', {
      lambdaFunction: this.allocateFn,
      payload: TaskInput.fromObject({ action: 'allocate', 'runId.$': '$.runId' }),
      // Counties come back largest first, so the Map starts the longest steps first.
      resultSelector: { 'runId.$': '$.Payload.runId', 'counties.$': '$.Payload.counties' },
    });
    allocate.addRetry({ errors: [Errors.TASKS_FAILED], interval: Duration.seconds(30), maxAttempts: 1 });
    const summary = new LambdaInvoke(this, 'Summary', {
      lambdaFunction: this.summaryFn,
      payload: TaskInput.fromObject({ 'runId.$': '$.runId' }),
      outputPath: '$.Payload',
    });

    const summarise = this.countyMap('SummariseCounties', 'summarise');
    const match = this.countyMap('MatchCounties', 'match');

    // A run that fails after its plan (a Map beyond its tolerance, the allocation, the summary) leaves
    // its outcome as failed, so GET /matching/national-runs/{id} can say so whoever started it.
    const recordFailure = new LambdaInvoke(this, 'RecordFailure', {
      lambdaFunction: this.summaryFn,
      payload: TaskInput.fromObject({ 'runId.$': '$.runId', 'error.$': '$.failure.Error' }),
      resultPath: JsonPath.DISCARD,
    }).next(new Fail(this, 'RunFailed', { error: 'NationalRunFailed', cause: 'A step after the plan failed; the run outcome records which error.' }));
    for (const step of [summarise, allocate, match, summary]) step.addCatch(recordFailure, { errors: [Errors.ALL], resultPath: '$.failure' });

    this.logGroup = new LogGroup(this, 'Logs', {
      // The /aws/vendedlogs/ prefix keeps the log delivery resource policy small.
      logGroupName: `/aws/vendedlogs/states/${stack.stackName}-national-run`,
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      comment: 'National matching run: summarise counties, allocate places, match counties, add up',
      definitionBody: DefinitionBody.fromChainable(plan.next(summarise).next(allocate).next(match).next(summary)),
      timeout: Duration.hours(3),
      tracingEnabled: true,
      // Execution data stays out of the logs: it is run ids and county codes, but the events add nothing.
      logs: { destination: this.logGroup, level: LogLevel.ALL, includeExecutionData: false },
    });

    this.deadLetterQueue = deadLetterQueue(this, 'Dlq');
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue: for Scheduler deliveries that could not start a national run.',
    });
    this.schedule = new Schedule(this, 'Schedule', {
      // Daily at 02:00 China Standard Time: offers arrive by SMS in the morning.
      schedule: ScheduleExpression.cron({ hour: '2', minute: '0', timeZone: TimeZone.ASIA_SHANGHAI }),
      description: 'National matching run (all counties, or the deployment counties)',
      target: new StepFunctionsStartExecution(this.stateMachine, {
        input: ScheduleTargetInput.fromObject(props.counties.length > 0 ? { counties: props.counties } : {}),
        role: this.schedulerRole(),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });

    this.acknowledgeWildcards();
  }

  /**
   * Lets a function (the API's, for `POST /matching/national-runs`) start a national run and follow it:
   * states:StartExecution on this state machine, states:DescribeExecution on its executions only.
   */
  startExecutionGrantee(fn: LambdaFunction): Grant {
    this.stateMachine.grantStartExecution(fn);
    Validations.of(fn.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${this.executionsArn()}:*]`,
      reason: 'states:DescribeExecution on the executions of the national state machine only (their names are run ids, known only at run time).',
    });
    const stack = Stack.of(this);
    return Grant.addToPrincipal({
      grantee: fn,
      actions: ['states:DescribeExecution'],
      resourceArns: [
        stack.formatArn({
          service: 'states',
          resource: 'execution',
          resourceName: `${Fn.select(6, Fn.split(':', this.stateMachine.stateMachineArn))}:*`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
    });
  }

  /** The state machine's executions as cdk-nag names them (the ARN prefix, before the execution name). */
  private executionsArn(): string {
    const stack = Stack.of(this);
    const machine = stack.getLogicalId(this.stateMachine.node.defaultChild as CfnStateMachine);
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    return `arn:<AWS::Partition>:states:${region}:${account}:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${machine}"}]}]}`;
  }

  /** A Distributed Map over the state's counties, one Lambda call per county. */
  private countyMap(id: string, action: 'summarise' | 'match'): DistributedMap {
    const step = new LambdaInvoke(this, `${id}Step`, {
      lambdaFunction: this.countyFn,
      payload: TaskInput.fromObject({ action, 'runId.$': '$.runId', 'county.$': '$.county' }),
      // The item's output is its county code: 2,800 of them stay far below 256 KB.
      resultPath: JsonPath.DISCARD,
      outputPath: '$.county',
      retryOnServiceExceptions: false,
    });
    // Lambda's own errors and throttles (500 at a time may meet the account's concurrency): back off.
    step.addRetry({
      errors: [
        'Lambda.ServiceException',
        'Lambda.AWSLambdaException',
        'Lambda.SdkClientException',
        'Lambda.ClientExecutionTimeoutException',
        'Lambda.TooManyRequestsException',
        'Lambda.Unknown',
      ],
      interval: Duration.seconds(2),
      maxAttempts: 8,
      backoffRate: 2,
      maxDelay: Duration.minutes(2),
      jitterStrategy: JitterType.FULL,
    });
    // The function itself failed (e.g. DynamoDB throttled it): once more, later.
    step.addRetry({ errors: [Errors.TASKS_FAILED], interval: Duration.seconds(20), maxAttempts: 1, backoffRate: 2 });
    // Still failing: the county is recorded as failed (its output is its code and the error name) and
    // the run goes on; the summary step lists it.
    const failed = new Pass(this, `${id}Failed`, {
      parameters: { 'county.$': '$.county', 'error.$': '$.failure.Error' },
    });
    step.addCatch(failed, { errors: [Errors.ALL], resultPath: '$.failure' });

    const map = new DistributedMap(this, id, {
      itemsPath: '$.counties',
      itemSelector: { 'runId.$': '$.runId', 'county.$': '$$.Map.Item.Value' },
      maxConcurrency: COUNTY_CONCURRENCY,
      // Items catch their own failures; a Map-level failure (e.g. a child execution that could not
      // start) is tolerated up to 5 % of the counties before the run gives up.
      toleratedFailurePercentage: 5,
      mapExecutionType: StateMachineType.STANDARD,
      resultPath: JsonPath.DISCARD,
      label: id,
    });
    map.itemProcessor(step);
    return map;
  }

  /** One role for the schedule, assumable only by Scheduler for this account's default schedule group. */
  private schedulerRole(): Role {
    const stack = Stack.of(this);
    return new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
    });
  }

  /** The wildcards the state machine's role needs, each explained (cdk-nag AwsSolutions-IAM5). */
  private acknowledgeWildcards(): void {
    const stack = Stack.of(this);
    const acknowledge = (id: string, reason: string): void => Validations.of(this.stateMachine).acknowledge({ id: `AwsSolutions-IAM5[Resource::${id}]`, reason });
    for (const fn of this.functions) {
      const logicalId = stack.getLogicalId(fn.node.defaultChild as CfnFunction);
      acknowledge(`<${logicalId}.Arn>:*`, `lambda:InvokeFunction on the ${fn.handlerFile} function and its versions/aliases only (CDK LambdaInvoke grant).`);
    }
    acknowledge(
      '*',
      'X-Ray tracing (xray:PutTraceSegments and friends) and CloudWatch Logs log delivery (logs:CreateLogDelivery and friends) accept no resource-level permissions.',
    );
    // Distributed Map: the state machine describes and stops the child executions it starts (named
    // after itself and each Map's label), nothing else.
    const executions = this.executionsArn();
    for (const suffix of [':*', '/SummariseCounties:*', '/MatchCounties:*']) {
      acknowledge(
        `${executions}${suffix}`,
        'Distributed Map: states:DescribeExecution/StopExecution on the child executions of this state machine only (CDK DistributedMap policy).',
      );
    }
  }
}
