// The deployment's profile, read once from the CDK context. `global` (default) is the stack as it always
// was: Cognito sign-in, Amazon SNS SMS, CloudFront on its own domain. `china` (-c profile=china, the
// aws-cn partition: cn-north-1 Beijing, cn-northwest-1 Ningxia) keeps personal information in China
// (PIPL art. 36) with what those regions offer: staff sign in at any OIDC issuer, SMS go through
// Alibaba Cloud SMS, and the pages are served on the county's own ICP-filed domain.
import type { Construct } from 'constructs';
import { parseTemplateCodes } from '../functions/config/sms-provider.js';

export interface OidcSettings {
  /** `iss` of the ID tokens; API Gateway reads its discovery document. */
  readonly issuer: string;
  /** The pages' client id: the tokens' audience. */
  readonly clientId: string;
  readonly jwksUri: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly endSessionEndpoint?: string;
  readonly scopes?: string;
  /** Claims carrying role, county and employer id; the server and the pages read the same ones. */
  readonly roleClaim: string;
  readonly countyClaim: string;
  readonly employerClaim: string;
}

export interface AliyunSmsSettings {
  /** The approved signature without brackets (春风行动 → 【春风行动】). */
  readonly signName: string;
  /** Template name → approved template code, one for every template in functions/domain/sms/templates.ts. */
  readonly templateCodes: Record<string, string>;
  /** Secrets Manager secret (created outside the stack) with accessKeyId, accessKeySecret, callbackToken. */
  readonly secretName: string;
}

export interface PagesDomainSettings {
  /** The county's ICP-filed domain the pages are served on (jobs.qingchuan.gov.cn). */
  readonly domainName: string;
  /** Its certificate, uploaded to IAM (CloudFront in the China regions takes IAM server certificates). */
  readonly iamCertificateId: string;
}

export type Profile =
  | { readonly kind: 'global' }
  | { readonly kind: 'china'; readonly oidc: OidcSettings; readonly sms: AliyunSmsSettings; readonly pages: PagesDomainSettings };

/** Context keys of the China profile and what each holds (the README lists them too). */
export const CHINA_CONTEXT = {
  oidcIssuer: 'OIDC issuer URL (https://…)',
  oidcClientId: "the pages' client id at the issuer",
  oidcJwksUri: "the issuer's jwks_uri",
  oidcAuthorizationEndpoint: "the issuer's authorization_endpoint",
  oidcTokenEndpoint: "the issuer's token_endpoint",
  smsTemplateCodes: 'JSON: template name → Alibaba Cloud template code',
  smsSecretName: 'Secrets Manager secret name of the SMS provider credentials',
  pagesDomain: "the county's ICP-filed domain for the pages",
  pagesCertificateId: "the IAM server certificate id of that domain's certificate",
} as const;

function stringContext(scope: Construct, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function profileFromContext(scope: Construct, region: string | undefined): Profile {
  const named = stringContext(scope, 'profile') ?? (region?.startsWith('cn-') ? 'china' : 'global');
  if (named === 'global') {
    if (region?.startsWith('cn-')) throw new Error(`${region} is an AWS China region: deploy it with -c profile=china`);
    return { kind: 'global' };
  }
  if (named !== 'china') throw new Error(`profile must be global or china, not ${named}`);
  if (region !== undefined && !region.startsWith('cn-')) throw new Error(`the china profile deploys to cn-north-1 or cn-northwest-1, not ${region}`);

  const missing = Object.keys(CHINA_CONTEXT).filter((key) => scope.node.tryGetContext(key) === undefined || scope.node.tryGetContext(key) === '');
  if (missing.length > 0) {
    throw new Error(`The china profile needs the context ${missing.map((k) => `${k} (${CHINA_CONTEXT[k as keyof typeof CHINA_CONTEXT]})`).join(', ')}`);
  }
  const need = (key: keyof typeof CHINA_CONTEXT) => stringContext(scope, key)!;
  return {
    kind: 'china',
    oidc: {
      issuer: need('oidcIssuer'),
      clientId: need('oidcClientId'),
      jwksUri: need('oidcJwksUri'),
      authorizationEndpoint: need('oidcAuthorizationEndpoint'),
      tokenEndpoint: need('oidcTokenEndpoint'),
      endSessionEndpoint: stringContext(scope, 'oidcEndSessionEndpoint'),
      scopes: stringContext(scope, 'oidcScopes'),
      roleClaim: stringContext(scope, 'roleClaim') ?? 'roles',
      countyClaim: stringContext(scope, 'countyClaim') ?? 'county',
      employerClaim: stringContext(scope, 'employerClaim') ?? 'employer_id',
    },
    sms: { signName: stringContext(scope, 'smsSignName') ?? '春风行动', templateCodes: parseTemplateCodes(scope.node.tryGetContext('smsTemplateCodes')), secretName: need('smsSecretName') },
    pages: { domainName: need('pagesDomain'), iamCertificateId: need('pagesCertificateId') },
  };
}
