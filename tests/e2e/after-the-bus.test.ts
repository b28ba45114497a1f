// After the bus (issue #18), in Chromium against the whole local system: three masons accept a job in 湖州,
// their bus is planned and booked; the escort opens the link the coordinator made, on a phone, calls the roll
// (one here, one no-show, one texts 上车 <code>), departs and arrives; the employer confirms one at work; a
// month later that worker answers the check-in 2 (left) and is back in the pool, offered again.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSystem, type LocalSystem } from '../../bin/local/system.js';
import { chinaToday } from '../../functions/domain/calendar.js';
import { apiClient, type ApiCall } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';
import { launchChromium, screenshot } from './browser.js';

const COUNTY = '510822';
const COORDINATOR = `dev:coordinator:${COUNTY}`;
const EMPLOYER = 'dev:employer:huzhou-build';
const WAIT = { timeout: 15_000 };
const DAY = 86_400_000;
// The daily follow-up (with its 上岗 question and check-ins) runs for the counties named here, as deployed.
process.env.COUNTIES = COUNTY;

let system: LocalSystem;
let api: ApiCall;
let browser: Browser;
const pageErrors: string[] = [];

const masons = ['王立学', '李芳', '张伟'].map((name) =>
  registrationBody({ name, idNumber: validIdNumber(COUNTY), phone: mobilePhone(), skills: ['泥瓦工'], destinations: ['3305'], expectedWage: 4000 }),
);
const [here, noShow, texter] = masons as [(typeof masons)[number], (typeof masons)[number], (typeof masons)[number]];
let tripId = '';
let vacancyId = '';
let departureMorning = new Date();

function isoDaysFromNow(days: number): string {
  return chinaToday(new Date(Date.now() + days * DAY));
}

async function smsTo(phone: string): Promise<string[]> {
  const res = await api('GET', `/messages?phone=${encodeURIComponent(phone)}`, { token: COORDINATOR });
  return (res.body as { body: string }[]).map((m) => m.body);
}

