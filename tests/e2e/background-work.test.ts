// Long work on the coordinator's pages, in Chromium against the whole local system: a county with more
// open labourers than a request matches shows its matching as a progress bar and then the result line;
// 全部预订 books every proposed bus of the county in the background, with its progress and result.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AWS_ENV } from '../../bin/local/dynamodb-local.js';
import { startLocalSystem, type LocalSystem } from '../../bin/local/system.js';
import { SYNC_OPEN_LABOURERS } from '../../functions/services/matching-run-job.js';
import { createDb } from '../../functions/store/db.js';
import { apiClient, type ApiCall } from '../helpers/local-api.js';
import { registrationBody } from '../helpers/people.js';
import { seedLabourers, seedVacancies } from '../helpers/seed-county.js';
import { launchChromium, screenshot } from './browser.js';

const BIG = '510811';
const COUNTY = '510822';
const WAIT = { timeout: 15_000 };

let system: LocalSystem;
let api: ApiCall;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const textOf = (selector: string) => () => page.locator(selector).textContent();

describe('background work on the coordinator pages', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    system = await startLocalSystem({ port: 0, schedules: false, printSms: false });
    api = apiClient(system.url);
    const client = new DynamoDBClient({ endpoint: system.dynamodbEndpoint, region: LOCAL_AWS_ENV.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const db = createDb(client, system.tableName);
    // A big county: one more open labourer than a request may match, 30 places at home.
    await seedLabourers(
      { db },
      Array.from({ length: SYNC_OPEN_LABOURERS + 1 }, () => ({ homeCounty: BIG, skills: ['普工'], destinations: [], canTravel: false, expectedWage: 3000, poverty: false })),
    );
    await seedVacancies({ db }, [{ kind: 'job', county: BIG, skills: ['普工'], monthlyWage: 3500, startDate: '2099-03-01', openings: 30, remaining: 30 }]);
    client.destroy();
    // Four welders of another county who accepted jobs in Huzhou, on four one-seat buses.
    const token = `dev:coordinator:${COUNTY}`;
    const welders = Array.from({ length: 4 }, () => registrationBody({ skills: ['焊工'], destinations: ['3305'], expectedWage: 6000 }));
    for (const body of welders) await api('POST', '/labourers', { json: body, token });
    await api('POST', '/vacancies', {
      token: 'dev:employer:huzhou-weld',
      json: { title: '湖州焊工', skills: ['焊工'], county: '330502', openings: 4, monthlyWage: 9000, startDate: '2099-03-01' },
    });
    await api('POST', '/matching/runs', { token, json: { county: COUNTY } });
    for (const body of welders) await api('POST', '/sim/sms', { json: { from: body.phone, text: '1' } });
    const plan = await api('POST', '/trips/plan', { token, json: { county: COUNTY, capacity: 1 } });
    if (plan.body?.trips?.length !== 4) throw new Error(`expected 4 proposed trips: ${JSON.stringify(plan.body)}`);
    page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('follows a big county’s matching with a progress bar, then shows its result', async () => {
    await page.goto(`${system.url}/coordinator?token=dev:coordinator:${BIG}`);
    await page.getByTestId('run-matching').click();
    await page.getByTestId('job-progress').waitFor(WAIT);
    await expect.poll(textOf('[data-testid=match-result]'), { timeout: 90_000 }).toContain('发出 30 份录用通知');
    expect(await page.getByTestId('see-unmatched').textContent()).toContain(String(SYNC_OPEN_LABOURERS + 1 - 30));
    await screenshot(page, 'b1-matching-in-background');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('books every proposed bus with 全部预订, in the background', async () => {
    await page.goto(`${system.url}/coordinator?token=dev:coordinator:${COUNTY}#/trips`);
    await page.locator('article.trip').first().waitFor(WAIT);
    await page.getByTestId('book-all-trips').click();
    await expect.poll(textOf('[data-testid=book-all-result]'), { timeout: 60_000 }).toContain('已预订 4 趟车，共 4 个座位');
    await expect.poll(() => page.locator('article.trip .badge', { hasText: '已订座' }).count(), WAIT).toBe(4);
    await screenshot(page, 'b2-book-all');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
