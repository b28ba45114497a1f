// Sign-in for coordinators, employers and admins (labourers never sign in: they use SMS or the
// public form). The role is the Cognito group; the scope is a custom attribute only admins can set.
import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type CfnUserPoolClient,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Cognito groups; the API maps `cognito:groups` to the principal's role. */
export const ROLES = ['coordinator', 'employer', 'admin'] as const;

/** Pages that sign in: each is its own OAuth callback (web/src/cognito.ts sends the browser back to it). */
export const SIGN_IN_PAGES = ['coordinator', 'employer'] as const;

export interface AuthProps {
  /**
   * The hosted sign-in's domain prefix (…auth.<region>.amazoncognito.com), unique in the region.
   * Default `chunfeng-<account id>`; a second deployment in the same account and region names its own.
   */
  readonly domainPrefix?: string;
}

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps = {}) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are created by an admin for a known county office or employer.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // These accounts read labourers' personal data (names, phones, poverty status): TOTP is required.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      // Plus tier: compromised-credential and risky sign-in detection, enforced (not audit-only).
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        // 6-digit GB/T 2260 county code of a coordinator.
        county: new StringAttribute({ minLen: 6, maxLen: 6, mutable: true }),
        employerId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const role of ROLES) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `Chunfeng ${role}s` });
    }

    this.webClient = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      // OAuth is switched on by allowHostedSignIn once the pages' address exists (the distribution
      // needs the API, which needs this client).
      disableOAuth: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // By default a client may write every attribute, so a user could set their own county or
      // employer and widen their scope. The scope attributes are readable here, writable only by admins
      // (AdminUpdateUserAttributes).
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('county', 'employerId'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix ?? `chunfeng-${Aws.ACCOUNT_ID}` } });
  }

  /**
   * The pages sign in through the pool's hosted sign-in: authorization code with PKCE (a public client,
   * no secret), back to the page that asked, signed out back to the start page, on each of the pages'
   * addresses (`https://…/`: CloudFront's, and a county's own domain when it has one).
   */
  allowHostedSignIn(pagesUrls: readonly string[]): void {
    const client = this.webClient.node.defaultChild as CfnUserPoolClient;
    client.allowedOAuthFlowsUserPoolClient = true;
    client.allowedOAuthFlows = ['code'];
    client.allowedOAuthScopes = ['openid', 'email', 'profile'];
    client.supportedIdentityProviders = ['COGNITO'];
    client.callbackUrLs = pagesUrls.flatMap((base) => SIGN_IN_PAGES.map((page) => `${base}${page}`));
    client.logoutUrLs = [...pagesUrls];
  }

  /** Issuer (`iss`) of the pool's tokens, as the HTTP API JWT authorizer expects it. */
  get issuerUrl(): string {
    const stack = Stack.of(this);
    return `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
  }
}
