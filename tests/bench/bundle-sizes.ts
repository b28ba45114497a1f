// Lambda bundle sizes (DESIGN §8: ≤ 300 KB minified each). Synthesizes the real stack WITH bundling
// (local esbuild, as `cdk synth` does) into a temporary directory and measures every index.mjs.
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

function lambdaFunctions(root: IConstruct): LambdaFunction[] {
  return root.node.findAll().filter((c): c is LambdaFunction => c instanceof LambdaFunction);
}

export async function measureBundles(): Promise<BundleSize[]> {
  const outdir = mkdtempSync(join(tmpdir(), 'chunfeng-bundles-'));
  try {
    // Asset metadata ties each function resource to its bundle directory inside outdir.
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new CoordinatorStack(app, STACK_ID, { env: { region: 'ap-southeast-1' } });
    app.synth();
    return lambdaFunctions(stack)
      .map((fn) => {
        const resource = fn.node.defaultChild as CfnResource;
        const assetPath: unknown = resource.getMetadata('aws:asset:path');
        if (typeof assetPath !== 'string') throw new Error(`No asset path for ${fn.node.path}`);
        const bytes = statSync(join(outdir, assetPath, 'index.mjs')).size;
        return { name: fn.handlerFile, kb: Math.round((bytes / 1024) * 10) / 10 };
      })
      .sort((a, b) => b.kb - a.kb);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await measureBundles(), null, 2));
}
