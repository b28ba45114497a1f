// Editing the bus plan on the trips page, in Chromium against the whole local system: plan from the form,
// see the plan by day with each bus's vehicle, stops and passengers, split a passenger onto a new bus, move
// another across with "移到…", change a bus's departure time (the seated passengers are told), drag a seated
// passenger onto the other bus, keep the county's pickup points.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localSmsSink } from '../../functions/adapters/local-sms-sink.js';
import { startLocalSystem, type LocalSystem } from '../../bin/local/system.js';
import { apiClient, type ApiCall } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';
import { launchChromium, screenshot } from './browser.js';

const COUNTY = '510822';
const COORDINATOR = `dev:coordinator:${COUNTY}`;
const WAIT = { timeout: 15_000 };
const NAMES = ['王立学', '李芳', '张伟'];

let system: LocalSystem;
let api: ApiCall;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const phones = new Map<string, string>();

interface Trip {
  id: string;
  date: string;
  arrivalDate?: string;
  departureTime: string;
  passengers: string[];
  status: string;
}
const trips = async (): Promise<Trip[]> => (await api('GET', `/trips?county=${COUNTY}`, { token: COORDINATOR })).body;

describe('editing the bus plan on the trips page', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    system = await startLocalSystem({ port: 0, schedules: false, printSms: false, quietHours: 'off' });
    api = apiClient(system.url);
    // Three residents accept jobs in Huzhou.
    for (const name of NAMES) {
      const body = registrationBody({ name, idNumber: validIdNumber(COUNTY), phone: mobilePhone(), destinations: ['3305'] });
      const res = await api('POST', '/labourers', { json: body, token: COORDINATOR });
      if (res.status !== 201) throw new Error(`could not register ${name}: ${JSON.stringify(res.body)}`);
      phones.set(res.body.id, body.phone);
    }
    await api('POST', '/vacancies', {
      token: 'dev:employer:huzhou-build',
      json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 3, monthlyWage: 6000, startDate: '2099-03-01' },
    });
    await api('POST', '/matching/runs', { token: COORDINATOR, json: { county: COUNTY } });
    for (const phone of phones.values()) await api('POST', '/sim/sms', { json: { from: phone, text: '1' } });
    page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 1000 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const cards = () => page.getByTestId('trip-card');

  it('plans from the form and shows the plan by day: vehicle, stops, passengers by pickup', async () => {
    await page.goto(`${system.url}/coordinator?token=${COORDINATOR}#/trips`);
    await page.getByTestId('plan-form').waitFor(WAIT);
    // The fleet table starts with the default vehicle types; the plan is made from it.
    expect(await page.locator('[data-testid=fleet] tbody tr').count()).toBe(5);
    // The form starts at the API's defaults (issue #17: it showed 1 drop while the API planned with 2).
    expect(await page.inputValue('#t-stops')).toBe('3');
    expect(await page.inputValue('#t-drops')).toBe('2');
    expect(await page.inputValue('#t-radius')).toBe('100');
    // Every error shows under its field, a fleet row's under that row, and the toast says how many.
    await page.locator('[data-testid=fleet] tbody tr').nth(1).locator('[data-fleet=seats]').fill('0');
    await page.fill('#t-dates', 'abc 3/1');
    await page.getByTestId('plan-trips').click();
    await page.locator('[data-testid="error-fleet.1.seats"]').waitFor(WAIT);
    expect(await page.locator('[data-testid="error-departureDates.0"]').textContent()).toContain('“abc”');
    expect(await page.locator('[data-testid="error-departureDates.1"]').textContent()).toContain('“3/1”');
    expect(await page.locator('.toast').last().textContent()).toContain('有 3 处需要修改');
    await page.locator('[data-testid=fleet] tbody tr').nth(1).locator('[data-fleet=seats]').fill('45');
    await page.fill('#t-dates', '');
    await page.fill('#t-stops', '2');
    await page.getByTestId('plan-trips').click();
    await expect.poll(() => page.getByTestId('plan-result').textContent(), WAIT).toContain('共 3 人');
    await expect.poll(() => cards().count(), WAIT).toBeGreaterThan(0);
    const planned = await trips();
    expect(planned.flatMap((t) => t.passengers)).toHaveLength(3);
    const day = page.locator('.trip-day').first();
    expect(await day.locator('h3').textContent()).toContain(planned[0]!.date);
    const first = cards().first();
    expect(await first.getByTestId('trip-vehicle-type').textContent()).toMatch(/^\d+座车$/);
    expect(await first.getByTestId('trip-stops').textContent()).toContain('上车');
    const firstId = await first.getAttribute('data-trip');
    expect(await first.getByTestId('trip-arrival').textContent()).toContain(`${planned.find((t) => t.id === firstId)!.arrivalDate} 到达`);
    for (const name of NAMES) expect(await page.getByTestId('trips').textContent()).toContain(name);
    await screenshot(page, 'trips-edit-1-plan');
  });

  it('splits a passenger onto a new bus, then moves another across with 移到…', async () => {
    // All three on one bus first (a merge through the API when the planner made more than one).
    const [bus, ...rest] = await trips();
    for (const other of rest) await api('POST', `/trips/${other.id}/merge`, { token: COORDINATOR, json: { intoTripId: bus!.id } });
    await page.reload();
    await expect.poll(() => cards().count(), WAIT).toBe(1);
    const card = page.locator(`[data-trip="${bus!.id}"]`);
    await card.getByTestId('passenger-pick').first().check();
    await card.getByTestId('split-trip').click();
    await expect.poll(() => cards().count(), WAIT).toBe(2);
    const newBus = (await trips()).find((t) => t.id !== bus!.id && t.status !== 'cancelled')!;
    expect(newBus.passengers).toHaveLength(1);

    // Move one more from the old bus to the new one: pick, choose the bus, 移过去.
    const old = page.locator(`[data-trip="${bus!.id}"]`);
    const mover = await old.getByTestId('passenger-pick').first().getAttribute('value');
    await old.getByTestId('passenger-pick').first().check();
    // Each bus in the list is told apart: vehicle, first pickup, a short number.
    const option = await old.locator(`[data-testid=move-target] option[value="${newBus.id}"]`).textContent();
    expect(option).toMatch(/座 .+出发 → .+（1\/\d+）#/);
    expect(option).toContain(`#${newBus.id.slice(-4)}`);
    await old.getByTestId('move-target').selectOption(newBus.id);
    await old.getByTestId('move-passengers').click();
    await expect.poll(async () => (await trips()).find((t) => t.id === newBus.id)?.passengers.length, WAIT).toBe(2);
    expect((await trips()).find((t) => t.id === newBus.id)!.passengers).toContain(mover);
    await expect.poll(() => page.locator(`[data-trip="${newBus.id}"] [data-testid=passenger-pick]`).count(), WAIT).toBe(2);
    await screenshot(page, 'trips-edit-2-moved');
  });

  it('changes a booked bus\'s departure time in place, and its passengers are told once', async () => {
    const target = (await trips()).find((t) => t.passengers.length === 2)!;
    const card = page.locator(`[data-trip="${target.id}"]`);
    await card.getByTestId('book-trip').click();
    await expect.poll(() => card.locator('.badge').first().textContent(), WAIT).toBe('已订座');
    await system.flushOutbox();
    const before = target.passengers.map((id) => localSmsSink.delivered.filter((m) => m.to === `+86${phones.get(id)}`).length);
    const booked = page.locator(`[data-trip="${target.id}"]`);
    await booked.getByTestId('trip-time').fill('09:40');
    await booked.getByTestId('trip-save').click();
    await expect.poll(() => page.locator(`[data-trip="${target.id}"] [data-testid=trip-when]`).textContent(), WAIT).toContain('09:40');
    await system.flushOutbox();
    for (const [i, id] of target.passengers.entries()) {
      const told = localSmsSink.delivered.filter((m) => m.to === `+86${phones.get(id)}`).slice(before[i]);
      expect(told).toHaveLength(1);
      expect(told[0]!.body).toContain('09:40发车');
    }
    await screenshot(page, 'trips-edit-3-time');
  });

  it('moves a seated passenger by dragging them onto the other bus, and they are told their new seat', async () => {
    const all = await trips();
    const from = all.find((t) => t.status === 'booked')!;
    const to = all.find((t) => t.id !== from.id && t.status !== 'cancelled')!;
    const mover = from.passengers[0]!;
    await system.flushOutbox();
    const before = localSmsSink.delivered.filter((m) => m.to === `+86${phones.get(mover)}`).length;
    await page.locator(`[data-trip="${from.id}"] [data-passenger="${mover}"]`).dragTo(page.locator(`[data-trip="${to.id}"]`));
    await expect.poll(async () => (await trips()).find((t) => t.id === to.id)?.passengers, WAIT).toContain(mover);
    await system.flushOutbox();
    const told = localSmsSink.delivered.filter((m) => m.to === `+86${phones.get(mover)}`).slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('您改乘');
    expect(told[0]!.body).toContain('1号座');
  });

  it('offers the county\'s pickup points on the person page, and warns that another place becomes a new stop', async () => {
    const [id] = [...phones.keys()];
    await api('PUT', `/counties/${COUNTY}/pickup-points`, { token: COORDINATOR, json: { points: [{ name: '青川县汽车客运站' }, { name: '木鱼镇政府' }] } });
    await page.goto(`${system.url}/coordinator?token=${COORDINATOR}#/people/${id}`);
    await page.getByTestId('person-name').waitFor(WAIT);
    await page.getByTestId('edit-labourer').click();
    await expect.poll(() => page.locator('[data-testid=pickup-select] option').allTextContents(), WAIT).toEqual(['—', '青川县汽车客运站', '木鱼镇政府', '其他…']);
    await page.getByTestId('pickup-select').selectOption({ label: '木鱼镇政府' });
    await page.getByTestId('save-labourer').click();
    await expect.poll(async () => (await api('GET', `/labourers/${id}`, { token: COORDINATOR })).body.pickup, WAIT).toEqual({ name: '木鱼镇政府' });
    await page.getByTestId('edit-labourer').click();
    await page.getByTestId('pickup-select').selectOption({ label: '其他…' });
    expect(await page.getByTestId('pickup-other-hint').isVisible()).toBe(true);
    await page.getByTestId('pickup-other').fill('乔庄镇政府门口');
    await page.getByTestId('save-labourer').click();
    await expect.poll(async () => (await api('GET', `/labourers/${id}`, { token: COORDINATOR })).body.pickup, WAIT).toEqual({ name: '乔庄镇政府门口' });
    await api('PUT', `/counties/${COUNTY}/pickup-points`, { token: COORDINATOR, json: { points: [{ name: '青川县汽车客运站' }] } });
    await page.goto(`${system.url}/coordinator?token=${COORDINATOR}#/trips`);
    await page.getByTestId('plan-form').waitFor(WAIT);
  });

  it('keeps the county\'s pickup points in the order given', async () => {
    await page.locator('[data-testid=pickup-editor] summary').click();
    await expect.poll(() => page.locator('[data-testid=pickup-points] li').count(), WAIT).toBe(1);
    await page.getByTestId('pickup-add').click();
    await page.locator('[data-testid=pickup-points] li').last().locator('[data-point=name]').fill('乔庄镇客运站');
    await page.locator('[data-testid=pickup-points] li').last().getByRole('button', { name: '上移' }).click();
    await page.getByTestId('pickup-save').click();
    await expect
      .poll(async () => (await api('GET', `/counties/${COUNTY}/pickup-points`, { token: COORDINATOR })).body.points.map((p: { name: string }) => p.name), WAIT)
      .toEqual(['乔庄镇客运站', '青川县汽车客运站']);
  });
});
