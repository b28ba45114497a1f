// House Lambda construct: every function in the stack is built the same way (Node 24 on arm64,
// ESM bundle using the runtime's AWS SDK, source maps, X-Ray, a log group with retention) and binds to
// the table through one helper, so the environment variable and the IAM grant never drift apart.
import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, LogLevel, NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ENV } from '../../functions/config/env.js';
import { tableAccessStatements, type TableAccess } from './table-access.js';

/** Repository root: entries, the lock file and tsconfig are resolved from here, whatever the cwd. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Packages the Lambda Node.js runtime ships (AWS SDK v3 and its Smithy core); left out of bundles. */
export const RUNTIME_PROVIDED_MODULES = ['@aws-sdk/*', '@smithy/*'] as const;

/**
 * Modules replaced in every bundle: ElectroDB's JSON-schema model validation costs a third of each cold
 * start, and our static models are validated by the tests, which run unbundled (issue #21).
 */
export const BUNDLE_ALIASES = { jsonschema: `${PROJECT_ROOT}functions/store/electrodb-model-check.ts` } as const;

/** Lets CommonJS dependencies call `require` inside the ESM bundle. */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export interface LambdaFunctionProps
  extends Omit<NodejsFunctionProps, 'entry' | 'handler' | 'runtime' | 'architecture' | 'bundling' | 'role' | 'logGroup'> {
  /** File name (without extension) of the handler under functions/handlers, e.g. `api`. */
  readonly handlerFile: string;
  /**
   * Packages installed beside the bundle instead of inside it: big ones a few routes import on first use
   * (exceljs), so they neither count against the bundle budget nor slow every cold start.
   */
  readonly nodeModules?: string[];
}

export class LambdaFunction extends NodejsFunction {
  /** The handler file it was built from (names the function in reports such as the bundle bench). */
  readonly handlerFile: string;

  constructor(scope: Construct, id: string, props: LambdaFunctionProps) {
    const { handlerFile, environment, nodeModules, ...rest } = props;
    // Our own role (instead of the default one) keeps the AWS managed AWSLambdaBasicExecutionRole
    // policy out: log writes are granted on this function's log group only (below).
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.THREE_MONTHS });
    super(scope, id, {
      memorySize: 1024,
      timeout: Duration.seconds(30),
      tracing: Tracing.ACTIVE,
      ...rest,
      entry: `${PROJECT_ROOT}functions/handlers/${handlerFile}.ts`,
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      role,
      logGroup,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      // Defaults first: a caller adds variables, it cannot drop ours by passing its own object.
      environment: { NODE_OPTIONS: '--enable-source-maps', ...environment },
      bundling: {
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        // Stack traces need file and line only; leaving sources out keeps the asset small.
        sourcesContent: false,
        // Chinese text (SMS templates, GB/T 2260 names) stays 3 bytes a character instead of 6-byte \u escapes.
        charset: Charset.UTF8,
        // The AWS SDK v3 comes from the nodejs24.x runtime: bundled, the DynamoDB client alone is
        // ~330 KB minified, which no function could carry within the 300 KB budget (DESIGN §8).
        externalModules: [...RUNTIME_PROVIDED_MODULES],
        ...(nodeModules ? { nodeModules } : {}),
        esbuildArgs: Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([name, path]) => [`--alias:${name}`, path])),
        tsconfig: `${PROJECT_ROOT}tsconfig.json`,
        // The pinned esbuild in node_modules bundles locally; there is no Docker here or in CI.
        forceDockerBundling: false,
        // Sizes are reported by tests/bench/bundle-sizes.ts; keep synth output to warnings.
        logLevel: LogLevel.WARNING,
      },
    });
    this.handlerFile = handlerFile;
    logGroup.grantWrite(role);
    // X-Ray accepts no resource-level permissions; the statement CDK adds for active tracing is `*`.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'xray:PutTraceSegments/PutTelemetryRecords do not support resource-level permissions (active tracing).',
    });
  }

  /** Gives this function the table's name (TABLE_NAME) and the matching data-plane grant in one step. */
  bindTable(table: ITable, access: TableAccess): this {
    this.addEnvironment(ENV.tableName, table.tableName);
    for (const statement of tableAccessStatements(table, access)) this.addToRolePolicy(statement);
    return this;
  }
}
