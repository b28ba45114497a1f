// Synthesizes the stack for template tests. Bundling is switched off (`aws:cdk:bundling-stacks: []`),
// so a template test takes about a second and never runs esbuild; tests/infra/bundles.test.ts bundles.
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { CoordinatorStack, STACK_ID } from '../../lib/coordinator-stack.js';

export const TEST_ENV = { account: '123456789012', region: 'ap-southeast-1' } as const;

/** A CloudFormation resource as it appears in the template (assertions work on plain JSON). */
export type CfnJson = { Type: string; Properties: any; DeletionPolicy?: string; UpdateReplacePolicy?: string };
export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

export interface Synthesized {
  app: App;
  stack: CoordinatorStack;
  template: Template;
  /** Logical id of a construct's CloudFormation resource (its default child for an L2). */
  logicalId(construct: IConstruct): string;
  /** The template entry of a construct's resource. */
  resource(construct: IConstruct): CfnJson;
  /** Every statement of the identity policies attached to a role. */
  statementsOf(role: IRole): Statement[];
}

export function synth(context: Record<string, unknown> = {}, env: { account: string; region: string } = TEST_ENV): Synthesized {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = new CoordinatorStack(app, STACK_ID, { env });
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, CfnJson>;
  const logicalId = (construct: IConstruct): string =>
    stack.getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);
  const resource = (construct: IConstruct): CfnJson => {
    const found = resources[logicalId(construct)];
    if (!found) throw new Error(`No resource for ${construct.node.path}`);
    return found;
  };
  const statementsOf = (role: IRole): Statement[] =>
    Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(`"${logicalId(role)}"`))
      .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[]);
  return { app, stack, template, logicalId, resource, statementsOf };
}

export const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];
