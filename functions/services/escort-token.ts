// A trip escort's one-day token (issue #18). The coordinator makes it for one trip; the escort's phone sends
// it as a bearer token. Only its SHA-256 is stored, with the trip and the expiry (also the item's TTL):
// nothing to sign or rotate, and revoking one is deleting its item.
import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError } from '#domain/errors.js';
import { writeTransaction } from '#store/transact.js';
import { auditPart } from './audit.js';
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

/** The escort named on the trip with the token (shown to passengers at departure), when the coordinator gives them. */
export interface EscortDetails {
  name?: string;
  /** E.164. */
  phone?: string;
}

/**
 * One transaction: the token, the escort's name and phone on the trip (when given), and the audit entry —
 * a token is never made for a trip gone, nor a name written without its token and entry.
 */
export async function createEscortToken(
  deps: Pick<Deps, 'db' | 'clock' | 'newId'>,
  trip: { id: string; county: string; date?: string; arrivalDate?: string },
  createdBy: string,
  escort: EscortDetails = {},
): Promise<{ token: string; expiresAt: string }> {
  const token = ESCORT_TOKEN_PREFIX + randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  const expires = new Date(Math.max(now.getTime() + ESCORT_TOKEN_HOURS * 3600_000, tripEnd(trip)));
  const named = { ...(escort.name ? { escort: escort.name } : {}), ...(escort.phone ? { escortPhone: escort.phone } : {}) };
  const outcome = await writeTransaction(deps.db, [
    {
      name: 'token',
      item: ({ escortToken }) =>
        escortToken
          .create({ tokenHash: hashOf(token), tripId: trip.id, county: trip.county, expiresAt: Math.floor(expires.getTime() / 1000), createdBy, createdAt: now.toISOString() })
          .commit(),
    },
    {
      name: 'trip',
      // The patch also checks that the trip still exists.
      item: ({ trip: entity }) => (Object.keys(named).length > 0 ? entity.patch({ tripId: trip.id }).set(named).commit() : entity.check({ tripId: trip.id }).where((a, { exists }) => exists(a.tripId)).commit()),
    },
    auditPart(deps, {
      actor: createdBy,
      action: 'trip.escortToken',
      target: `trip:${trip.id}`,
      county: trip.county,
      // Who escorts, never the token (only its hash is kept anywhere).
      after: { expiresAt: expires.toISOString(), ...named },
    }),
  ]);
  if (!outcome.ok) throw new NotFoundError('没有这趟车');
  return { token, expiresAt: expires.toISOString() };
}

/** The trip a token opens, while it lasts; undefined for an unknown or expired one. */
export async function tripOfEscortToken(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<string | undefined> {
  if (!token.startsWith(ESCORT_TOKEN_PREFIX) || token.length > 100) return undefined;
  const { data } = await deps.db.entities.escortToken.get({ tokenHash: hashOf(token) }).go();
  if (!data || data.expiresAt * 1000 <= deps.clock.now().getTime()) return undefined;
  return data.tripId;
}
