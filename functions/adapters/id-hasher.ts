// Keyed hashes of ID numbers (PIPL: the number itself is never stored). Deployed: a KMS HMAC key, so no
// key material sits in a Lambda; locally: an HMAC secret kept in .local/.
import { createHmac } from 'node:crypto';
import type { KMSClient } from '@aws-sdk/client-kms';
import { ENV, optionalEnv } from '#config/env.js';

export interface IdHasher {
  /** Same input, same output; the input is the normalised 18-character ID number. */
  hash(idNumber: string): Promise<string>;
}

export function hmacIdHasher(secret: string): IdHasher {
  return {
    hash: async (idNumber) => createHmac('sha256', secret).update(idNumber, 'utf8').digest('base64url'),
  };
}

// The KMS SDK is loaded on the first hash, not at import: most cold starts never hash (issue #21).
const kmsSdk = () => import('@aws-sdk/client-kms');

export function kmsIdHasher(keyId: string, client?: KMSClient): IdHasher {
  let kms: KMSClient | undefined;
  return {
    async hash(idNumber) {
      const { GenerateMacCommand, KMSClient } = await kmsSdk();
      kms ??= client ?? new KMSClient({});
      const out = await kms.send(
        new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(idNumber, 'utf8') }),
      );
      if (!out.Mac) throw new Error('KMS GenerateMac returned no MAC');
      return Buffer.from(out.Mac).toString('base64url');
    },
  };
}

export function idHasherFromEnv(): IdHasher {
  const keyId = optionalEnv(ENV.idHashKeyId);
  if (keyId) return kmsIdHasher(keyId);
  const secret = optionalEnv(ENV.idHashSecret);
  if (secret) return hmacIdHasher(secret);
  throw new Error(`Set ${ENV.idHashKeyId} (KMS HMAC key) or ${ENV.idHashSecret} (local HMAC secret)`);
}
