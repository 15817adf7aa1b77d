// Vietnamese everywhere: Ant Design's vi_VN locale reaches its components (pager, date pickers),
// and dates shown as "as of today" are the agency's today (Asia/Ho_Chi_Minh), not UTC's.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { Api, expectNoProblems, launchBrowser, serverToday, settle, withSession } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

describe('Vietnamese', () => {
  test('antd components use the vi_VN locale', async () => {
    await withSession(browser, 'locale-antd', { user: 'giamdoc' }, async ({ page, problems }) => {
      await page.goto('/tasks');
      await settle(page);
      // Pager: "50 / trang", not "50 / page".
      const pager = page.locator('.ant-pagination-options').first();
      await pager.waitFor();
      expect(await pager.innerText()).toMatch(/trang/);
      // Date pickers ask for a day ("Chọn ngày"), neither "Select date" nor antd's "Chọn thời điểm".
      await page.goto('/tasks/new');
      await page.locator('form #title').waitFor();
      await settle(page);
      const placeholders = await page.$$eval('.ant-picker input', (els) => els.map((e) => (e as HTMLInputElement).placeholder));
      expect(placeholders.filter((p) => /select|date|thời điểm/i.test(p))).toEqual([]);
      expect(await page.locator('form #deadline_date').getAttribute('placeholder')).toBe('Chọn ngày');
      expectNoProblems(problems);
    });
  });

  test('the task page states the agency date it computes statuses for', async () => {
    const api = await Api.as('giamdoc');
    const today = await serverToday(api);
    const list = await api.get('/tasks?status=in_progress&page_size=1');
    await withSession(browser, 'locale-asof', { user: 'giamdoc' }, async ({ page, problems }) => {
      await page.goto(`/tasks/${list.items[0].id}`);
      await settle(page);
      const asOf = page.getByText(/Trạng thái tính đến ngày \d\d\/\d\d\/\d{4}/).first();
      await asOf.waitFor();
      expect(await asOf.innerText()).toContain(vnDate(today));
      expectNoProblems(problems);
    });
  });
});
