// A trip escort's one-day token (issue #18). The coordinator makes it for one trip; the escort's phone sends
// it as a bearer token. Only its SHA-256 is stored, with the trip and the expiry (also the item's TTL):
// nothing to sign or rotate, and revoking one is deleting its item.
import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from './deps.js';

export const ESCORT_TOKEN_PREFIX = 'esc_';
export const ESCORT_TOKEN_HOURS = 24;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createEscortToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  trip: { id: string; county: string },
  createdBy: string,
): Promise<{ token: string; expiresAt: string }> {
  const token = ESCORT_TOKEN_PREFIX + randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  const expires = new Date(now.getTime() + ESCORT_TOKEN_HOURS * 3600_000);
  await deps.db.entities.escortToken
    .create({
      tokenHash: hashOf(token),
      tripId: trip.id,
      county: trip.county,
      expiresAt: Math.floor(expires.getTime() / 1000),
      createdBy,
      createdAt: now.toISOString(),
    })
    .go();
  return { token, expiresAt: expires.toISOString() };
}

/** The trip a token opens, while it lasts; undefined for an unknown or expired one. */
export async function tripOfEscortToken(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<string | undefined> {
  if (!token.startsWith(ESCORT_TOKEN_PREFIX) || token.length > 100) return undefined;
  const { data } = await deps.db.entities.escortToken.get({ tokenHash: hashOf(token) }).go();
  if (!data || data.expiresAt * 1000 <= deps.clock.now().getTime()) return undefined;
  return data.tripId;
}
