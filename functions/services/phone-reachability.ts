// Whether a labourer's phone can be reached, from the delivery receipts: two undelivered SMS in a row
// mark the labourer `unreachable` (号码无法送达: shown in the workspace, left out by matching); a
// delivered one, or a new phone, clears it. Only the labourer who holds the number now is marked.
import type { Deps } from './deps.js';

const RECEIPTS_LOOKED_AT = 20;

export async function noteReceipt(deps: Pick<Deps, 'db'>, phone: string, delivered: boolean): Promise<void> {
  const { uniqueGuard, labourer, outboxMessage } = deps.db.entities;
  const { data: guard } = await uniqueGuard.get({ kind: 'phone', value: phone }).go();
  if (!guard) return;
  const { data: person } = await labourer.get({ labourerId: guard.labourerId }).go({ attributes: ['labourerId', 'phone', 'unreachable'] });
  if (!person || person.phone !== phone) return;
  let unreachable = false;
  if (!delivered) {
    const { data: recent } = await outboxMessage.query
      .messagesByPhone({ to: phone })
      .go({ order: 'desc', limit: RECEIPTS_LOOKED_AT, attributes: ['status'] });
    const answered = recent.filter((m) => m.status === 'delivered' || m.status === 'failed').slice(0, 2);
    unreachable = answered.length === 2 && answered.every((m) => m.status === 'failed');
  }
  if ((person.unreachable === true) === unreachable) return;
  await labourer
    .patch({ labourerId: person.labourerId })
    .set({ unreachable })
    // Still this phone's holder (a phone change meanwhile starts afresh).
    .where((a, { eq }) => eq(a.phone, phone))
    .go()
    .catch((error: unknown) => {
      if ((error as { cause?: { name?: string } }).cause?.name !== 'ConditionalCheckFailedException') throw error;
    });
}
