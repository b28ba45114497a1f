// GET /auth/config (public): how the pages sign in. Deployed, the user pool's hosted sign-in (its domain
// and the pages' app client, both public by nature); under `npm start`, null: the pages take dev tokens.
import { ENV, optionalEnv } from '#config/env.js';
import { jsonResponse } from '../error-response.js';
import type { HttpResult } from '../middleware.js';

export async function getAuthConfig(): Promise<HttpResult> {
  const domain = optionalEnv(ENV.signInDomain);
  const clientId = optionalEnv(ENV.signInClientId);
  return jsonResponse(200, { signIn: domain && clientId ? { domain, clientId } : null }, { 'cache-control': 'max-age=300' });
}