async function watched(page: Page): Promise<Page> {
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

describe('after the bus: boarding, arrival, 上岗 and the check-in', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    system = await startLocalSystem({ port: 0, schedules: false, printSms: false });
    api = apiClient(system.url);
    for (const person of masons) {
      const res = await api('POST', '/labourers', { json: person, token: COORDINATOR });
      if (res.status !== 201) throw new Error(`could not register ${person.name}: ${JSON.stringify(res.body)}`);
    }
    const vacancy = await api('POST', '/vacancies', {
      token: EMPLOYER,
      json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 5, monthlyWage: 6000, startDate: isoDaysFromNow(14) },
    });
    vacancyId = (vacancy.body as { id: string }).id;
    const run = await api('POST', '/matching/runs', { token: COORDINATOR, json: { county: COUNTY } });
    expect((run.body as { offers: number }).offers).toBe(3);
    for (const person of masons) await api('POST', '/sim/sms', { json: { from: person.phone, text: '1' } });
    const plan = await api('POST', '/trips/plan', { token: COORDINATOR, json: { county: COUNTY } });
    const trips = (plan.body as { trips: { id: string; date: string; passengers: string[] }[] }).trips;
    expect(trips).toHaveLength(1);
    tripId = trips[0]!.id;
    const booked = await api('POST', `/trips/${tripId}/book`, { token: COORDINATOR });
    expect(booked.status).toBe(200);
    // The morning of departure: boarding codes are taken on the bus's day only.
    departureMorning = new Date(`${trips[0]!.date}T06:30:00+08:00`);
    await api('POST', '/sim/clock', { json: { now: departureMorning.toISOString() } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('the coordinator makes a one-day escort link, and the escort calls the roll on a phone', async () => {
    const coordinator = await watched(await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } })).newPage());
    await coordinator.goto(`${system.url}/coordinator?token=${COORDINATOR}#/trips`);
    const card = coordinator.locator(`[data-trip="${tripId}"]`);
    await card.getByTestId('escort-name').fill('赵队长', WAIT);
    await card.getByTestId('escort-phone').fill('13800138000');
    await card.getByTestId('make-escort-link').click();
    const link = await coordinator.getByTestId('escort-link').inputValue(WAIT);
    expect(link).toMatch(new RegExp(`/escort\\?token=esc_[\\w-]+#${tripId}$`));
    await screenshot(coordinator, 'b1-escort-link');

    const phone = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const escort = await watched(await phone.newPage());
    await escort.goto(link);
    const row = (name: string) => escort.locator('.passenger', { hasText: name });
    await row(here.name).waitFor(WAIT);
    // The escort has no use for the other pages.
    expect(await escort.locator('.topbar nav a').count()).toBe(0);
    // The printed sheet heads each stop with its own pickup time, the escort and the counts.
    expect(await escort.locator('.roll-call-sheet .sheet-meta').first().textContent()).toMatch(/带队 赵队长 13800138000 · 应到 \d+ 人 · 实到 0 人/);
    await row(here.name).getByTestId('board-present').click(WAIT);
    await expect.poll(() => row(here.name).getAttribute('class'), WAIT).toContain('boarding-present');
    await row(noShow.name).getByTestId('board-absent').click();
    await expect.poll(() => row(noShow.name).getAttribute('class'), WAIT).toContain('boarding-absent');
    // Departure waits for the third passenger, who checks in by SMS with the code from the bus notice.
    expect(await escort.getByTestId('depart').isDisabled()).toBe(true);
    const notice = (await smsTo(texter.phone)).find((body) => body.includes('上车码'));
    const code = /上车码(\d{4})/.exec(notice ?? '')?.[1];
    expect(code, notice).toBeDefined();
    const reply = await api('POST', '/sim/sms', { json: { from: texter.phone, text: `上车 ${code}` } });
    expect(JSON.stringify(reply.body)).toContain('已签到上车');
    await escort.reload();
    await expect.poll(() => escort.getByTestId('boarding-counts').textContent(), WAIT).toContain('已上车 2 · 未到 1 · 未点名 0');
    await screenshot(escort, 'b2-roll-call-phone');

    await escort.getByTestId('depart').click();
    await escort.getByTestId('arrive').waitFor(WAIT);
    expect(await escort.getByTestId('boarding-counts').textContent()).toContain('已发车');
    // Aboard, told who escorts them and how to reach them.
    expect((await smsTo(here.phone)).some((b) => b.includes('已发车') && b.includes('13800138000'))).toBe(true);
    expect((await smsTo(noShow.phone)).some((b) => b.includes('没有赶上'))).toBe(true);
    await escort.getByTestId('arrive').click();
    await expect.poll(() => escort.getByTestId('boarding-counts').textContent(), WAIT).toContain('已到达');
    // Arrived: a read-only list with each one's outcome, nothing left to tap.
    expect(await escort.getByTestId('depart').count()).toBe(0);
    expect(await escort.getByTestId('board-present').count()).toBe(0);
    expect(await row(noShow.name).textContent()).toContain('未到');
    await screenshot(escort, 'b2b-escort-arrived');
    await phone.close();
  });

  it('the employer sees who is coming and confirms one at work', async () => {
    const employer = await watched(await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } })).newPage());
    await employer.goto(`${system.url}/employer?token=${EMPLOYER}`);
    await employer.locator(`[data-vacancy="${vacancyId}"] summary`).click(WAIT);
    const workers = employer.locator(`[data-vacancy="${vacancyId}"] [data-testid=vacancy-workers]`);
    const row = (name: string) => workers.locator('tr', { hasText: name });
    await expect.poll(() => row(here.name).textContent(), WAIT).toContain('已到达');
    expect(await row(here.name).textContent()).not.toContain(here.idNumber);
    // The bus and the actual arrival; buttons only for those the API would accept (not the no-show's 上岗).
    expect(await row(here.name).textContent()).toMatch(/发车.*到达/);
    expect(await row(noShow.name).getByTestId('confirm-placed').count()).toBe(0);
    // Readable at 1366 px: a name on one line, the buttons on one line each.
    const nameBox = await row(here.name).locator('.worker-who strong').boundingBox();
    const buttonBox = await row(here.name).getByTestId('confirm-not-arrived').boundingBox();
    expect(nameBox!.height).toBeLessThan(30);
    expect(buttonBox!.height).toBeLessThan(45);
    // …and the whole table inside the card, nothing to scroll sideways.
    const wrap = workers.locator('.table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await row(here.name).getByTestId('confirm-placed').click();
    await expect.poll(() => row(here.name).textContent(), WAIT).toContain('已上岗');
    await screenshot(employer, 'b3-employer-workers');
    const person = await api('GET', `/labourers?phone=${encodeURIComponent(here.phone)}`, { token: COORDINATOR });
    expect((person.body as { status: string }[])[0]?.status).toBe('placed');
  });

  it('a month on, the worker answers the check-in 2 and is back in the pool, offered again', async () => {
    // Mid-morning a month on (quiet hours hold non-urgent SMS until 08:00).
    await api('POST', '/sim/clock', { json: { now: new Date(departureMorning.getTime() + 31 * DAY + 4 * 3_600_000).toISOString() } });
    expect((await smsTo(here.phone)).some((b) => b.includes('还在') && b.includes('回1在岗'))).toBe(true);
    const reply = await api('POST', '/sim/sms', { json: { from: here.phone, text: '2' } });
    expect(JSON.stringify(reply.body)).toContain('重新进入待安排名单');
    const person = await api('GET', `/labourers?phone=${encodeURIComponent(here.phone)}`, { token: COORDINATOR });
    const labourer = (person.body as { id: string; status: string }[])[0]!;
    expect(labourer.status).toBe('registered');

    // The coordinator's 上岗与稳岗 view counts the leaver; the ledger lists the worker, the 公示 sheet masks the ID.
    const coordinator = await watched(await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage());
    await coordinator.goto(`${system.url}/coordinator?token=${COORDINATOR}#/placements`);
    await expect.poll(() => coordinator.getByTestId('kpi-leavers').textContent(), WAIT).toBe('1');
    expect(await coordinator.locator('[data-reason=left]').textContent()).toContain('1');
    await coordinator.fill('#pl-from', chinaToday(departureMorning));
    await coordinator.fill('#pl-to', chinaToday(new Date(departureMorning.getTime() + 40 * DAY)));
    for (const kind of ['ledger', 'publicity']) {
      const [file] = await Promise.all([coordinator.waitForEvent('download', WAIT), coordinator.getByTestId(`download-${kind}`).click()]);
      expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile((await file.path())!)) as never);
      const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String)).join(' ');
      expect(cells, kind).toContain(here.name);
      expect(cells, kind).not.toContain(here.idNumber);
    }
    await screenshot(coordinator, 'b4-placements');
    // Another job for masons: the next run offers it to them.
    await api('POST', '/vacancies', {
      token: 'dev:employer:huzhou-build-2',
      json: { title: '湖州装修瓦工', skills: ['泥瓦工'], county: '330502', openings: 2, monthlyWage: 6500, startDate: isoDaysFromNow(90) },
    });
    await api('POST', '/matching/runs', { token: COORDINATOR, json: { county: COUNTY } });
    const offers = await api('GET', `/offers?county=${COUNTY}&status=offered`, { token: COORDINATOR });
    expect((offers.body as { labourerId: string }[]).map((o) => o.labourerId)).toContain(labourer.id);
  });
});
