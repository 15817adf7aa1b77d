// The dashboard on a phone (390 px): every card's title is whole, and a table wider than the
// screen says that more columns are to the side; on a desktop the tables fit and say nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, expectNoProblems, launchBrowser, openDashboard, PHONE, settle, withSession } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The dashboard with all its sections rendered (the trend's chart comes near the screen last). */
async function openWhole(page: Page): Promise<void> {
  await openDashboard(page);
  await page.locator('.dash-group-table').last().waitFor();
  await page.locator('.dash-trend').scrollIntoViewIfNeeded();
  await page.locator('.dash-trend canvas').first().waitFor();
  await settle(page);
}

/** Card titles cut off (wider than their box), and scrolling tables without a hint above them. */
function layoutFaults(page: Page) {
  return page.evaluate(() => {
    const cut = [...document.querySelectorAll<HTMLElement>('.dash-page .ant-card-head-title')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.innerText);
    const tables = [...document.querySelectorAll<HTMLElement>('.dash-page .gb-table-wrap')].filter((el) => el.offsetParent);
    const wide = tables.filter((el) => el.scrollWidth > el.clientWidth + 1);
    const hinted = (el: HTMLElement) => {
      const hint = el.previousElementSibling as HTMLElement | null;
      return !!hint && hint.classList.contains('gb-scroll-hint') && hint.offsetParent !== null && hint.innerText.trim() !== '';
    };
    return {
      cut,
      wide: wide.length,
      unhinted: wide.filter((el) => !hinted(el)).map((el) => el.getAttribute('aria-label')),
      hints: document.querySelectorAll('.dash-page .gb-scroll-hint').length,
    };
  });
}

describe('dashboard layout', () => {
  test('on a phone, titles are whole and wide tables say they scroll sideways', async () => {
    await withSession(browser, 'dashboard-phone', { user: 'giamdoc', viewport: PHONE }, async ({ page, problems }) => {
      await openWhole(page);
      const faults = await layoutFaults(page);
      expect(faults.cut, 'card titles cut off').toEqual([]);
      expect(faults.wide, 'tables wider than a phone').toBeGreaterThan(0);
      expect(faults.unhinted, 'wide tables without a hint').toEqual([]);
      await expect
        .poll(() => page.locator('.dash-page h3, .dash-page .ant-card-head-title', { hasText: 'Theo đơn vị chủ trì' }).first().isVisible())
        .toBe(true);
      expectNoProblems(problems);
    });
  });

  test('on a desktop the tables fit and no hint is shown', async () => {
    await withSession(browser, 'dashboard-desktop', { user: 'giamdoc', viewport: DESKTOP }, async ({ page, problems }) => {
      await openWhole(page);
      const faults = await layoutFaults(page);
      expect(faults.cut, 'card titles cut off').toEqual([]);
      expect(faults.wide).toBe(0);
      expect(faults.hints).toBe(0);
      expectNoProblems(problems);
    });
  });
});
