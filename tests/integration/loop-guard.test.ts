// The inbound loop guard: a phone that repeats itself, or sends too much, gets no replies for an hour,
// and the pause shows in its SMS log.
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone } from '../helpers/people.js';

const local = useTestSystem();
const { api } = local;

const sms = async (from: string, text: string) => (await api('POST', '/sim/sms', { json: { from, text } })).body as { replies: { body: string }[] };
const log = async (phone: string) => (await api('GET', `/messages?phone=${phone}`, { token: 'dev:admin:all' })).body as { template: string; status: string; failureReason?: string }[];

describe('inbound loop guard', () => {
  it('answers the same text 5 times in 10 minutes, then nothing for an hour, and logs the pause', async () => {
    const phone = mobilePhone();
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push((await sms(phone, i % 2 ? 'ｃｘ' : 'CX')).replies.length);
    const other = await sms(phone, '帮助');

    expect(answers).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(other.replies).toEqual([]);
    const entries = await log(phone);
    expect(entries.filter((m) => m.template === 'repliesPaused')).toEqual([
      expect.objectContaining({ status: 'suppressed', failureReason: 'loop-guard:sameText' }),
    ]);

    await api('POST', '/sim/clock', { json: { now: new Date(Date.now() + 3601_000).toISOString() } });
    const after = await sms(phone, '帮助');
    await api('POST', '/sim/clock', { json: { now: new Date().toISOString() } });
    expect(after.replies).toHaveLength(1);
  });

  it('stops answering a phone after 30 messages in an hour, whatever they say', async () => {
    const phone = mobilePhone();
    let answered = 0;
    for (let i = 0; i < 32; i++) answered += (await sms(phone, `你好${i}`)).replies.length;
    expect(answered).toBe(30);
    expect((await log(phone)).filter((m) => m.failureReason === 'loop-guard:tooMany')).toHaveLength(1);
  });
});
