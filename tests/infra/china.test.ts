// The China profile (-c profile=china, cn-northwest-1): the aws-cn partition throughout, no SNS SMS and
// no Cognito, Alibaba Cloud SMS wired to the notifier and the callback, the provider's credentials by
// reference only, any OIDC issuer behind the JWT authorizer, the pages on the county's filed domain —
// and cdk-nag finds nothing unacknowledged.
import { App, Validations } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_NAMES } from '../../functions/domain/sms/templates.js';
import { CoordinatorStack, STACK_ID } from '../../lib/coordinator-stack.js';
import { actionsOf, synth, type CfnJson } from './synth.js';

const CHINA_ENV = { account: '111122223333', region: 'cn-northwest-1' } as const;
const CODES = Object.fromEntries(TEMPLATE_NAMES.map((name, i) => [name, `SMS_3000000${String(i).padStart(2, '0')}`]));
const ISSUER = 'https://sso.sc.gov.cn/realms/rs';
export const CHINA_CONTEXT = {
  profile: 'china',
  oidcIssuer: ISSUER,
  oidcClientId: 'chunfeng-pages',
  oidcJwksUri: `${ISSUER}/protocol/openid-connect/certs`,
  oidcAuthorizationEndpoint: `${ISSUER}/protocol/openid-connect/auth`,
  oidcTokenEndpoint: `${ISSUER}/protocol/openid-connect/token`,
  oidcEndSessionEndpoint: `${ISSUER}/protocol/openid-connect/logout`,
  roleClaim: 'roles',
  countyClaim: 'county_code',
  employerClaim: 'org_id',
  // As on the command line: JSON text.
  smsTemplateCodes: JSON.stringify(CODES),
  smsSecretName: 'chunfeng/sms-provider',
  pagesDomain: 'jobs.qingchuan.gov.cn',
  pagesCertificateId: 'ASCAEXAMPLEIAMCERTID01',
};

const china = synth(CHINA_CONTEXT, CHINA_ENV);
const { stack, template } = china;
const json = JSON.stringify(template.toJSON());
const resources = Object.values(template.toJSON().Resources as Record<string, CfnJson>);
const ofType = (type: string) => resources.filter((r) => r.Type === type);
const envOf = (fn: Parameters<typeof china.resource>[0]) => china.resource(fn).Properties.Environment.Variables as Record<string, unknown>;

