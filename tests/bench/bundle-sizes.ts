// Lambda bundle sizes, reported beside the cold start (DESIGN §8). Synthesizes the real stack WITH
// bundling (local esbuild, as `cdk synth` does) into a temporary directory and measures every index.mjs.
// Standalone: `npx tsx tests/bench/bundle-sizes.ts` prints the JSON.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, type CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { LambdaFunction } from '../../lib/constructs/lambda-function.js';
import { CoordinatorStack, STACK_ID } from '../../lib/coordinator-stack.js';

export interface BundleSize {
  /** The handler file under functions/handlers, e.g. `api`. */
  name: string;
  kb: number;
}

/** One function's bundle as CDK built it: its asset directory and the environment it is deployed with. */
export interface SynthesizedBundle extends BundleSize {
  dir: string;
  /** Environment variables as in the template: tokens (Ref, GetAtt…) are left as objects. */
  environment: Record<string, unknown>;
}

function lambdaFunctions(root: IConstruct): LambdaFunction[] {
  return root.node.findAll().filter((c): c is LambdaFunction => c instanceof LambdaFunction);
}

const kbOf = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Synthesizes the stack with bundling into `outdir`; every function's bundle, largest first. */
export function synthesizeBundles(outdir: string): SynthesizedBundle[] {
  // Asset metadata ties each function resource to its bundle directory inside outdir.
  const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
  const stack = new CoordinatorStack(app, STACK_ID, { env: { region: 'ap-southeast-1' } });
  const resources = app.synth().getStackArtifact(stack.artifactId).template.Resources as Record<string, { Properties?: { Environment?: { Variables?: Record<string, unknown> } } }>;
  return lambdaFunctions(stack)
    .map((fn) => {
      const resource = fn.node.defaultChild as CfnResource;
      const assetPath: unknown = resource.getMetadata('aws:asset:path');
      if (typeof assetPath !== 'string') throw new Error(`No asset path for ${fn.node.path}`);
      const dir = join(outdir, assetPath);
      const environment = resources[stack.getLogicalId(resource)]?.Properties?.Environment?.Variables ?? {};
      return { name: fn.handlerFile, kb: kbOf(statSync(join(dir, 'index.mjs')).size), dir, environment };
    })
    .sort((a, b) => b.kb - a.kb);
}

export async function measureBundles(): Promise<BundleSize[]> {
  const outdir = mkdtempSync(join(tmpdir(), 'chunfeng-bundles-'));
  try {
    return synthesizeBundles(outdir).map(({ name, kb }) => ({ name, kb }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await measureBundles(), null, 2));
}
