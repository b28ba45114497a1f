// The coordinator's workspace on a working day, in Chromium against the whole local system: find people
// by name and by ID number, open a person with their two-way conversation, correct a detail and see it in
// the audit trail, run matching and read who was left out and why, export to Excel, import a GBK poverty
// list, and the same on a phone screen.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSystem, type LocalSystem } from '../../bin/local/system.js';
import { apiClient, type ApiCall } from '../helpers/local-api.js';
import { idNumberChecksum } from '../../functions/domain/id-number.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';
import { launchChromium, screenshot } from './browser.js';

const COUNTY = '510822';
const COORDINATOR = `dev:coordinator:${COUNTY}`;
const WAIT = { timeout: 15_000 };

let system: LocalSystem;
let api: ApiCall;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** Three residents: a mason who fits the job, a mason who asks more than it pays (until corrected), a cook no job is for. */
const people = {
  mason: registrationBody({ name: '王立学', idNumber: validIdNumber(COUNTY), phone: mobilePhone(), skills: ['泥瓦工'], destinations: ['3305'], expectedWage: 4000 }),
  dearMason: registrationBody({ name: '李芳', idNumber: validIdNumber(COUNTY), phone: mobilePhone(), skills: ['泥瓦工'], destinations: ['3305'], expectedWage: 9000 }),
  cook: registrationBody({ name: '张伟', idNumber: validIdNumber(COUNTY), phone: mobilePhone(), skills: ['厨师'], destinations: ['3305'], expectedWage: 4000 }),
};

