import { describe, expect, it } from 'vitest';
import { ROLES } from '../../lib/constructs/auth.js';
import { TEST_ENV, synth } from './synth.js';

const { stack, template, logicalId, resource } = synth();
const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
const routeByKey = (key: string) => routes.find((r) => r.RouteKey === key);

describe('HTTP API', () => {
  it('sends every route to the api function', () => {
    const integrations = Object.values(template.findResources('AWS::ApiGatewayV2::Integration'));
    expect(integrations).toHaveLength(1);
    expect(integrations[0]!.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalId(stack.api.fn), 'Arn'] },
    });
  });

  it('leaves exactly the four public routes open, and the escort routes to the function to check', () => {
    const escort = ['GET /trips/{id}/boarding', 'POST /trips/{id}/boarding', 'POST /trips/{id}/depart', 'POST /trips/{id}/arrive', 'GET /trips/{id}/manifest.csv'];
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['ANY /{proxy+}', 'GET /auth/config', 'GET /health', 'POST /labourers', 'POST /labourers/verify', ...escort].sort());
    for (const key of ['POST /labourers', 'POST /labourers/verify', 'GET /health', 'GET /auth/config', ...escort]) {
      expect(routeByKey(key)?.AuthorizationType).toBe('NONE');
    }
  });

  it('lets the api function check a staff token sent to a public route against the same pool and client', () => {
    const env = resource(stack.api.fn).Properties.Environment.Variables;
    expect(env.USER_POOL_ID).toEqual({ Ref: logicalId(stack.auth.userPool) });
    expect(env.SIGN_IN_CLIENT_ID).toEqual({ Ref: logicalId(stack.auth.webClient) });
  });

  it('puts everything else behind the Cognito JWT authorizer', () => {
    const authorizers = template.findResources('AWS::ApiGatewayV2::Authorizer');
    const [authorizerId, authorizer] = Object.entries(authorizers)[0]!;
    expect(routeByKey('ANY /{proxy+}')).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [{ Ref: logicalId(stack.auth.webClient) }] },
    });
    const issuer = JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer);
    expect(issuer).toContain(`https://cognito-idp.${TEST_ENV.region}.`);
    expect(issuer).toContain(logicalId(stack.auth.userPool));
  });

  it('throttles the stage, tighter on the public routes that register or send an SMS, and writes access logs', () => {
    const stage = resource(stack.api.stage).Properties;
    expect(stage).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } },
    });
    // CloudFormation's keys (AWS::ApiGatewayV2::Stage RouteSettings) are PascalCase; any other casing is ignored.
    for (const key of ['POST /labourers', 'POST /labourers/verify']) {
      const settings = stage.RouteSettings[key];
      expect(Object.keys(settings).sort(), key).toEqual(['ThrottlingBurstLimit', 'ThrottlingRateLimit']);
      expect(settings.ThrottlingRateLimit, key).toBeLessThan(stage.DefaultRouteSettings.ThrottlingRateLimit);
      expect(settings.ThrottlingBurstLimit, key).toBeLessThan(stage.DefaultRouteSettings.ThrottlingBurstLimit);
      expect(settings.ThrottlingBurstLimit, key).toBeGreaterThanOrEqual(settings.ThrottlingRateLimit);
    }
    // Each verification sends an SMS: the tightest of all.
    expect(stage.RouteSettings['POST /labourers/verify'].ThrottlingRateLimit).toBeLessThanOrEqual(5);
    // Never the raw path: query strings carry phone numbers.
    expect(stage.AccessLogSettings.Format).not.toMatch(/\$context\.path/);
  });

  it('answers CORS preflight', () => {
    expect(resource(stack.api.httpApi).Properties.CorsConfiguration).toMatchObject({
      AllowOrigins: ['*'],
      AllowHeaders: expect.arrayContaining(['authorization', 'content-type']),
    });
  });
});

describe('Cognito user pool', () => {
  const pool = resource(stack.auth.userPool).Properties;

  it('has the scope attributes, strong passwords, required MFA and threat protection', () => {
    const schema = pool.Schema as { Name: string; AttributeDataType: string; Mutable: boolean }[];
    for (const name of ['county', 'employerId']) {
      expect(schema).toContainEqual(expect.objectContaining({ Name: name, AttributeDataType: 'String', Mutable: true }));
    }
    expect(pool.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: expect.any(Number),
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(pool.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
    expect(pool.MfaConfiguration).toBe('ON');
    expect(pool.UserPoolTier).toBe('PLUS');
    expect(pool.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(pool.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
  });

  it('has one group per role', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('lets users read but never write their own county or employer', () => {
    const client = resource(stack.auth.webClient).Properties;
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:county', 'custom:employerId']));
    expect(client.WriteAttributes.filter((a: string) => a.startsWith('custom:'))).toEqual([]);
    expect(client.GenerateSecret).toBe(false);
  });

  it('signs the pages in through its hosted sign-in: code flow with PKCE, back to the signing-in page', () => {
    const client = resource(stack.auth.webClient).Properties;
    const pages = { 'Fn::GetAtt': [logicalId(stack.web.distribution), 'DomainName'] };
    const url = (path: string) => ({ 'Fn::Join': ['', ['https://', pages, `/${path}`]] });
    expect(client).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [url('coordinator'), url('employer')],
      LogoutURLs: [url('')],
    });
    const own = synth({ pagesOrigin: 'https://jobs.qingchuan.gov.cn/' });
    expect(own.resource(own.stack.auth.webClient).Properties).toMatchObject({
      CallbackURLs: [url('coordinator'), url('employer'), 'https://jobs.qingchuan.gov.cn/coordinator', 'https://jobs.qingchuan.gov.cn/employer'],
      LogoutURLs: [url(''), 'https://jobs.qingchuan.gov.cn/'],
    });
    expect(resource(stack.auth.domain).Properties.Domain).toEqual({ 'Fn::Join': ['', ['chunfeng-', { Ref: 'AWS::AccountId' }]] });
    // GET /auth/config tells the pages the domain and the client.
    const env = resource(stack.api.fn).Properties.Environment.Variables;
    expect(env.SIGN_IN_CLIENT_ID).toEqual({ Ref: logicalId(stack.auth.webClient) });
    expect(JSON.stringify(env.SIGN_IN_DOMAIN)).toContain(logicalId(stack.auth.domain));
  });
});

describe('stack outputs', () => {
  it('publish what an operator needs', () => {
    const outputs = Object.keys(template.toJSON().Outputs);
    expect(outputs).toEqual(expect.arrayContaining(['ApiUrl', 'TableName', 'UserPoolId', 'InboundSmsTopicArn']));
  });
});
