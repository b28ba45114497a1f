// Alibaba Cloud SMS callbacks on DynamoDB Local: receipts settle a sent message once (delivered or
// failed), and a reply pushed twice reaches the conversation service as the same inbound message, so
// it is handled once.
import { describe, expect, it } from 'vitest';
import type { InboundSmsNotification } from '../../functions/http/schemas/inbound-sms.js';
import { handleInboundSms, type InboundOutcome } from '../../functions/services/conversation/handle-inbound-sms.js';
import { writeOutbox } from '../../functions/services/outbox.js';
import { aliyunReceipts, aliyunReplies } from '../../functions/services/provider-callback.js';
import { renderSms } from '../../functions/domain/sms/templates.js';
import { freshDeps } from '../helpers/local-table.js';
import { mobilePhone } from '../helpers/people.js';

const deps = await freshDeps();

async function sentMessage(providerMessageId: string): Promise<string> {
  const phone = `+86${mobilePhone()}`;
  await writeOutbox(deps, { to: phone, sms: renderSms('optedIn', {}) });
  const { data } = await deps.db.entities.outboxMessage.query.messagesByPhone({ to: phone }).go();
  const messageId = data[0]!.messageId;
  await deps.db.entities.outboxMessage.patch({ messageId }).set({ status: 'sent', providerMessageId }).go();
  return messageId;
}
const statusOf = async (messageId: string) => (await deps.db.entities.outboxMessage.get({ messageId }).go()).data;
const report = (outId: string, bizId: string, success: boolean) => ({
  phone_number: '13800138000', success, err_code: success ? 'DELIVERED' : 'MK:0001', err_msg: success ? '用户接收成功' : '空号', biz_id: bizId, out_id: outId,
});

describe('Alibaba Cloud SMS receipts', () => {
  it('marks a sent message delivered once, however often the receipt comes', async () => {
    const messageId = await sentMessage('biz-1');
    expect(await aliyunReceipts(deps, [report(messageId, 'biz-1', true)])).toEqual({ recorded: 1, early: 0 });
    expect(await aliyunReceipts(deps, [report(messageId, 'biz-1', false)])).toEqual({ recorded: 0, early: 0 });
    expect((await statusOf(messageId))?.status).toBe('delivered');
  });

  it('marks an undelivered one failed with the carrier’s reason, and ignores receipts it cannot place', async () => {
    const messageId = await sentMessage('biz-2');
    const out = await aliyunReceipts(deps, [
      report(messageId, 'biz-2', false),
      report('01UNKNOWN00000000000000000', 'biz-x', true),
      report(messageId.replace(/.$/, '0'), 'biz-2', true),
      { ...report(messageId, 'biz-other', true) },
    ]);
    expect(out).toEqual({ recorded: 1, early: 0 });
    expect(await statusOf(messageId)).toMatchObject({ status: 'failed', failureReason: 'receipt: MK:0001 空号' });
  });

  it('counts a receipt that overtook the record of the send as early, and takes it when pushed again', async () => {
    const phone = `+86${mobilePhone()}`;
    await writeOutbox(deps, { to: phone, sms: renderSms('optedIn', {}) });
    const messageId = (await deps.db.entities.outboxMessage.query.messagesByPhone({ to: phone }).go()).data[0]!.messageId;

    expect(await aliyunReceipts(deps, [report(messageId, 'biz-3', true)])).toEqual({ recorded: 0, early: 1 });
    await deps.db.entities.outboxMessage.patch({ messageId }).set({ status: 'sent', providerMessageId: 'biz-3' }).go();
    expect(await aliyunReceipts(deps, [report(messageId, 'biz-3', true)])).toEqual({ recorded: 1, early: 0 });
  });
});

describe('Alibaba Cloud SMS replies', () => {
  it('replays a reply into the conversation service once, keyed on the provider’s message id', async () => {
    const queued: InboundSmsNotification[] = [];
    const queue = { enqueue: async (messages: readonly InboundSmsNotification[]) => void queued.push(...messages) };
    const phone = mobilePhone();
    const up = { phone_number: phone, content: 'CX', sequence_id: 1234567890, dest_code: '1234', sign_name: '春风行动' };

    await aliyunReplies(queue, [up]);
    await aliyunReplies(queue, [up]); // the provider pushed the batch again
    const outcomes: InboundOutcome[] = [];
    for (const n of queued) outcomes.push(await handleInboundSms(deps, { from: n.originationNumber, text: n.messageBody, inboundMessageId: n.inboundMessageId }));

    expect(queued.map((n) => n.inboundMessageId)).toEqual(['aliyun-up:1234567890', 'aliyun-up:1234567890']);
    expect(outcomes).toEqual([{ handled: true, intent: expect.any(String) }, { handled: false, reason: 'duplicate' }]);
    const { data: replies } = await deps.db.entities.outboxMessage.query.messagesByPhone({ to: `+86${phone}` }).go();
    expect(replies).toHaveLength(1);
  });
});
