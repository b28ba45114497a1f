// CDK app (cdk.json "app"): one stack, checked by cdk-nag's AWS Solutions pack at every synth.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CoordinatorStack, STACK_ID } from '../lib/coordinator-stack.js';

const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

// SNS SMS is absent from the AWS China regions, so the default is a global region near China.
// CDK_DEFAULT_REGION is not consulted: the CLI fills it with us-east-1 when nothing is configured,
// which would silently win over this default. Choose with `-c region=…` or AWS_REGION.
const region = context('region') ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'ap-southeast-1';
// Unset offline: the template then refers to the account as AWS::AccountId.
const account = context('account') ?? process.env.CDK_DEFAULT_ACCOUNT;

new CoordinatorStack(app, STACK_ID, { env: { account, region } });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