describe('the China profile', () => {
  it('synthesizes for the aws-cn partition: no ARN names the global partition', () => {
    expect(RegionInfo.get(stack.region).partition).toBe('aws-cn');
    expect(json.match(/arn:aws:/g)).toBeNull();
    expect(json.match(/amazoncognito|cognito-idp/g)).toBeNull();
    // ARNs are built from the partition of wherever the template is deployed.
    expect(json.includes('{"Ref":"AWS::Partition"}')).toBe(true);
  });

  it('has no SNS SMS: no inbound SMS topic, no sns:Publish to phones, no SNS SMS alarms', () => {
    expect(ofType('AWS::SNS::Topic')).toHaveLength(1); // the alarm topic only
    expect(ofType('AWS::SNS::Subscription')).toEqual([]);
    expect(json.includes('sms-voice')).toBe(false);
    const publishers = resources.filter((r) => r.Type === 'AWS::IAM::Policy').flatMap((r) => r.Properties.PolicyDocument.Statement).filter((s) => actionsOf(s).includes('sns:Publish'));
    expect(publishers).toEqual([]);
    expect(json.includes('SMSMonthToDateSpentUSD')).toBe(false);
    expect(() => stack.sms.inboundTopic).toThrow('no SNS topic');
  });

  it('has no Cognito: the JWT authorizer takes the OIDC issuer and the pages’ client', () => {
    expect(resources.filter((r) => r.Type.startsWith('AWS::Cognito::'))).toEqual([]);
    expect(() => stack.auth).toThrow('no Cognito user pool');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      Name: 'OidcJwt',
      JwtConfiguration: { Issuer: ISSUER, Audience: ['chunfeng-pages'] },
    });
  });

  it('tells the api function where the pages sign in and which claims carry role and scope', () => {
    expect(envOf(stack.api.fn)).toMatchObject({
      SIGN_IN_CLIENT_ID: 'chunfeng-pages',
      OIDC_ISSUER: ISSUER,
      OIDC_JWKS_URI: CHINA_CONTEXT.oidcJwksUri,
      OIDC_AUTHORIZATION_ENDPOINT: CHINA_CONTEXT.oidcAuthorizationEndpoint,
      OIDC_TOKEN_ENDPOINT: CHINA_CONTEXT.oidcTokenEndpoint,
      OIDC_END_SESSION_ENDPOINT: CHINA_CONTEXT.oidcEndSessionEndpoint,
      ROLE_CLAIM: 'roles',
      COUNTY_CLAIM: 'county_code',
      EMPLOYER_CLAIM: 'org_id',
    });
    expect(envOf(stack.api.fn)).not.toHaveProperty('USER_POOL_ID');
    expect(envOf(stack.api.fn)).not.toHaveProperty('SIGN_IN_DOMAIN');
  });

  it('wires Alibaba Cloud SMS into the notifier: signature, a code for every template, the secret by name', () => {
    const env = envOf(stack.sms.notifierFn);
    expect(stack.sms.notifierFn.handlerFile).toBe('notifier-aliyun');
    expect(env).toMatchObject({ SMS_SIGN_NAME: '春风行动', SMS_PROVIDER_SECRET_ID: 'chunfeng/sms-provider' });
    expect(JSON.parse(env.SMS_TEMPLATE_CODES as string)).toEqual(CODES);
  });

  it('tells every function the SMS provider, so SNS-only features (its opt-out list) stay off', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(5);
    for (const fn of functions) expect(fn.Properties.Environment.Variables.SMS_PROVIDER).toBe('aliyun');
  });

  it('keeps the provider credentials out of the template: a secret referred to by name, read at run time', () => {
    expect(ofType('AWS::SecretsManager::Secret')).toEqual([]);
    expect(json.match(/resolve:secretsmanager|accessKeySecret|callbackToken/g)).toBeNull();
    for (const fn of [stack.sms.notifierFn, stack.sms.callbackFn!]) {
      const reads = china.statementsOf(fn.role!).filter((s) => actionsOf(s).includes('secretsmanager:GetSecretValue'));
      expect(JSON.stringify(reads.map((s) => s.Resource))).toContain(':secret:chunfeng/sms-provider-??????');
    }
  });

  it('routes the provider’s receipts and replies to the callback function, which queues replies for sms-inbound', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /sms/callbacks/aliyun/{kind}', AuthorizationType: 'NONE' });
    expect(envOf(stack.sms.callbackFn!)).toMatchObject({
      SMS_PROVIDER_SECRET_ID: 'chunfeng/sms-provider',
      SMS_INBOUND_QUEUE_URL: { Ref: china.logicalId(stack.sms.inboundQueue) },
    });
    const sends = china.statementsOf(stack.sms.callbackFn!.role!).filter((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(sends.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [china.logicalId(stack.sms.inboundQueue), 'Arn'] }]);
    const behaviours = ofType('AWS::CloudFront::Distribution')[0]!.Properties.DistributionConfig.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern);
    expect(behaviours).toEqual(expect.arrayContaining(['/sms*'])); // reached on the filed domain
    expect(template.toJSON().Outputs.SmsCallbackUrl.Value).toBe('https://jobs.qingchuan.gov.cn/sms/callbacks/aliyun/');
    const stage = ofType('AWS::ApiGatewayV2::Stage')[0]!;
    expect(stage.Properties.RouteSettings['POST /sms/callbacks/aliyun/{kind}']).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
  });

  it('serves the pages on the county’s filed domain, with its IAM certificate, from a private bucket', () => {
    const [distribution] = ofType('AWS::CloudFront::Distribution');
    const config = distribution!.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['jobs.qingchuan.gov.cn']);
    expect(config.ViewerCertificate).toEqual({ IamCertificateId: 'ASCAEXAMPLEIAMCERTID01', SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' });
    expect(ofType('AWS::CloudFront::Function')).toEqual([]);
    expect(ofType('AWS::CloudFront::CloudFrontOriginAccessIdentity')).toHaveLength(1);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {}); // the bucket stays private: reached through the identity
    const csp = ofType('AWS::CloudFront::ResponseHeadersPolicy')[0]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp).toContain("connect-src 'self' https://sso.sc.gov.cn");
  });

  it('uses service principals the China regions accept', () => {
    const principals = new Set(json.match(/"Service":"[^"]+"|"Service":\[[^\]]+\]/g) ?? []);
    const named = [...principals].join(' ');
    expect(named).not.toMatch(/sms-voice|cognito/);
    for (const service of named.match(/[a-z-]+\.amazonaws\.com(\.cn)?/g) ?? []) {
      expect(['lambda.amazonaws.com', 'scheduler.amazonaws.com', 'states.amazonaws.com', 'cloudwatch.amazonaws.com']).toContain(service);
    }
  });

  it('finds nothing unacknowledged with cdk-nag', () => {
    const report = new AwsSolutionsChecks().validateScope(china.app);
    const findings = report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}: ${v.description}`));
    expect(findings).toEqual([]);
  });

  it('acknowledges only what the global profile does, plus the reviewed China exceptions', () => {
    const acknowledged = (synthesized: ReturnType<typeof synth>) => {
      const found = new Set<string>();
      for (const construct of synthesized.app.node.findAll()) {
        for (const entry of construct.node.metadata) {
          if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
          const path = construct.node.path.slice(synthesized.stack.node.path.length + 1);
          for (const id of Object.keys(entry.data as Record<string, string>)) found.add(`${path} ${id.replace(/^annotation::/i, '').replace(/\[Resource::.*\]$/, '')}`);
        }
      }
      return found;
    };
    const global = acknowledged(synth());
    const chinaOnly = [...acknowledged(china)].filter((a) => !global.has(a)).sort();
    expect(chinaOnly).toEqual(
      [
        // The provider's callback is public (token-checked, throttled); its function traces with X-Ray like every other.
        'Api/HttpApi/POST--sms--callbacks--aliyun--{kind} AwsSolutions-APIG4',
        'Sms/CallbackRole AwsSolutions-IAM5',
        // An origin access identity instead of origin access control, whose support in China is unconfirmed.
        'Web/Distribution AwsSolutions-CFR7',
      ].sort(),
    );
  });

  it('passes the synth-time validation as bin/app.ts registers it', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...CHINA_CONTEXT } });
    new CoordinatorStack(app, STACK_ID, { env: CHINA_ENV });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).not.toThrow();
  });
});

describe('choosing a profile', () => {
  const build = (context: Record<string, unknown>, region: string) => () => synth(context, { account: CHINA_ENV.account, region });

  it('refuses a China region without the china profile, and the china profile outside China', () => {
    expect(build({ profile: 'global' }, 'cn-north-1')).toThrow('-c profile=china');
    expect(build(CHINA_CONTEXT, 'ap-southeast-1')).toThrow('cn-north-1 or cn-northwest-1');
  });

  it('says which China context is missing, and which templates have no approved code', () => {
    expect(build({ profile: 'china' }, 'cn-north-1')).toThrow(/oidcIssuer .*smsTemplateCodes .*pagesCertificateId/s);
    const { registered: _, ...withoutOne } = CODES;
    expect(build({ ...CHINA_CONTEXT, smsTemplateCodes: withoutOne }, 'cn-north-1')).toThrow('SMS template codes missing for: registered');
  });
});
