// The sweep that lets held SMS go: every message held for quiet hours or a scheduled send whose time has
// come is marked `released` (a conditional update: released once). The notifier's stream sees that change
// and sends it, at the notifier's rate, like a new message.
import { isConditionFailure } from '#store/condition-failure.js';
import type { Deps } from './deps.js';

export async function releaseHeldSms(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const { outboxMessage } = deps.db.entities;
  const now = deps.clock.now().toISOString();
  let released = 0;
  let cursor: string | null = null;
  do {
    const page: { data: { messageId: string; notBefore?: string }[]; cursor: string | null } = await outboxMessage.query
      .messagesByHold({ heldState: 'held' })
      .lte({ notBefore: now })
      .go({ cursor, limit: 500, attributes: ['messageId', 'notBefore'] });
    for (const held of page.data) {
      const ok = await outboxMessage
        .patch({ messageId: held.messageId })
        .set({ heldState: 'released' })
        .composite({ notBefore: held.notBefore })
        .where(({ heldState }, { eq }) => eq(heldState, 'held'))
        .go()
        .then(
          () => true,
          (error: unknown) => {
            if (isConditionFailure(error)) return false;
            throw error;
          },
        );
      if (ok) released++;
    }
    cursor = page.cursor;
  } while (cursor);
  return released;
}
