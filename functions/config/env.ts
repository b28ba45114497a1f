// Environment read once at cold start: a missing variable fails the init, not a request.
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** A whole number above zero (`12` or `'12'`), or undefined if `value` is not one. */
export function asPositiveInteger(value: unknown): number | undefined {
  const parsed = typeof value === 'number' || (typeof value === 'string' && value.trim() !== '') ? Number(value) : NaN;
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : undefined;
}

/** A whole number above zero, or `fallback` when unset; anything else fails the init. */
export function positiveIntegerEnv(name: string, fallback: number): number {
  const value = optionalEnv(name);
  if (value === undefined) return fallback;
  const parsed = asPositiveInteger(value);
  if (parsed === undefined) throw new Error(`Environment variable ${name} must be a whole number above 0, not ${value}`);
  return parsed;
}

/** SMS a county may send a day (China's day) before non-urgent ones are held back; CDK context `smsDailyBudgetPerCounty`. */
export const DEFAULT_SMS_DAILY_BUDGET_PER_COUNTY = 5000;

/** Names of the environment variables the handlers read; CDK and bin/local.ts set the same ones. */
export const ENV = {
  tableName: 'TABLE_NAME',
  idHashKeyId: 'ID_HASH_KEY_ID',
  idHashSecret: 'ID_HASH_SECRET',
  smsSenderId: 'SMS_SENDER_ID',
  smsOriginationNumber: 'SMS_ORIGINATION_NUMBER',
  smsSink: 'SMS_SINK',
  nationalStateMachineArn: 'NATIONAL_STATE_MACHINE_ARN',
  /** The background-jobs Lambda the api invokes asynchronously (large poverty-list imports). */
  jobsFunctionName: 'JOBS_FUNCTION_NAME',
  /** The counties a deployment serves, comma-separated (CDK context `counties`); empty: the whole country. */
  counties: 'COUNTIES',
  /** The user pool's hosted sign-in (https://…amazoncognito.com) and the pages' app client. */
  signInDomain: 'SIGN_IN_DOMAIN',
  signInClientId: 'SIGN_IN_CLIENT_ID',
  /** The value CloudFront sends in `x-origin-verify` (functions/http/client-address.ts); unset locally. */
  originVerify: 'ORIGIN_VERIFY',
  /** The user pool whose ID tokens a public route checks itself when one is sent (assisted registration). */
  userPoolId: 'USER_POOL_ID',
  /** Hours a 换号 request waits for the old phone before it completes by itself (default 72). */
  phoneChangeCoolingHours: 'PHONE_CHANGE_COOLING_HOURS',
  /** SMS per county per day past which non-urgent SMS are suppressed (default DEFAULT_SMS_DAILY_BUDGET_PER_COUNTY). */
  smsDailyBudgetPerCounty: 'SMS_DAILY_BUDGET_PER_COUNTY',
  /** The profile's SMS provider, `sns` (default) or `aliyun` (China): what else depends on it (the carrier opt-out list) reads it. */
  smsProvider: 'SMS_PROVIDER',
  /** The provider's approved signature, without the brackets (春风行动 for 【春风行动】). */
  smsSignName: 'SMS_SIGN_NAME',
  /** JSON: template name (functions/domain/sms/templates.ts) → the provider's approved template code. */
  smsTemplateCodes: 'SMS_TEMPLATE_CODES',
  /** Secrets Manager secret (name or ARN) holding the provider's accessKeyId, accessKeySecret and callbackToken. */
  smsProviderSecretId: 'SMS_PROVIDER_SECRET_ID',
  /** The inbound SMS queue the provider's callback hands replies (上行短信) to. */
  smsInboundQueueUrl: 'SMS_INBOUND_QUEUE_URL',
  /** Any OIDC issuer instead of the user pool: the public routes verify a staff ID token against it. */
  oidcIssuer: 'OIDC_ISSUER',
  /** Its signing keys (the discovery document's jwks_uri). */
  oidcJwksUri: 'OIDC_JWKS_URI',
  /** The pages' sign-in at an OIDC provider: its endpoints (from its discovery document). */
  oidcAuthorizationEndpoint: 'OIDC_AUTHORIZATION_ENDPOINT',
  oidcTokenEndpoint: 'OIDC_TOKEN_ENDPOINT',
  oidcEndSessionEndpoint: 'OIDC_END_SESSION_ENDPOINT',
  /** Scopes the pages ask for (default `openid email profile`): some providers release role claims on a scope of their own. */
  oidcScopes: 'OIDC_SCOPES',
  /** The claims carrying role (a group list or one name), county and employer id; Cognito's by default. */
  roleClaim: 'ROLE_CLAIM',
  countyClaim: 'COUNTY_CLAIM',
  employerClaim: 'EMPLOYER_CLAIM',
  /** Quiet hours in China time, `21-8` by default, `off` for none (functions/domain/sms/quiet-hours.ts). */
  smsQuietHours: 'SMS_QUIET_HOURS',
  /** SMS the notifier sends a second per origination identity (default DEFAULT_SMS_SEND_RATE). */
  smsSendRate: 'SMS_SEND_RATE',
} as const;

/** SNS's default for an origination identity is 20 messages a second (some are given up to 100). */
export const DEFAULT_SMS_SEND_RATE = 20;
