// Printing (A4, as the "In" button does): the dashboard printed without scrolling down has its
// trend chart drawn and no line cut at the left edge; a task page's first sheet holds more than
// its title.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Api, expectNoProblems, launchBrowser, openDashboard, settle, withSession } from './support';
import { taskLoaded } from './pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Prints the page to a PDF under the artifacts and returns the text of its first sheet. */
async function printedFirstPage(page: Page, name: string): Promise<string> {
  const dir = path.join(inject('artifactsDir'), 'print');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4' });
  return execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' });
}

/** Pixels of the trend chart's canvas that are neither blank nor grey (the bars and the line). */
function colouredChartPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.dash-trend-chart canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60) n += 1;
    }
    return n;
  });
}

/** Boxes of the dashboard that start left of the page's content (cut off on paper). */
function boxesLeftOfPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('.dash-page');
    if (!root) return ['no .dash-page'];
    const left = root.getBoundingClientRect().left;
    return [...root.querySelectorAll<HTMLElement>('.ant-col, .dash-card, .dash-warning-item, .ant-card-head-title')]
      .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().left < left - 0.5)
      .map((el) => `${el.className}: ${el.innerText.slice(0, 40)} at ${el.getBoundingClientRect().left - left}`);
  });
}

/**
 * The dashboard with its months loaded (their table is rendered, folded) and nothing loading any
 * more, as print media: what a user who prints at once gets. No scrolling: the chart is far below
 * the screen.
 */
async function openPrintedDashboard(page: Page): Promise<void> {
  await openDashboard(page);
  await page.locator('.dash-trend-table tbody tr').first().waitFor({ state: 'attached' });
  await settle(page);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.emulateMedia({ media: 'print' });
}

describe('print', () => {
  test('the dashboard printed without scrolling down has its trend chart drawn', async () => {
    await withSession(browser, 'print-dashboard-chart', { user: 'giamdoc' }, async ({ page, problems }) => {
      await openPrintedDashboard(page);
      // The chart's code arrives with the months' figures and the chart is made without scrolling;
      // on a busy machine that may take a moment after the network is idle, so wait for it.
      const canvas = page.locator('.dash-trend-chart canvas');
      await canvas.first().waitFor({ state: 'attached' });
      expect(await canvas.count(), 'the chart, made without scrolling').toBe(1);
      // The chart follows its print size (180 mm wide) and draws its bars into it (animated).
      const poll = { timeout: 20_000, interval: 100 };
      await expect.poll(() => canvas.first().evaluate((c) => c.clientWidth), poll).toBeGreaterThan(600);
      await expect.poll(() => colouredChartPixels(page), { ...poll, message: 'coloured pixels of the chart' }).toBeGreaterThan(200);
      await printedFirstPage(page, 'dashboard');
      expectNoProblems(problems);
    });
  });

  test('the printed dashboard cuts no line at the left edge', async () => {
    await withSession(browser, 'print-dashboard-left', { user: 'giamdoc' }, async ({ page, problems }) => {
      await openPrintedDashboard(page);
      expect(await boxesLeftOfPage(page)).toEqual([]);
      expectNoProblems(problems);
    });
  });

  test("a task page's first printed sheet holds its details, not only its title", async () => {
    const api = await Api.as('giamdoc');
    // The overdue task with the oldest deadline: notices, details and many updates, taller than a sheet.
    const list = await api.get<{ items: { id: number }[] }>('/tasks?status=overdue&sort=deadline&page_size=1');
    expect(list.items.length).toBe(1);
    await withSession(browser, 'print-task', { user: 'giamdoc' }, async ({ page, problems }) => {
      await page.goto(`/tasks/${list.items[0].id}`);
      await taskLoaded(page);
      await settle(page);
      const first = await printedFirstPage(page, 'task');
      expect(first).toContain('Thông tin chung');
      expectNoProblems(problems);
    });
  });
});
