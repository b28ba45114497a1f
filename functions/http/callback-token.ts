// A provider callback proves it comes from the provider by the secret token we gave the provider's
// console as part of the callback URL (Alibaba Cloud's HTTP push carries no signature of its own).
// Compared in constant time, on digests so the lengths do not leak either.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function sameToken(given: string | undefined, expected: string): boolean {
  return given !== undefined && given !== '' && timingSafeEqual(digest(given), digest(expected));
}
