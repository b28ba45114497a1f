// Background jobs: the `jobs` worker Lambda (functions/handlers/jobs.ts), invoked asynchronously by the api
// with `{jobId}` for work that outlasts an HTTP request (a poverty list of more than 5,000 rows).
import { Duration } from 'aws-cdk-lib';
import { Grant, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ENV } from '../../functions/config/env.js';
import type { Data } from './data.js';
import { LambdaFunction } from './lambda-function.js';

export interface BackgroundJobsProps {
  readonly data: Data;
}

export class BackgroundJobs extends Construct {
  readonly worker: LambdaFunction;

  constructor(scope: Construct, id: string, props: BackgroundJobsProps) {
    super(scope, id);
    this.worker = new LambdaFunction(this, 'Worker', {
      handlerFile: 'jobs',
      description: 'Background jobs started by the API (large poverty-list imports, big matching runs, bulk booking)',
      timeout: Duration.minutes(15),
      // exceljs reads .xlsx lists; beside the bundle, as in the api.
      nodeModules: ['exceljs'],
      // A job records its own failure; one that died with its Lambda (a timeout) is reported failed by
      // GET /jobs/{id} once past the timeout. A retry or a late start would outrun that: neither happens.
      retryAttempts: 0,
      maxEventAge: Duration.minutes(1),
    });
    this.worker.bindTable(props.data.table, 'RW');
    props.data.bindIdHash(this.worker);
    // A job longer than 15 minutes hands on to a fresh invocation of this worker (run-job.ts). In a policy
    // of its own: the function depends on its role's default policy, which cannot name the function's ARN.
    new Policy(this, 'HandOn', {
      roles: [this.worker.role!],
      statements: [new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.worker.functionArn] })],
    });
  }

  /** Lets a function (the api's) start jobs: the worker's name in JOBS_FUNCTION_NAME, lambda:InvokeFunction on it alone. */
  grantStart(fn: LambdaFunction): void {
    fn.addEnvironment(ENV.jobsFunctionName, this.worker.functionName);
    // The unqualified ARN only (grantInvoke would add `:*`, every version and alias): the api invokes by name.
    Grant.addToPrincipal({ grantee: fn, actions: ['lambda:InvokeFunction'], resourceArns: [this.worker.functionArn] });
  }
}
