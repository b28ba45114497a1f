// The pages (dist/web, built by `vite build`) from a private S3 bucket behind CloudFront, with the API
// on the same origin: CloudFront sends the API's paths to the HTTP API, so pages call `/labourers`
// etc. exactly as they do locally, and no CORS is needed. The pages are uploaded after deployment
// (README: `aws s3 sync`), so no deployment Lambda runs in the stack. Every response carries the
// security headers of web/security-headers.ts (the local runner sends the same).
// China profile: CloudFront in the China regions serves only an ICP-filed domain of the customer's, with
// a certificate uploaded to IAM; the county's domain and certificate id are given, the distribution
// reaches the bucket through an origin access identity, and runs no CloudFront Function (the pages are
// uploaded under their clean URLs too: README).
import { Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  type CfnDistribution,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { PagesDomainSettings } from '../profile.js';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../../functions/http/client-address.js';
import { FRAME_OPTIONS, HSTS_MAX_AGE_SECONDS, REFERRER_POLICY, contentSecurityPolicy } from '../../web/security-headers.js';

/**
 * How the API's paths begin (DESIGN §5); everything else is a page or an asset. One behaviour each,
 * `/<prefix>*`: it covers `/labourers`, `/labourers/{id}` and `/labourers.xlsx` alike, and keeps the
 * distribution well inside CloudFront's 25 behaviours. A test holds it to the router's routes.
 */
export const API_PATHS = ['labourers', 'vacancies', 'posts', 'matching', 'offers', 'trips', 'stats', 'messages', 'health', 'auth', 'audit', 'phone-changes', 'jobs', 'counties', 'reports', 'broadcasts'] as const;

/** `/employer` → `/employer/index.html`: the multi-page app's clean URLs. */
const CLEAN_URLS = `function handler(event) {
  var uri = event.request.uri;
  if (uri.endsWith('/')) event.request.uri = uri + 'index.html';
  else if (uri.indexOf('.') === -1) event.request.uri = uri + '/index.html';
  return event.request;
}`;

export interface WebProps {
  /** The HTTP API's URL (https://…/), proxied on the API's paths. */
  readonly apiUrl: string;
  /** Sent to the API on every forwarded request (`x-origin-verify`): proof the request came this way. */
  readonly originVerify?: string;
  /** The hosted sign-in's base URL: the pages fetch tokens there (content security policy). */
  readonly signInOrigin?: string;
  /** China profile: the county's ICP-filed domain and its IAM certificate. */
  readonly ownDomain?: PagesDomainSettings;
  /** More first path segments for the API (the China profile's SMS provider callback, `sms`). */
  readonly extraApiPaths?: readonly string[];
}

export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are delivered with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new Bucket(this, 'Pages', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'pages-bucket/',
    });

    const responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Chunfeng pages: CSP, HSTS, no framing, no sniffing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy({ signInOrigin: props.signInOrigin }), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: FRAME_OPTIONS as HeadersFrameOption, override: true },
        referrerPolicy: { referrerPolicy: REFERRER_POLICY as HeadersReferrerPolicy, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
      },
    });

    const api = new HttpOrigin(Fn.select(2, Fn.split('/', props.apiUrl)), {
      customHeaders: props.originVerify ? { [ORIGIN_VERIFY_HEADER]: props.originVerify } : undefined,
    });
    const apiBehavior: BehaviorOptions = {
      origin: api,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Everything but Host: the Authorization header, query strings and bodies reach the API.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy,
    };
    const additionalBehaviors: Record<string, BehaviorOptions> = {};
    for (const path of [...API_PATHS, ...(props.extraApiPaths ?? [])]) {
      additionalBehaviors[`/${path}*`] = apiBehavior;
    }

    const own = props.ownDomain;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: '春风 Return-to-Work Coordinator: pages and API',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: own ? S3BucketOrigin.withOriginAccessIdentity(this.bucket) : S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy,
        functionAssociations: own
          ? []
          : [{ eventType: FunctionEventType.VIEWER_REQUEST, function: new CloudFrontFunction(this, 'CleanUrls', { code: FunctionCode.fromInline(CLEAN_URLS) }) }],
      },
      additionalBehaviors,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(own ? { domainNames: [own.domainName] } : {}),
    });
    if (own) {
      // The L2 takes ACM certificates only; CloudFront in the China regions takes IAM server certificates.
      (this.distribution.node.defaultChild as CfnDistribution).addPropertyOverride('DistributionConfig.ViewerCertificate', {
        IamCertificateId: own.iamCertificateId,
        SslSupportMethod: 'sni-only',
        MinimumProtocolVersion: 'TLSv1.2_2021',
      });
    }

    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Labourers reach the pages from anywhere in China and abroad (workers abroad are served too); no geo restriction.' },
      { id: 'AwsSolutions-CFR2', reason: 'WAF is an operator choice per deployment (cost); the API has stage throttling and the public registration route a tighter limit.' },
    );
    if (!own) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'The default CloudFront certificate allows older TLS; a county attaches its own domain and certificate (TLSv1.2_2021) at deployment.',
      });
    } else {
      Validations.of(this.distribution).acknowledge(
        {
          id: 'AwsSolutions-CFR4',
          reason: 'The IAM certificate is set with TLSv1.2_2021 by a property override, which the rule does not read (tests/infra/china.test.ts pins the ViewerCertificate).',
        },
        {
          id: 'AwsSolutions-CFR7',
          reason: 'An origin access identity, which CloudFront in the China regions has long supported; its support of origin access control is not confirmed there. The bucket stays private either way.',
        },
      );
    }
  }
}
