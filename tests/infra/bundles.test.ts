// Opt-in (CDK_BUNDLE=1): bundles every function for real with the local esbuild, as `cdk synth`
// and `cdk deploy` do. The 300 KB size budget is retired (issue #21): what users feel is the import
// time, which tests/bench/cold-start.ts measures against the AWS SDK's DynamoDB client.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesizeBundles } from '../bench/bundle-sizes.js';

describe('Lambda bundles', () => {
  it.runIf(process.env.CDK_BUNDLE === '1')(
    'exist as index.mjs, with ElectroDB’s jsonschema replaced by the stand-in',
    () => {
      const outdir = mkdtempSync(join(tmpdir(), 'chunfeng-bundles-test-'));
      try {
        const bundles = synthesizeBundles(outdir);
        const handlers = readdirSync('functions/handlers').map((f) => f.replace(/\.ts$/, ''));
        expect(bundles.map((b) => b.name)).toEqual(expect.arrayContaining(['api', 'sms-inbound', 'notifier', 'matcher']));
        for (const bundle of bundles) expect(handlers).toContain(bundle.name);
        for (const bundle of bundles) {
          expect(readFileSync(join(bundle.dir, 'index.mjs'), 'utf8'), bundle.name).toContain('is an ElectroDB instance, not a model');
        }
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
