// 群发 and 号码无法送达 in Chromium against the whole local system: the live SMS count as the text is typed,
// the preview (recipients, opted out, unreachable, cost) before sending, the sent broadcast in the list and
// in a recipient's SMS log; a number that failed twice shows 号码无法送达 on the people list.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSystem, type LocalSystem } from '../../bin/local/system.js';
import { apiClient, type ApiCall } from '../helpers/local-api.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';
import { launchChromium, screenshot } from './browser.js';

const COUNTY = '510824';
const COORDINATOR = `dev:coordinator:${COUNTY}`;
const WAIT = { timeout: 15_000 };

let system: LocalSystem;
let api: ApiCall;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const people = {
  reader: registrationBody({ name: '王立学', idNumber: validIdNumber(COUNTY), phone: mobilePhone(), destinations: ['3305'] }),
  optedOut: registrationBody({ name: '李芳', idNumber: validIdNumber(COUNTY), phone: mobilePhone(), destinations: ['3305'] }),
  dead: registrationBody({ name: '张伟', idNumber: validIdNumber(COUNTY), phone: mobilePhone(), destinations: ['3305'] }),
};

describe('broadcasts page', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    system = await startLocalSystem({ port: 0, schedules: false, printSms: false, smsReceipts: true });
    api = apiClient(system.url);
    for (const person of Object.values(people)) {
      const res = await api('POST', '/labourers', { json: person, token: COORDINATOR });
      if (res.status !== 201) throw new Error(`could not register ${person.name}`);
    }
    await api('POST', '/sim/sms', { json: { from: people.optedOut.phone, text: 'TD' } });
    await api('POST', '/sim/sms-fail', { json: { phone: people.dead.phone, fail: true } });
    await api('POST', '/sim/sms', { json: { from: people.dead.phone, text: 'CX' } });
    await api('POST', '/sim/sms', { json: { from: people.dead.phone, text: 'CX' } });
    await system.flushOutbox();
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('shows 号码无法送达 for a number that failed twice', async () => {
    await page.goto(`${system.url}/coordinator?token=${COORDINATOR}#/people`);
    await expect.poll(() => page.locator('[data-testid=labourers] tbody tr').count(), WAIT).toBe(3);
    const dead = page.locator('[data-testid=labourers] tbody tr', { hasText: '张伟' });
    expect(await dead.locator('[data-testid=unreachable]').textContent()).toBe('号码无法送达');
    expect(await page.locator('[data-testid=unreachable]').count()).toBe(1);
  });

  it('counts parts as the text is typed, previews, and sends to who can be reached', async () => {
    await page.goto(`${system.url}/coordinator?token=${COORDINATOR}#/broadcasts`);
    // the destination from the place picker, vacancies, buses and pickup points from selects (no raw codes)
    expect(await page.locator('#bc-vacancy').evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await page.locator('#bc-trip').evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await page.locator('#bc-pickup').evaluate((el) => el.tagName)).toBe('SELECT');
    await page.fill('#bc-destination', '浙江');
    await page.click('[role=option][data-code="33"]');
    await page.fill('[data-testid=bc-text]', '湖州专场招聘会2月20日在县人社局举行');
    await expect.poll(() => page.locator('[data-testid=bc-count]').textContent(), WAIT).toContain('按 1 条计费');
    await page.fill('[data-testid=bc-text]', '长'.repeat(80));
    await expect.poll(() => page.locator('[data-testid=bc-count]').textContent(), WAIT).toContain('按 2 条计费');
    await page.fill('[data-testid=bc-text]', '湖州专场招聘会2月20日在县人社局举行');
    expect(await page.locator('[data-testid=bc-send]').isDisabled()).toBe(true);

    await page.click('[data-testid=bc-preview]');
    await expect.poll(() => page.locator('[data-testid=bc-preview-text]').textContent(), WAIT).toContain('将发给 1 人');
    const line = await page.locator('[data-testid=bc-preview-text]').textContent();
    expect(line).toContain('跳过已退订 1 人、号码无法送达 1 人');
    expect(line).toContain('¥0.05');
    expect(await page.locator('[data-testid=bc-budget]').textContent()).toContain('本县每天短信上限 5000 条');
    expect(await page.locator('[data-testid=bc-over-budget]').count()).toBe(0);
    await screenshot(page, 'b1-preview');

    await page.click('[data-testid=bc-send]');
    await expect.poll(() => page.locator('[data-testid=broadcasts] tbody tr').count(), WAIT).toBe(1);
    expect(await page.locator('[data-testid=broadcasts] tbody tr').first().textContent()).toContain('湖州专场招聘会');
    await system.flushOutbox();
    const log = (await api('GET', `/messages?phone=${people.reader.phone}`, { token: COORDINATOR })).body as { template: string; body: string }[];
    expect(log.filter((m) => m.template === 'broadcast').map((m) => m.body)).toEqual(['【春风行动】湖州专场招聘会2月20日在县人社局举行']);
    expect(pageErrors).toEqual([]);
  });

  it('refuses a 定时发送 time already past under its field', async () => {
    await page.goto(`${system.url}/coordinator?token=${COORDINATOR}#/broadcasts`);
    await page.fill('[data-testid=bc-text]', '招聘会通知');
    await page.fill('[data-testid=bc-send-at]', '2020-01-01T09:00');
    await page.click('[data-testid=bc-preview]');
    await expect.poll(() => page.locator('[data-testid="error-sendAt"]').textContent(), WAIT).toContain('已经过了');
    expect(await page.locator('[data-testid=bc-preview-text]').count()).toBe(0);
  });

  it('短信记录 names templates in Chinese, newest first', async () => {
    await page.goto(`${system.url}/coordinator?token=${COORDINATOR}#/messages/${encodeURIComponent(people.reader.phone)}`);
    await expect.poll(() => page.locator('[data-testid=messages] tbody tr').count(), WAIT).toBe(2);
    const rows = await page.locator('[data-testid=messages] tbody tr td:nth-child(2)').allTextContents();
    expect(rows).toEqual(['群发通知', '报名成功']);
    expect(pageErrors).toEqual([]);
  });
});
