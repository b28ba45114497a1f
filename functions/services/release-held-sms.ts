// The sweep that lets held SMS go: every message held for quiet hours or a scheduled send whose time has
// come is marked `released` (a conditional update: released once). The notifier's stream sees that change
// and sends it, at the notifier's rate, like a new message.
import { isConditionFailure } from '#store/condition-failure.js';
import type { Deps } from './deps.js';

const CONCURRENCY = 25;

export async function releaseHeldSms(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const { outboxMessage } = deps.db.entities;
  const release = (messageId: string, notBefore: string | undefined) =>
    outboxMessage
      .patch({ messageId })
      .set({ heldState: 'released' })
      .composite({ notBefore })
      .where(({ heldState }, { eq }) => eq(heldState, 'held'))
      .go()
      .then(
        () => true,
        (error: unknown) => {
          if (isConditionFailure(error)) return false;
          throw error;
        },
      );
  const now = deps.clock.now().toISOString();
  let released = 0;
  let cursor: string | null = null;
  do {
    const page: { data: { messageId: string; notBefore?: string }[]; cursor: string | null } = await outboxMessage.query
      .messagesByHold({ heldState: 'held' })
      .lte({ notBefore: now })
      .go({ cursor, limit: 500, attributes: ['messageId', 'notBefore'] });
    // A morning's backlog can be a whole broadcast (tens of thousands): released 25 at a time, so the
    // sweep's 5 minutes hold it; the notifier then sends them at its own rate.
    for (let i = 0; i < page.data.length; i += CONCURRENCY) {
      const outcomes = await Promise.all(page.data.slice(i, i + CONCURRENCY).map((held) => release(held.messageId, held.notBefore)));
      released += outcomes.filter(Boolean).length;
    }
    cursor = page.cursor;
  } while (cursor);
  return released;
}