describe('the coordinator workspace', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    system = await startLocalSystem({ port: 0, schedules: false, printSms: false });
    api = apiClient(system.url);
    for (const person of Object.values(people)) {
      const res = await api('POST', '/labourers', { json: person, token: COORDINATOR });
      if (res.status !== 201) throw new Error(`could not register ${person.name}: ${JSON.stringify(res.body)}`);
    }
    await api('POST', '/vacancies', {
      token: 'dev:employer:huzhou-build',
      json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 5, monthlyWage: 6000, startDate: '2099-03-01' },
    });
    // 李芳 asks about her registration by SMS: a conversation in both directions.
    await api('POST', '/sim/sms', { json: { from: people.dearMason.phone, text: '什么时候有工作' } });
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const rows = () => page.locator('[data-testid=labourers] tbody tr');

  it('finds people by the start of a name and by ID number', async () => {
    await page.goto(`${system.url}/coordinator?token=${COORDINATOR}#/people`);
    await expect.poll(() => rows().count(), WAIT).toBe(3);

    await page.fill('[data-testid=labourer-search]', '李');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows().count(), WAIT).toBe(1);
    expect(await rows().first().textContent()).toContain('李芳');

    await page.fill('[data-testid=labourer-search]', people.cook.idNumber);
    await page.keyboard.press('Enter');
    await expect.poll(() => rows().first().textContent(), WAIT).toContain('张伟');
    expect(await rows().count()).toBe(1);
    await screenshot(page, 'w1-search');
  });

  it('opens a person with their conversation in both directions', async () => {
    await page.fill('[data-testid=labourer-search]', '李芳');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=person-link]', { hasText: '李芳' }).click();
    await page.getByTestId('person-name').waitFor(WAIT);
    expect(page.url()).toMatch(/#\/people\/[0-9A-Z]{26}$/);
    const history = page.getByTestId('history');
    await history.locator('.history-sms.is-in', { hasText: '什么时候有工作' }).waitFor(WAIT);
    expect(await history.locator('.history-sms.is-out').count()).toBeGreaterThanOrEqual(2); // the welcome SMS and the answer
    expect(await page.getByTestId('registration-code').textContent()).toMatch(/^[A-Z][2-9A-Z]{7}$/);
    await screenshot(page, 'w2-person');
  });

  it('corrects a detail, and the audit trail shows who changed what', async () => {
    await page.getByTestId('edit-labourer').click();
    await page.fill('#e-wage', '5500');
    await page.getByTestId('save-labourer').click();
    const audit = page.getByTestId('audit');
    await audit.locator('tr', { hasText: '修改资料' }).waitFor(WAIT);
    const entry = await audit.locator('tr', { hasText: '修改资料' }).textContent();
    expect(entry).toContain('coordinator:510822');
    expect(entry).toContain('9000 → 5500');
    expect(await page.locator('.facts').textContent()).toContain('5,500');
    await screenshot(page, 'w3-audit');
  });

  it('runs matching and lists who was left out, with the reason and what to do', async () => {
    await page.click('#tab-dashboard');
    await page.getByTestId('run-matching').click();
    await page.getByTestId('see-unmatched').click();
    const summary = page.getByTestId('unmatched-summary');
    await summary.locator('[data-reason=no_trade_in_destinations]').waitFor(WAIT);
    expect(await summary.textContent()).toContain('意向地没有对口工种的岗位');
    await expect.poll(() => page.getByTestId('unmatched-list').textContent(), WAIT).toContain('张伟');
    await screenshot(page, 'w4-unmatched');
  });

  it('exports the county’s labourers to an .xlsx with Chinese headers that opens and reads back', async () => {
    await page.click('#tab-people');
    await rows().first().waitFor(WAIT);
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId('export-labourers').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    // exceljs types want the older Buffer; the bytes are the same.
    await workbook.xlsx.load((await readFile((await download.path())!)) as never);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const names = sheet.getColumn(header.indexOf('姓名')).values.map(String);
    expect(header).toEqual(expect.arrayContaining(['姓名', '手机号']));
    expect(names).toEqual(expect.arrayContaining(['王立学', '李芳', '张伟']));
  });

  it('shows the jobs the county’s people can reach in other counties', async () => {
    await page.click('#tab-vacancies');
    await page.getByTestId('vacancies').locator('.empty').waitFor(WAIT); // nothing in the county itself
    await page.selectOption('[data-testid=vacancy-reach]', 'labourers');
    await expect.poll(() => page.getByTestId('vacancies').textContent(), WAIT).toContain('湖州工地瓦工');
  });

  it('imports a poverty list saved by Excel on Chinese Windows (GBK CSV)', async () => {
    await page.click('#tab-dashboard');
    const csv = iconv.encode(`姓名,身份证号\r\n张伟,${people.cook.idNumber}\r\n`, 'gbk');
    await page.setInputFiles('#poverty-file', { name: '建档立卡名单.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByTestId('import-poverty').click();
    await expect.poll(() => page.getByTestId('import-result').textContent(), WAIT).toContain('已标记 1 人');
    const cook = await api('GET', `/labourers?phone=${people.cook.phone}`, { token: COORDINATOR });
    expect(cook.body[0].poverty).toBe(true);
  });

  it('follows a large poverty list in the background with a progress bar, then shows its result', async () => {
    await page.click('#tab-dashboard');
    // 6,000 distinct residents born in the 1960s (the shared helper's are 1970–1999): over the 5,000-row threshold.
    const ids = Array.from({ length: 6000 }, (_, i) => {
      const first17 = `${COUNTY}1961${String((Math.floor(i / 1000) % 12) + 1).padStart(2, '0')}02${String(i % 1000).padStart(3, '0')}`;
      return first17 + idNumberChecksum(first17);
    });
    await page.setInputFiles('#poverty-file', { name: '建档立卡名单.csv', mimeType: 'text/csv', buffer: Buffer.from(['身份证号', ...ids].join('\n')) });
    await page.getByTestId('import-poverty').click();
    await page.getByTestId('job-progress').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('import-result').textContent(), { timeout: 60_000 }).toContain('6000 人尚未报名');
  }, 90_000);

  it('works on a phone screen', async () => {
    const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      const mobile = await phone.newPage();
      await mobile.goto(`${system.url}/coordinator?token=${COORDINATOR}#/people`);
      await mobile.locator('[data-testid=person-link]').first().waitFor(WAIT);
      expect(await mobile.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await mobile.locator('[data-testid=person-link]').first().click();
      await mobile.getByTestId('history').waitFor(WAIT);
      expect(await mobile.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await screenshot(mobile, 'w5-mobile-person');
    } finally {
      await phone.close();
    }
  });
});
