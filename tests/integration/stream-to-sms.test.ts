// The local delivery path end to end: outbox item → DynamoDB Local stream → poller → notifier → SMS sink.
import { describe, expect, it } from 'vitest';
import { localSmsSink } from '../../functions/adapters/local-sms-sink.js';
import { useTestSystem } from '../helpers/local-api.js';
import { depsForTable } from '../helpers/local-table.js';
import { reversedDigits } from '../../functions/services/guard-parts.js';
import { mobilePhone } from '../helpers/people.js';

const local = useTestSystem();

describe('stream poller → notifier', () => {
  it('delivers the messages of one phone in the order they were written, each once', async () => {
    const deps = depsForTable(local.system.tableName);
    const to = `+86${mobilePhone()}`;
    const ids: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const { data } = await deps.db.entities.outboxMessage
        .create({ messageId: deps.newId(), to, body: `【春风行动】第${i}条`, segments: 1, template: 'registered', status: 'pending', createdAt: new Date().toISOString() })
        .go();
      ids.push(data.messageId);
    }
    await local.system.flushOutbox();
    await local.system.flushOutbox();
    const delivered = localSmsSink.delivered.filter((m) => m.to === to);
    expect(delivered.map((m) => m.messageId)).toEqual(ids);
  });

  it('ignores table writes that are not outbox messages', async () => {
    const before = localSmsSink.delivered.length;
    const deps = depsForTable(local.system.tableName);
    const phone = `+86${mobilePhone()}`;
    await deps.db.entities.uniqueGuard.create({ kind: 'phone', value: phone, labourerId: 'nobody', county: '510822', digitsReversed: reversedDigits(phone) }).go();
    await local.system.flushOutbox();
    expect(localSmsSink.delivered.length).toBe(before);
  });
});
