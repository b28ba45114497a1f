// CDK app (cdk.json "app"): one stack, checked by cdk-nag's AWS Solutions pack at every synth.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CoordinatorStack, STACK_ID } from '../lib/coordinator-stack.js';

const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

// Two profiles (lib/profile.ts): `global` defaults to a global region near China (SNS SMS, Cognito);
// `china` (-c profile=china) to Ningxia, in the aws-cn partition, with a domestic SMS provider and any
// OIDC sign-in. CDK_DEFAULT_REGION is not consulted: the CLI fills it with us-east-1 when nothing is
// configured, which would silently win over these defaults. Choose with `-c region=…` or AWS_REGION.
const defaultRegion = context('profile') === 'china' ? 'cn-northwest-1' : 'ap-southeast-1';
const region = context('region') ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? defaultRegion;
// Unset offline: the template then refers to the account as AWS::AccountId.
const account = context('account') ?? process.env.CDK_DEFAULT_ACCOUNT;

new CoordinatorStack(app, STACK_ID, { env: { account, region } });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
