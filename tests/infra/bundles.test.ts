// Opt-in (CDK_BUNDLE=1): bundles every function for real with the local esbuild, as `cdk synth`
// and `cdk deploy` do, and holds each bundle to DESIGN §8's budget.
import { describe, expect, it } from 'vitest';
import { measureBundles } from '../bench/bundle-sizes.js';

const MAX_KB = 300;

describe('Lambda bundles', () => {
  it.runIf(process.env.CDK_BUNDLE === '1')(
    `exist as index.mjs and stay within ${MAX_KB} KB each`,
    async () => {
      const bundles = await measureBundles();
      expect(bundles.map((b) => b.name).sort()).toEqual(
        ['api', 'follow-up', 'jobs', 'matcher', 'national-allocate', 'national-county', 'national-summary', 'notifier', 'offer-expiry', 'sms-inbound', 'sms-receipts'].sort(),
      );
      const over = bundles.filter((b) => b.kb > MAX_KB).map((b) => `${b.name}: ${b.kb} KB`);
      expect(over).toEqual([]);
    },
    300_000,
  );
});
