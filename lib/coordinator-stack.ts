// The whole deployment, read as a list of parts. Each part owns its functions, queues and grants.
import { Annotations, CfnOutput, Stack, type StackProps, Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ENV } from '../functions/config/env.js';
import { Api } from './constructs/api.js';
import { Auth } from './constructs/auth.js';
import { Data } from './constructs/data.js';
import { Jobs } from './constructs/jobs.js';
import { Web } from './constructs/web.js';
import { Monitoring } from './constructs/monitoring.js';
import { National } from './constructs/national.js';
import { Sms } from './constructs/sms.js';

/** Stack id (and CloudFormation stack name) used by bin/app.ts, the tests and the bundle bench. */
export const STACK_ID = 'Chunfeng';

export interface CoordinatorStackProps extends StackProps {
  /** Defaults to the context value `smsSenderId`. */
  readonly smsSenderId?: string;
  /** Defaults to the context value `smsOriginationNumber`. */
  readonly smsOriginationNumber?: string;
}

export class CoordinatorStack extends Stack {
  readonly data: Data;
  readonly auth: Auth;
  readonly api: Api;
  readonly sms: Sms;
  readonly jobs: Jobs;
  readonly national: National;
  readonly web: Web;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: CoordinatorStackProps = {}) {
    super(scope, id, props);
    const context = (key: string): string | undefined => {
      const value: unknown = this.node.tryGetContext(key);
      return typeof value === 'string' && value !== '' ? value : undefined;
    };

    this.data = new Data(this, 'Data');
    this.auth = new Auth(this, 'Auth', { domainPrefix: context('authDomainPrefix') });
    this.api = new Api(this, 'Api', { data: this.data, auth: this.auth });
    this.sms = new Sms(this, 'Sms', {
      data: this.data,
      senderId: props.smsSenderId ?? context('smsSenderId'),
      originationNumber: props.smsOriginationNumber ?? context('smsOriginationNumber'),
    });
    // The counties this deployment serves (context `counties`, comma-separated 6-digit codes):
    // the scheduled matching and follow-up run for each of them.
    const counties = (context('counties') ?? '').split(',').map((c) => c.trim()).filter((c) => /^\d{6}$/.test(c));
    this.jobs = new Jobs(this, 'Jobs', { data: this.data, counties });
    // The national run (Step Functions, one Lambda step per county); empty `counties`: the whole country.
    this.national = new National(this, 'National', { data: this.data, counties });
    // POST /matching/national-runs starts it; GET …/{id} asks after its execution.
    this.api.fn.addEnvironment(ENV.nationalStateMachineArn, this.national.stateMachine.stateMachineArn);
    // A run started without counties covers what the scheduled one covers.
    if (counties.length > 0) this.api.fn.addEnvironment(ENV.counties, counties.join(','));
    this.national.startExecutionGrantee(this.api.fn);
    this.web = new Web(this, 'Web', { apiUrl: this.api.url, signInOrigin: this.auth.domain.baseUrl() });
    // The pages sign in through the user pool's hosted sign-in; GET /auth/config tells them where.
    const pagesUrl = `https://${this.web.distribution.distributionDomainName}/`;
    // A county that puts the pages on its own domain (context `pagesOrigin`, e.g. https://jobs.example.gov.cn) signs in there too.
    const ownOrigin = context('pagesOrigin')?.replace(/\/+$/, '');
    this.auth.allowHostedSignIn(ownOrigin ? [pagesUrl, `${ownOrigin}/`] : [pagesUrl]);
    this.api.fn.addEnvironment(ENV.signInDomain, this.auth.domain.baseUrl());
    this.api.fn.addEnvironment(ENV.signInClientId, this.auth.webClient.userPoolClientId);
    this.api.fn.addEnvironment(ENV.userPoolId, this.auth.userPool.userPoolId);
    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: {
        Api: this.api.fn,
        SmsInbound: this.sms.inboundFn,
        Notifier: this.sms.notifierFn,
        ...Object.fromEntries(this.jobs.functions.map((fn) => [fn.node.id, fn])),
        ...Object.fromEntries(this.national.functions.map((fn) => [fn.node.id, fn])),
      },
      deadLetterQueues: {
        SmsInboundDlq: this.sms.inboundDlq,
        NotifierDlq: this.sms.notifierDlq,
        JobsDlq: this.jobs.deadLetterQueue,
        NationalDlq: this.national.deadLetterQueue,
      },
      streamConsumers: { Notifier: this.sms.notifierFn },
    });

    if (!Token.isUnresolved(this.region) && this.region.startsWith('cn-')) {
      Annotations.of(this).addWarningV2(
        'chunfeng:sms-region',
        'The AWS China regions have no SNS SMS: deploy the notifier with another SmsSender adapter there.',
      );
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'PagesUrl', { value: pagesUrl });
    new CfnOutput(this, 'PagesBucket', { value: this.web.bucket.bucketName });
    new CfnOutput(this, 'PagesDistributionId', { value: this.web.distribution.distributionId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.webClient.userPoolClientId });
    new CfnOutput(this, 'InboundSmsTopicArn', { value: this.sms.inboundTopic.topicArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.alarmTopic.topicArn });
  }
}
