// HTTP API (payload v2) → router → services. Dependencies are wired once per cold start.
import { depsFromEnv } from '#services/deps.js';
import { createRouter } from '#http/router.js';

export const handler = createRouter(depsFromEnv());
