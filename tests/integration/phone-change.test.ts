// 换号 through POST /sim/sms as the deployed path runs it: a request from a new phone is pending until the
// old phone answers, a coordinator decides, or the cooling period passes; the requester learns nothing.
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../helpers/local-api.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

const COORDINATOR = 'dev:coordinator:510822';

const local = useTestSystem();
const { api } = local;

async function sms(from: string, text: string) {
  const res = await api('POST', '/sim/sms', { json: { from, text } });
  expect(res.status).toBe(200);
  return res.body as { replies: { to: string; body: string }[] };
}

const to = (phone: string, r: { replies: { to: string; body: string }[] }) => r.replies.filter((x) => x.to === `+86${phone}`).map((x) => x.body);
const holderOf = async (phone: string) => (await api('GET', `/labourers?phone=${phone}`, { token: COORDINATOR })).body[0];

/** A labourer registered by SMS from `oldPhone`, and a stranger's phone asking for the registration. */
async function registered(name = '吴春花') {
  const oldPhone = mobilePhone();
  const id = validIdNumber();
  await sms(oldPhone, `报名 ${name} ${id} 种植 本地`);
  return { oldPhone, newPhone: mobilePhone(), id, labourer: await holderOf(oldPhone) };
}

describe('换号 (change of phone)', () => {
  it('asks the old phone, and tells the requester nothing about the registration, not even that it exists', async () => {
    const { oldPhone, newPhone, id } = await registered();
    const asked = await sms(newPhone, `换号 ${id}`);
    const unknown = await sms(mobilePhone(), `换号 ${validIdNumber('510821')}`);

    const [toRequester] = to(newPhone, asked);
    expect(toRequester).not.toContain('吴春花');
    expect(toRequester).toBe(to(unknown.replies[0]!.to.slice(3), unknown)[0]);
    expect(to(oldPhone, asked)).toEqual([expect.stringMatching(new RegExp(`尾号${newPhone.slice(-4)}.*回1同意.*回0拒绝`))]);
    expect((await holderOf(oldPhone)).name).toBe('吴春花');
    expect(await holderOf(newPhone)).toBeUndefined();
  });

  it('moves the registration when the old phone answers 1', async () => {
    const { oldPhone, newPhone, id } = await registered();
    await sms(newPhone, `换号 ${id}`);
    const agreed = await sms(oldPhone, '1');

    expect(to(newPhone, agreed)).toEqual([expect.stringContaining('已转到本号码')]);
    expect(to(newPhone, agreed)[0]).not.toContain('吴春花');
    expect(to(oldPhone, agreed)).toEqual([expect.stringContaining(`尾号${newPhone.slice(-4)}`)]);
    expect((await holderOf(newPhone)).name).toBe('吴春花');
    expect(await holderOf(oldPhone)).toBeUndefined();
  });

  it('keeps the registration when the old phone answers 0, and the requester is told it did not go through', async () => {
    const { oldPhone, newPhone, id } = await registered();
    await sms(newPhone, `换号 ${id}`);
    const refused = await sms(oldPhone, '0');

    expect(to(oldPhone, refused)).toEqual([expect.stringContaining('已拒绝换号')]);
    expect(to(newPhone, refused)).toEqual([expect.stringContaining('未通过')]);
    expect((await holderOf(oldPhone)).name).toBe('吴春花');
    // Refused, the request is over: a later 1 from the old phone moves nothing.
    await sms(oldPhone, '1');
    expect(await holderOf(newPhone)).toBeUndefined();
  });

  it('refuses erasure while a change is pending, and never lets the requesting phone erase', async () => {
    const { oldPhone, newPhone, id, labourer } = await registered();
    await sms(newPhone, `换号 ${id}`);
    const fromRequester = await sms(newPhone, '删除');
    await sms(newPhone, '确认删除');
    const fromOwner = await sms(oldPhone, '删除');

    expect(to(newPhone, fromRequester)[0]).toContain('还没有报名');
    expect(to(oldPhone, fromOwner)[0]).toContain('换号申请待处理');
    const after = await api('GET', `/labourers/${labourer.id}`, { token: COORDINATOR });
    expect(after.body.name).toBe('吴春花');
  });

  it('does not ask the old phone again for a second request while one is pending', async () => {
    const { oldPhone, newPhone, id } = await registered();
    await sms(newPhone, `换号 ${id}`);
    const again = await sms(mobilePhone(), `换号 ${id}`);
    expect(to(oldPhone, again)).toEqual([]);
    await sms(oldPhone, '1');
    expect((await holderOf(newPhone)).name).toBe('吴春花');
  });

  it('gives an old phone’s "1" to an offer sent after the 换号 question, not to the phone move', async () => {
    const oldPhone = mobilePhone();
    const id = validIdNumber();
    await sms(oldPhone, `报名 吴春花 ${id} 泥瓦工 浙江湖州 4000`);
    await sms(mobilePhone(), `换号 ${id}`);
    await api('POST', '/vacancies', {
      token: 'dev:employer:huzhou-build',
      json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 50, monthlyWage: 6000, startDate: '2099-03-01' },
    });
    await api('POST', '/matching/runs', { token: COORDINATOR, json: { county: '510822' } });

    const answer = await sms(oldPhone, '1');
    expect(to(oldPhone, answer)[0]).toContain('已确认您接受');
    expect((await holderOf(oldPhone)).name).toBe('吴春花');
    const pending = await api('GET', '/phone-changes', { token: COORDINATOR });
    expect(pending.body.map((c: { oldPhone: string }) => c.oldPhone)).toContain(`+86${oldPhone}`);
  });

  it('refuses 换号 into a phone that already has a registration', async () => {
    const { id } = await registered('杨桂兰');
    const taken = mobilePhone();
    await sms(taken, `报名 刘秀英 ${validIdNumber()} 普工`);
    const answer = await sms(taken, `换号 ${id}`);
    expect(to(taken, answer)[0]).toContain('本号码已有人报名');
  });

  it('lets the county’s coordinator see the request and approve it at once; another county may not', async () => {
    const { oldPhone, newPhone, id, labourer } = await registered();
    await sms(newPhone, `换号 ${id}`);
    const listed = await api('GET', '/phone-changes', { token: COORDINATOR });
    const other = await api('POST', `/phone-changes/${labourer.id}/approve`, { token: 'dev:coordinator:510821' });
    const approved = await api('POST', `/phone-changes/${labourer.id}/approve`, { token: COORDINATOR });
    const twice = await api('POST', `/phone-changes/${labourer.id}/approve`, { token: COORDINATOR });
    await local.system.flushOutbox();

    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labourerId: labourer.id, name: '吴春花', oldPhone: `+86${oldPhone}`, newPhone: `+86${newPhone}`, status: 'pending' }),
      ]),
    );
    expect(other.status).toBe(403);
    expect(approved.body).toEqual({ labourerId: labourer.id, status: 'done' });
    expect(twice.status).toBe(404);
    expect((await holderOf(newPhone)).name).toBe('吴春花');
  });

  it('lets the coordinator refuse it', async () => {
    const { oldPhone, newPhone, id, labourer } = await registered();
    await sms(newPhone, `换号 ${id}`);
    const refused = await api('POST', `/phone-changes/${labourer.id}/refuse`, { token: COORDINATOR });
    expect(refused.body.status).toBe('refused');
    expect((await holderOf(oldPhone)).name).toBe('吴春花');
  });

  it('completes by itself after the cooling period when nobody answered', async () => {
    const { oldPhone, newPhone, id } = await registered();
    await sms(newPhone, `换号 ${id}`);
    const early = await api('POST', '/sim/clock', { json: { now: new Date(Date.now() + 71 * 3600_000).toISOString() } });
    expect(early.status).toBe(200);
    expect((await holderOf(oldPhone)).name).toBe('吴春花');

    await api('POST', '/sim/clock', { json: { now: new Date(Date.now() + 73 * 3600_000).toISOString() } });
    const moved = await holderOf(newPhone);
    await api('POST', '/sim/clock', { json: { now: new Date().toISOString() } });
    expect(moved?.name).toBe('吴春花');
  });
});
