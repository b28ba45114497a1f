// The whole deployment, read as a list of parts. Each part owns its functions, queues and grants.
// Two profiles (lib/profile.ts): global — Cognito, Amazon SNS SMS — and china — the aws-cn partition, any
// OIDC issuer, Alibaba Cloud SMS, the county's ICP-filed domain for the pages.
import { CfnOutput, Fn, Stack, type StackProps, Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ENV } from '../functions/config/env.js';
import { Api, type JwtIssuer } from './constructs/api.js';
import { Auth } from './constructs/auth.js';
import { Data } from './constructs/data.js';
import { BackgroundJobs } from './constructs/background-jobs.js';
import { Jobs } from './constructs/jobs.js';
import { LambdaFunction } from './constructs/lambda-function.js';
import { Web } from './constructs/web.js';
import { Monitoring } from './constructs/monitoring.js';
import { National } from './constructs/national.js';
import { Sms } from './constructs/sms.js';
import { type OidcSettings, type Profile, profileFromContext } from './profile.js';

/** Stack id (and CloudFormation stack name) used by bin/app.ts, the tests and the bundle bench. */
export const STACK_ID = 'Chunfeng';

export interface CoordinatorStackProps extends StackProps {
  /** Defaults to the context value `smsSenderId`. */
  readonly smsSenderId?: string;
  /** Defaults to the context value `smsOriginationNumber`. */
  readonly smsOriginationNumber?: string;
}

