// Erasure (确认删除) of what a labourer said and was sent: the SMS both ways on each phone that was theirs
// (only while it was theirs), and the before → after values of the audit entries about them (who did
// what, and when, stays). The message that asked for the erasure and its reply are kept: the marker
// stops a redelivery from being handled twice, and both expire with the rest of the season's messages.
import type { Deps } from './deps.js';
import { auditOfLabourer, labourerTarget } from './audit.js';
import { inPeriod, phonePeriods } from './labourer-phones.js';

export async function eraseConversation(
  deps: Pick<Deps, 'db'>,
  { labourerId, lastPhone, registeredAt }: { labourerId: string; lastPhone: string; registeredAt: string },
  keep: string,
): Promise<number> {
  const { outboxMessage, inboundMessage, auditEntry } = deps.db.entities;
  const periods = phonePeriods(lastPhone, await auditOfLabourer(deps, labourerId), registeredAt);
  let erased = 0;
  for (const period of periods) {
    const [{ data: sent }, { data: received }] = await Promise.all([
      outboxMessage.query.messagesByPhone({ to: period.phone }).go({ pages: 'all', attributes: ['messageId', 'causedBy', 'createdAt'] }),
      inboundMessage.query.inboundByPhone({ phone: period.phone }).go({ pages: 'all', attributes: ['inboundMessageId', 'receivedAt'] }),
    ]);
    const oldSent = sent.filter((m) => m.causedBy !== keep && inPeriod(period, m.createdAt!)).map((m) => ({ messageId: m.messageId! }));
    const oldReceived = received
      .filter((m) => m.inboundMessageId !== keep && inPeriod(period, m.receivedAt!))
      .map((m) => ({ inboundMessageId: m.inboundMessageId! }));
    if (oldSent.length > 0) await outboxMessage.delete(oldSent).go();
    if (oldReceived.length > 0) await inboundMessage.delete(oldReceived).go();
    erased += oldSent.length + oldReceived.length;
  }
  const { data: entries } = await auditEntry.query.auditByTarget({ target: labourerTarget(labourerId) }).go({ pages: 'all', attributes: ['auditId'] });
  for (const { auditId } of entries) await auditEntry.patch({ auditId: auditId! }).remove(['before', 'after']).go();
  return erased;
}
