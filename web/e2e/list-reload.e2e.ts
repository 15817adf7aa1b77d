// The task list keeps its state in the URL: filters, sort and page survive a reload, and the
// same URL opened in another browser shows the same rows.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Api, expectNoProblems, launchBrowser, listTotal, settle, withSession } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function rowIds(page: Page): Promise<string[]> {
  const rows = page.locator('.task-table tbody tr.ant-table-row');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key') ?? ''));
}

async function shownState(page: Page) {
  const status = await page
    .locator('.filter-bar .ant-select-selection-item')
    .allInnerTexts();
  const sort = await page.locator('.page-header .ant-select-selection-item').first().innerText();
  const activePage = await page.locator('.ant-pagination-item-active').first().innerText();
  return { status, sort, activePage, total: await listTotal(page), rows: await rowIds(page) };
}

describe('task list', () => {
  test('filters, sort and page survive a reload and reproduce from the URL', async () => {
    const api = await Api.as('giamdoc');
    await withSession(browser, 'list-reload', { user: 'giamdoc' }, async ({ page, problems }) => {
      await page.goto('/tasks');
      await settle(page);
      const all = await listTotal(page);

      // Status: two classes, through the select.
      await page.locator('.filter-bar .ant-select:has(input[aria-label="Trạng thái"])').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('Hoàn thành đúng hạn').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('Đang thực hiện trong hạn').click();
      await page.keyboard.press('Escape');
      await page.waitForURL(/status=/);
      await settle(page);

      // Search without diacritics.
      await page.getByLabel('Tìm theo tên, nội dung, số văn bản (không cần gõ dấu)').fill('duong');
      await page.waitForURL(/q=duong/);
      await settle(page);

      // Sort by title, then 20 a page, then page 2.
      await page.locator('.ant-select:has(input[aria-label="Sắp xếp"])').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('Tên A–Z').click();
      await page.waitForURL(/sort=title/);
      await settle(page);
      // The search's request may start after the network looked idle on a busy machine: wait for
      // the narrowed total itself rather than for quiet.
      await expect.poll(() => listTotal(page), { timeout: 15_000 }).toBeLessThan(all);
      const filtered = await listTotal(page);

      await page.locator('.ant-pagination-options .ant-select').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '20' }).first().click();
      await page.waitForURL(/page_size=20/);
      await settle(page);
      expect(filtered, 'enough rows for a second page').toBeGreaterThan(20);
      await page.locator('.ant-pagination-item-2').click();
      await page.waitForURL(/page=2/);
      await settle(page);
      // The page shown follows the answer, which may arrive after the network first looked idle.
      const activePage = () => page.locator('.ant-pagination-item-active').first().innerText();
      await expect.poll(activePage, { timeout: 15_000 }).toBe('2');

      const url = page.url();
      const params = new URL(url).searchParams;
      expect(params.get('status')?.split(',').sort()).toEqual(['completed_on_time', 'in_progress']);
      expect(params.get('q')).toBe('duong');
      expect(params.get('sort')).toBe('title');
      expect(params.get('page')).toBe('2');
      expect(params.get('page_size')).toBe('20');

      const before = await shownState(page);
      expect(before.activePage).toBe('2');
      expect(before.sort).toBe('Tên A–Z');
      expect(before.status).toEqual(expect.arrayContaining(['Hoàn thành đúng hạn', 'Đang thực hiện trong hạn']));
      expect(await page.getByLabel('Tìm theo tên, nội dung, số văn bản (không cần gõ dấu)').inputValue()).toBe('duong');
      // The rows are the API's rows for the same query.
      const fromApi = await api.get(`/tasks${new URL(url).search}`);
      expect(before.rows).toEqual(fromApi.items.map((t: { id: number }) => String(t.id)));
      expect(before.total).toBe(fromApi.total);

      await page.reload();
      await settle(page);
      await expect.poll(activePage, { timeout: 15_000 }).toBe('2');
      expect(page.url()).toBe(url);
      expect(await shownState(page)).toEqual(before);
      expect(await page.getByLabel('Tìm theo tên, nội dung, số văn bản (không cần gõ dấu)').inputValue()).toBe('duong');

      // Back goes to page 1 of the same filter.
      await page.goBack();
      await settle(page);
      expect(new URL(page.url()).searchParams.get('page')).toBeNull();
      expectNoProblems(problems);

      // The link, opened by someone else, shows the same view.
      await withSession(browser, 'list-reload-link', { user: 'pgd.ha' }, async (other) => {
        await other.page.goto(url);
        await settle(other.page);
        expect(await shownState(other.page)).toEqual(before);
        expectNoProblems(other.problems);
      });
    });
  });
});
