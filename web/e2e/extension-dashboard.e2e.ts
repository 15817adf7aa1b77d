// A leader approves a deadline extension of an overdue task; on the dashboard the overdue figure
// drops by one and the within-deadline figure rises by one.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  Api,
  dashboardFigure,
  expectNoProblems,
  launchBrowser,
  openDashboard,
  prepareOverdueTaskWithPendingExtension,
  settle,
  withSession,
} from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('leader', () => {
  test('pgd.hung approves an extension and the dashboard counts the task as within deadline', async () => {
    const prep = await prepareOverdueTaskWithPendingExtension();
    const api = await Api.as('pgd.hung');

    await withSession(browser, 'extension-dashboard', { user: 'pgd.hung' }, async ({ page, problems }) => {
      // The dashboard's default period is this month's report, counted to today: it counts the
      // task (assigned this month, or last month on the 1st and still open), overdue today.
      await openDashboard(page);
      const overdueBefore = await dashboardFigure(page, 'overdue');
      const inProgressBefore = await dashboardFigure(page, 'in_progress');
      const totalBefore = await dashboardFigure(page, 'total');
      // The same figures as /stats for that report.
      const stats = await api.get(`/stats?report_period=${prep.today.slice(0, 7)}`);
      expect([overdueBefore, inProgressBefore, totalBefore]).toEqual([stats.overdue, stats.in_progress, stats.total]);
      expect(overdueBefore).toBeGreaterThanOrEqual(1);

      await page.goto(`/tasks/${prep.taskId}`);
      await settle(page);
      await page.getByText('Quá hạn', { exact: true }).first().waitFor();
      await page.getByText(/Có đề nghị gia hạn đến .* đang chờ lãnh đạo duyệt/).waitFor();
      await page.getByRole('button', { name: 'Đồng ý gia hạn' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel('Ý kiến của lãnh đạo').fill('Đồng ý gia hạn, yêu cầu hoàn thành đúng hạn mới.');
      await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đồng ý gia hạn' }).click();
      await dialog.waitFor({ state: 'detached' });
      await settle(page);
      await page.getByText('Đang thực hiện trong hạn', { exact: true }).first().waitFor();
      expect(await page.getByText(/đang chờ lãnh đạo duyệt/).count()).toBe(0);

      const task = await api.get(`/tasks/${prep.taskId}`);
      expect(task.status).toBe('in_progress');
      expect(task.deadline_in_force).toBe(prep.requested);
      expect(task.extended).toBe(true);

      // Back to the dashboard through the menu.
      await page.getByRole('menuitem', { name: 'Tổng quan' }).first().click();
      await page.locator('.dash-card-overdue a[data-figure="overdue"]').waitFor();
      await settle(page);
      expect(await dashboardFigure(page, 'overdue')).toBe(overdueBefore - 1);
      expect(await dashboardFigure(page, 'in_progress')).toBe(inProgressBefore + 1);
      expect(await dashboardFigure(page, 'total')).toBe(totalBefore);
      expectNoProblems(problems);
    });
  });
});