export class CoordinatorStack extends Stack {
  readonly profile: Profile;
  readonly data: Data;
  /** Global profile only (the China regions have no Cognito user pools): see `auth`. */
  readonly userPool?: Auth;
  readonly api: Api;
  readonly sms: Sms;
  readonly jobs: Jobs;
  readonly backgroundJobs: BackgroundJobs;
  readonly national: National;
  readonly web: Web;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: CoordinatorStackProps = {}) {
    super(scope, id, props);
    const context = (key: string): string | undefined => {
      const value: unknown = this.node.tryGetContext(key);
      return typeof value === 'string' && value !== '' ? value : undefined;
    };

    this.profile = profileFromContext(this, Token.isUnresolved(this.region) ? undefined : this.region);
    const china = this.profile.kind === 'china' ? this.profile : undefined;

    this.data = new Data(this, 'Data');
    if (!china) this.userPool = new Auth(this, 'Auth', { domainPrefix: context('authDomainPrefix') });
    this.sms = new Sms(this, 'Sms', {
      data: this.data,
      senderId: props.smsSenderId ?? context('smsSenderId'),
      originationNumber: props.smsOriginationNumber ?? context('smsOriginationNumber'),
      aliyun: china?.sms,
    });
    this.api = new Api(this, 'Api', { data: this.data, issuer: china ? oidcIssuer(china.oidc) : this.cognitoIssuer(), providerCallback: this.sms.callbackFn });
    // The counties this deployment serves (context `counties`, comma-separated 6-digit codes):
    // the scheduled matching and follow-up run for each of them.
    const counties = (context('counties') ?? '').split(',').map((c) => c.trim()).filter((c) => /^\d{6}$/.test(c));
    this.jobs = new Jobs(this, 'Jobs', { data: this.data, counties });
    // A poverty list of more than 5,000 rows is imported by the jobs worker, started by the api.
    this.backgroundJobs = new BackgroundJobs(this, 'BackgroundJobs', { data: this.data });
    this.backgroundJobs.grantStart(this.api.fn);
    // The national run (Step Functions, one Lambda step per county); empty `counties`: the whole country.
    this.national = new National(this, 'National', { data: this.data, counties });
    // POST /matching/national-runs starts it; GET …/{id} asks after its execution.
    this.api.fn.addEnvironment(ENV.nationalStateMachineArn, this.national.stateMachine.stateMachineArn);
    // A run started without counties covers what the scheduled one covers.
    if (counties.length > 0) this.api.fn.addEnvironment(ENV.counties, counties.join(','));
    this.national.startExecutionGrantee(this.api.fn);
    // CloudFront tells the API it forwarded a request (so its X-Forwarded-For can be trusted for the
    // per-client limits) with a header only it and the API know: the stack id's UUID, stable across
    // deployments and unknown outside the account.
    const originVerify = Fn.select(2, Fn.split('/', this.stackId));
    this.api.fn.addEnvironment(ENV.originVerify, originVerify);
    this.api.fn.addEnvironment(ENV.smsDailyBudgetPerCounty, String(this.sms.dailyBudgetPerCounty));
    this.web = new Web(this, 'Web', {
      apiUrl: this.api.url,
      originVerify,
      signInOrigin: china ? new URL(china.oidc.tokenEndpoint).origin : this.auth.domain.baseUrl(),
      ownDomain: china?.pages,
      // The provider calls back on the filed domain too: API Gateway's own address may not be reachable in China without one.
      extraApiPaths: china ? ['sms'] : [],
    });
    const pagesUrl = china ? `https://${china.pages.domainName}/` : `https://${this.web.distribution.distributionDomainName}/`;
    if (china) {
      // GET /auth/config sends the pages to the OIDC provider; the public routes verify its ID tokens.
      const { oidc } = china;
      const settings: Record<string, string | undefined> = {
        [ENV.signInClientId]: oidc.clientId,
        [ENV.oidcIssuer]: oidc.issuer,
        [ENV.oidcJwksUri]: oidc.jwksUri,
        [ENV.oidcAuthorizationEndpoint]: oidc.authorizationEndpoint,
        [ENV.oidcTokenEndpoint]: oidc.tokenEndpoint,
        [ENV.oidcEndSessionEndpoint]: oidc.endSessionEndpoint,
        [ENV.oidcScopes]: oidc.scopes,
        [ENV.roleClaim]: oidc.roleClaim,
        [ENV.countyClaim]: oidc.countyClaim,
        [ENV.employerClaim]: oidc.employerClaim,
      };
      for (const [name, value] of Object.entries(settings)) if (value !== undefined) this.api.fn.addEnvironment(name, value);
    } else {
      // The pages sign in through the user pool's hosted sign-in; GET /auth/config tells them where.
      // A county that puts the pages on its own domain (context `pagesOrigin`, e.g. https://jobs.example.gov.cn) signs in there too.
      const ownOrigin = context('pagesOrigin')?.replace(/\/+$/, '');
      this.auth.allowHostedSignIn(ownOrigin ? [pagesUrl, `${ownOrigin}/`] : [pagesUrl]);
      this.api.fn.addEnvironment(ENV.signInDomain, this.auth.domain.baseUrl());
      this.api.fn.addEnvironment(ENV.signInClientId, this.auth.webClient.userPoolClientId);
      this.api.fn.addEnvironment(ENV.userPoolId, this.auth.userPool.userPoolId);
    }
    if (china) {
      // Every function learns the provider: SNS-only features (its opt-out list) stay off in China.
      for (const fn of this.node.findAll().filter((c): c is LambdaFunction => c instanceof LambdaFunction)) fn.addEnvironment(ENV.smsProvider, 'aliyun');
    }
    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: {
        Api: this.api.fn,
        SmsInbound: this.sms.inboundFn,
        Notifier: this.sms.notifierFn,
        ...(this.sms.callbackFn ? { SmsCallback: this.sms.callbackFn } : {}),
        ...(this.sms.receiptsFn ? { SmsReceipts: this.sms.receiptsFn } : {}),
        ...Object.fromEntries(this.jobs.functions.map((fn) => [fn.node.id, fn])),
        JobsWorker: this.backgroundJobs.worker,
        ...Object.fromEntries(this.national.functions.map((fn) => [fn.node.id, fn])),
      },
      deadLetterQueues: {
        SmsInboundDlq: this.sms.inboundDlq,
        NotifierDlq: this.sms.notifierDlq,
        JobsDlq: this.jobs.deadLetterQueue,
        NationalDlq: this.national.deadLetterQueue,
      },
      streamConsumers: { Notifier: this.sms.notifierFn },
      snsSms: !china,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'PagesUrl', { value: pagesUrl });
    new CfnOutput(this, 'PagesBucket', { value: this.web.bucket.bucketName });
    new CfnOutput(this, 'PagesDistributionId', { value: this.web.distribution.distributionId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    if (china) {
      // Give the provider's console this URL, ending in `report` (状态报告) or `reply` (上行短信), with ?token=<callbackToken>.
      new CfnOutput(this, 'SmsCallbackUrl', { value: `${pagesUrl}sms/callbacks/aliyun/` });
      new CfnOutput(this, 'PagesDistributionDomain', { value: this.web.distribution.distributionDomainName });
    } else {
      new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: this.auth.webClient.userPoolClientId });
      new CfnOutput(this, 'InboundSmsTopicArn', { value: this.sms.inboundTopic.topicArn });
    }
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.alarmTopic.topicArn });
  }

  /** Global profile: the user pool (staff sign-in). The China profile has none. */
  get auth(): Auth {
    if (!this.userPool) throw new Error('The china profile has no Cognito user pool: staff sign in at the OIDC issuer');
    return this.userPool;
  }

  private cognitoIssuer(): JwtIssuer {
    return { id: 'CognitoJwt', issuerUrl: this.auth.issuerUrl, audience: [this.auth.webClient.userPoolClientId] };
  }
}

function oidcIssuer(oidc: OidcSettings): JwtIssuer {
  return { id: 'OidcJwt', issuerUrl: oidc.issuer, audience: [oidc.clientId] };
}
