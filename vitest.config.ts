import { defineConfig } from 'vitest/config';

// Four layers, all in `npm test`: pure unit tests, integration tests on a real DynamoDB Local,
// infrastructure tests on the synthesized template, and browser tests of the pages in Chromium.
export default defineConfig({
  test: {
    // The pinned SDK runs fine on the local Node 20; quiet logs keep failures readable. Tests run at any
    // hour: SMS quiet hours are off unless a test turns them on (useTestSystem({quietHours})).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'WARN', SMS_QUIET_HOURS: 'off' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { extends: true, test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], testTimeout: 120_000 } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
