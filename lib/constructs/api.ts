// HTTP API → the `api` Lambda (one router). A few routes are public by contract (DESIGN §5, §5b: the
// labourer registration form and its SMS verification code, the health check, the sign-in
// configuration); every other path needs a JWT from the deployment's issuer (the user pool, or any
// OIDC issuer in the China profile). The China profile adds the SMS provider's callback, public too
// (it proves itself with a token) and served by a function of its own.
import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Data } from './data.js';
import { LambdaFunction } from './lambda-function.js';

interface Throttle {
  /** Requests a second, steady state. */
  readonly rate: number;
  readonly burst: number;
}

interface PublicRoute {
  readonly method: HttpMethod;
  readonly path: string;
  /** A limit of its own, under the stage's: for public routes that store something or send an SMS. */
  readonly throttle?: Throttle;
}

/** Routes anyone may call. Keep in step with DESIGN §5 and the router's own public list. */
export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { method: HttpMethod.POST, path: '/labourers', throttle: { rate: 50, burst: 100 } },
  // Each call sends an SMS (a 6-digit code): per-phone and per-client limits are the service's; this
  // bounds the route as a whole, whoever calls it.
  { method: HttpMethod.POST, path: '/labourers/verify', throttle: { rate: 5, burst: 10 } },
  { method: HttpMethod.GET, path: '/health' },
  // Where the pages sign in: asked before anyone has signed in.
  { method: HttpMethod.GET, path: '/auth/config' },
];

/**
 * A bus's day-of routes (issue #18): the escort holds a one-day token the table stores (no JWT), so these
 * carry no gateway authorizer; the function admits the trip's escort token or a staff ID token it verifies
 * itself (functions/http/escort-principal.ts), and nobody else.
 */
export const ESCORT_ROUTES: readonly PublicRoute[] = [
  { method: HttpMethod.GET, path: '/trips/{id}/boarding' },
  { method: HttpMethod.POST, path: '/trips/{id}/boarding' },
  { method: HttpMethod.POST, path: '/trips/{id}/depart' },
  { method: HttpMethod.POST, path: '/trips/{id}/arrive' },
  { method: HttpMethod.GET, path: '/trips/{id}/manifest.csv' },
];

/** The SMS provider's pushes (receipts, replies): `{kind}` is `report` or `reply`. */
export const PROVIDER_CALLBACK_ROUTE: PublicRoute = { method: HttpMethod.POST, path: '/sms/callbacks/aliyun/{kind}', throttle: { rate: 50, burst: 100 } };

/** Whole-stage limits; they bound cost and table load from abuse before any Lambda runs. */
const STAGE_THROTTLE = { rateLimit: 200, burstLimit: 400 };

/** Who signs the JWTs the authorizer accepts. */
export interface JwtIssuer {
  /** The authorizer's construct id (and name). */
  readonly id: string;
  readonly issuerUrl: string;
  /** The client ids the tokens must be issued to (`aud`). */
  readonly audience: string[];
}

export interface ApiProps {
  readonly data: Data;
  readonly issuer: JwtIssuer;
  /** China profile: the function behind the SMS provider's callback route. */
  readonly providerCallback?: IFunction;
}

export class Api extends Construct {
  readonly fn: LambdaFunction;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { data, issuer } = props;

    // HTTP API integrations time out at 30 s; the function gives up first and answers itself.
    // exceljs (the .xlsx exports and imports) sits beside the bundle, loaded by those routes only.
    this.fn = new LambdaFunction(this, 'Function', { handlerFile: 'api', timeout: Duration.seconds(25), nodeModules: ['exceljs'] });
    this.fn.bindTable(data.table, 'RW');
    data.bindIdHash(this.fn);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Chunfeng return-to-work coordinator',
      // Our own $default stage below carries throttling and access logs.
      createDefaultStage: false,
      corsPreflight: {
        // The pages call the API through CloudFront on their own origin and need no CORS; naming the
        // distribution here would make the API depend on what fronts it (a cycle). Every origin is
        // safe: no cookies are used, credentials travel in the Authorization header.
        allowOrigins: ['*'],
        allowMethods: [CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
    });

    const integration = new HttpLambdaIntegration('ApiIntegration', this.fn);
    const publicRoutes = PUBLIC_ROUTES.flatMap(({ method, path }) =>
      this.httpApi.addRoutes({ path, methods: [method], integration }),
    );
    for (const route of publicRoutes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'Public by design: labourers register without an account and verify their phone first (DESIGN §5, §5b), the health check and the sign-in configuration are read before any sign-in; all are throttled.',
      });
    }
    for (const { method, path } of ESCORT_ROUTES) {
      for (const route of this.httpApi.addRoutes({ path, methods: [method], integration })) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: "A bus escort's roll call, departure and arrival: the function admits only that trip's stored one-day escort token or a staff ID token it verifies against the same issuer and client.",
        });
      }
    }
    const throttled = props.providerCallback ? [...PUBLIC_ROUTES, PROVIDER_CALLBACK_ROUTE] : PUBLIC_ROUTES;
    if (props.providerCallback) {
      const { method, path } = PROVIDER_CALLBACK_ROUTE;
      const callbackRoutes = this.httpApi.addRoutes({ path, methods: [method], integration: new HttpLambdaIntegration('ProviderCallback', props.providerCallback) });
      for (const route of callbackRoutes) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: 'The SMS provider pushes receipts and replies without a JWT: the function checks the secret token in the URL the provider was given (constant time), and the route is throttled.',
        });
        publicRoutes.push(route);
      }
    }

    const authorizer = new HttpJwtAuthorizer(issuer.id, issuer.issuerUrl, { jwtAudience: issuer.audience });
    // Most specific route wins in an HTTP API, so the public routes above are not shadowed.
    this.httpApi.addRoutes({ path: '/{proxy+}', methods: [HttpMethod.ANY], integration, authorizer });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Route key, never the raw path: query strings such as ?phone= would put PII in the logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            bytes: '$context.responseLength',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
    // Raw CloudFormation (the L2 has no per-route throttle): AWS::ApiGatewayV2::Stage RouteSettings keys
    // are PascalCase, and a key spelt otherwise is silently ignored.
    (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      throttled.flatMap(({ method, path, throttle }) =>
        throttle ? [[`${method} ${path}`, { ThrottlingRateLimit: throttle.rate, ThrottlingBurstLimit: throttle.burst }]] : [],
      ),
    );
    // Route settings name an existing route; deploy the routes before the stage.
    for (const route of publicRoutes) this.stage.node.addDependency(route);
  }

  get url(): string {
    return this.stage.url;
  }
}
