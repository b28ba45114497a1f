// A coordinator's actions on an open offer — withdraw, re-send, extend — and GET /offers?vacancyId=, on DynamoDB Local.
import { describe, expect, it } from 'vitest';
import { expireOffers } from '../../functions/services/offer-life-cycle.js';
import { useTestSystem } from '../helpers/local-api.js';
import { depsForTable } from '../helpers/local-table.js';
import { registrationBody, validIdNumber } from '../helpers/people.js';

const local = useTestSystem();
const { api } = local;

/** Each test in a county of its own, so runs never see each other's labourers. */
const counties = ['510821', '510822', '510823', '510824'];
let nextCounty = 0;

async function openOffer() {
  const county = counties[nextCounty++]!;
  const token = `dev:coordinator:${county}`;
  const body = registrationBody({ idNumber: validIdNumber(county) });
  expect((await api('POST', '/labourers', { json: body, token })).status).toBe(201);
  await api('POST', '/vacancies', {
    token: 'dev:employer:huzhou-build',
    json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 1, monthlyWage: 6000, startDate: '2099-03-01' },
  });
  await api('POST', '/matching/runs', { token, json: { county } });
  // Earlier tests leave open vacancies behind: follow the one this labourer was offered.
  const offers = (await api('GET', '/offers?status=offered', { token })).body;
  expect(offers).toHaveLength(1);
  const vacancyId = offers[0].vacancyId as string;
  expect((await api('GET', `/offers?vacancyId=${vacancyId}`, { token })).body).toEqual(offers);
  return { token, phone: body.phone as string, offer: offers[0], vacancyId };
}

async function smsLog(phone: string, token: string): Promise<string[]> {
  await local.system.flushOutbox();
  return (await api('GET', `/messages?phone=${phone}`, { token })).body.map((m: { body: string }) => m.body);
}

describe('POST /offers/{id}/withdraw', () => {
  it('frees the place, puts the labourer back and tells them; only once, and only in the county', async () => {
    const { token, phone, offer, vacancyId } = await openOffer();
    expect((await api('POST', `/offers/${offer.id}/withdraw`, { token: 'dev:coordinator:511002' })).status).toBe(403);

    const res = await api('POST', `/offers/${offer.id}/withdraw`, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: offer.id, status: 'withdrawn', answeredAt: expect.any(String) });
    expect((await api('GET', `/vacancies/${vacancyId}`, { token: 'dev:admin:all' })).body).toMatchObject({ offered: 0, remaining: 1 });
    expect((await api('GET', `/labourers/${offer.labourerId}`, { token })).body.status).toBe('registered');
    expect((await smsLog(phone, token)).at(-1)).toContain('已由县人社局撤回');

    const again = await api('POST', `/offers/${offer.id}/withdraw`, { token });
    expect(again.status).toBe(409);
    expect((await api('POST', `/offers/${offer.id}/resend`, { token })).status).toBe(409);
    expect((await api('GET', `/offers?status=withdrawn&vacancyId=${vacancyId}`, { token })).body).toHaveLength(1);
  });
});

describe('POST /offers/{id}/resend', () => {
  it('sends the offer SMS again with the hours left, and counts it', async () => {
    const { token, phone, offer } = await openOffer();
    const res = await api('POST', `/offers/${offer.id}/resend`, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'offered', respondBy: offer.respondBy, resends: 1, resentAt: expect.any(String) });
    const offers = (await smsLog(phone, token)).filter((b) => b.includes('回1接受，回2拒绝'));
    expect(offers).toHaveLength(2);
    expect(offers[1]).toMatch(/(47|48)小时内有效/);
  });
});

describe('POST /offers/{id}/extend', () => {
  it('moves the deadline, tells the labourer, and the expiry sweep keeps to the new one', async () => {
    const { token, phone, offer } = await openOffer();
    const res = await api('POST', `/offers/${offer.id}/extend`, { token, json: { hours: 24 } });
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.respondBy) - Date.parse(offer.respondBy)).toBe(24 * 3600_000);
    expect((await smsLog(phone, token)).at(-1)).toMatch(/答复期限已延长到\d+月\d+日\d+时/);

    const later = { ...depsForTable(local.system.tableName), clock: { now: () => new Date(Date.now() + 49 * 3600_000) } };
    await expireOffers(later);
    expect((await api('GET', `/offers?status=offered&vacancyId=${offer.vacancyId}`, { token })).body).toHaveLength(1);
  });

  it('refuses hours that are not whole, too many, or a deadline past 7 days from now', async () => {
    const { token, offer } = await openOffer();
    for (const hours of [0, 1.5, 169, '24']) {
      const res = await api('POST', `/offers/${offer.id}/extend`, { token, json: { hours } });
      expect(res.status, String(hours)).toBe(400);
    }
    // 48 h left: 120 more reach 7 days, 121 do not.
    const over = await api('POST', `/offers/${offer.id}/extend`, { token, json: { hours: 121 } });
    expect(over.status).toBe(400);
    expect(over.body.error.details[0]).toMatchObject({ path: 'hours' });
    expect((await api('POST', `/offers/${offer.id}/extend`, { token, json: { hours: 119 } })).status).toBe(200);
  });
});
