// The SMS provider's credentials, from Secrets Manager: the template holds the secret's name only, and
// the value is read once per cold start (a rotated secret reaches new instances).
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export interface ProviderSecret {
  accessKeyId: string;
  accessKeySecret: string;
  /** Shared with the provider's console as part of the callback URL: proves a callback is theirs. */
  callbackToken: string;
}

function parseSecret(json: string | undefined): ProviderSecret {
  const value = JSON.parse(json ?? 'null') as Partial<ProviderSecret> | null;
  for (const field of ['accessKeyId', 'accessKeySecret', 'callbackToken'] as const) {
    if (typeof value?.[field] !== 'string' || value[field] === '') throw new Error(`The SMS provider secret has no ${field}`);
  }
  return value as ProviderSecret;
}

/** Reads the secret on first call and keeps it; a failed read is retried by the next call. */
export function providerSecret(secretId: string, client = new SecretsManagerClient({})): () => Promise<ProviderSecret> {
  let kept: Promise<ProviderSecret> | undefined;
  return () => {
    kept ??= client
      .send(new GetSecretValueCommand({ SecretId: secretId }))
      .then((out) => parseSecret(out.SecretString))
      .catch((error: unknown) => {
        kept = undefined;
        throw error;
      });
    return kept;
  };
}
