// A trip escort's one-day token (issue #18). The coordinator makes it for one trip; the escort's phone sends
// it as a bearer token. Only its SHA-256 is stored, with the trip and the expiry (also the item's TTL):
// nothing to sign or rotate, and revoking one is deleting its item.
import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from './deps.js';

export const ESCORT_TOKEN_PREFIX = 'esc_';
export const ESCORT_TOKEN_HOURS = 24;

/**
 * A link made days ahead must still open on the day: it lasts through the day after the bus's arrival day
 * (its departure day when no arrival is planned), midnight China time — a late bus is still recorded.
 */
function tripEnd(trip: { date?: string; arrivalDate?: string }): number {
  const day = trip.arrivalDate ?? trip.date;
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return 0;
  return Date.parse(`${day}T00:00:00+08:00`) + 2 * 86_400_000;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createEscortToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  trip: { id: string; county: string; date?: string; arrivalDate?: string },
  createdBy: string,
): Promise<{ token: string; expiresAt: string }> {
  const token = ESCORT_TOKEN_PREFIX + randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  const expires = new Date(Math.max(now.getTime() + ESCORT_TOKEN_HOURS * 3600_000, tripEnd(trip)));
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
