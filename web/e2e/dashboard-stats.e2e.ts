// The dashboard's figures equal /api/v1/stats for the same filter, and each figure opens the task
// list behind it with exactly that many tasks.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  Api,
  dashboardFigure,
  expectNoProblems,
  launchBrowser,
  listTotal,
  openDashboard,
  serverToday,
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

const FIGURES = ['total', 'completed_on_time', 'completed_late', 'in_progress', 'overdue'] as const;

describe('dashboard', () => {
  test('figures equal /stats and click through to lists of that many tasks', async () => {
    const api = await Api.as('giamdoc');
    const today = await serverToday(api);
    // The whole year, so that every class has tasks in the demo data.
    const year = today.slice(0, 4);
    const stats = await api.get(`/stats?as_of=${today}&period=${year}`);
    expect(stats.total).toBeGreaterThan(50);

    await withSession(browser, 'dashboard-stats', { user: 'giamdoc' }, async ({ page, problems }) => {
      await openDashboard(page, `period=${year}`);
      const shown: Record<string, number> = {};
      for (const f of FIGURES) shown[f] = await dashboardFigure(page, f);
      expect(shown).toEqual({
        total: stats.total,
        completed_on_time: stats.completed_on_time,
        completed_late: stats.completed_late,
        in_progress: stats.in_progress,
        overdue: stats.overdue,
      });

      for (const f of FIGURES) {
        await openDashboard(page, `period=${year}`);
        await page.locator(`.dash-card-${f} a[data-figure="${f}"]`).first().click();
        await page.waitForURL(/\/tasks\?/);
        await settle(page);
        const url = new URL(page.url());
        // The list's own URL, sent to the API, gives the same total ...
        const listed = await api.get(`/tasks${url.search}`);
        expect(listed.total, `API total behind ${f} (${url.search})`).toBe(shown[f]);
        // ... and the page shows that total and the rows of its first page.
        expect(await listTotal(page), `list total behind ${f}`).toBe(shown[f]);
        const rows = page.locator('.task-table tbody tr.ant-table-row');
        const pageSize = Number(url.searchParams.get('page_size') ?? 50);
        await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(Math.min(shown[f], pageSize));
      }

      // "Đã được gia hạn" opens the list of exactly the extended tasks (extended=true).
      await openDashboard(page, `period=${year}`);
      const extended = page.locator('a[data-figure="extended"]').first();
      expect(Number((await extended.innerText()).replace(/\D/g, '')), 'extended figure').toBe(stats.extended);
      await extended.click();
      await page.waitForURL(/extended=true/);
      await settle(page);
      expect(await listTotal(page), 'list behind the extended figure').toBe(stats.extended);

      // The per-unit table: the API's groups, most overdue first, then the best on-time rate.
      await openDashboard(page, `period=${year}`);
      const unitTable = page.locator('.ant-card', { hasText: 'Theo đơn vị chủ trì' }).locator('.dash-group-table');
      const unitRows = unitTable.locator('tbody tr[data-testid^="group-"]');
      await unitRows.first().waitFor();
      const keys = await unitRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')!.slice('group-'.length)));
      type Group = { key: string; total: number; overdue: number; on_time_rate: number };
      const groups: Group[] = stats.by_lead_org;
      expect([...keys].sort()).toEqual(groups.map((g) => String(g.key)).sort());
      const byKey = new Map(groups.map((g) => [String(g.key), g]));
      for (let i = 1; i < keys.length; i++) {
        const a = byKey.get(keys[i - 1]!)!;
        const b = byKey.get(keys[i]!)!;
        expect(a.overdue > b.overdue || (a.overdue === b.overdue && a.on_time_rate >= b.on_time_rate), `unit order at ${i}`).toBe(true);
      }
      for (const g of groups) {
        const row = unitTable.locator(`tbody tr[data-testid="group-${g.key}"]`);
        const num = async (f: string) => Number((await row.locator(`a[data-figure="${f}"]`).first().innerText()).replace(/\D/g, ''));
        expect([await num('total'), await num('overdue')], `unit ${g.key}`).toEqual([g.total, g.overdue]);
      }
      // The busiest unit's total opens its list.
      const busiest = [...groups].sort((a, b) => b.total - a.total)[0];
      await unitTable.locator(`tbody tr[data-testid="group-${busiest.key}"] a[data-figure="total"]`).first().click();
      await page.waitForURL(/\/tasks\?/);
      await settle(page);
      expect(await listTotal(page), 'list behind the busiest unit').toBe(busiest.total);

      // The overdue warning list counts all overdue tasks of the agency as of today.
      await openDashboard(page, `period=${year}`);
      const overdueAll = await api.get(`/tasks?as_of=${today}&status=overdue&page_size=1`);
      const warning = page.getByTestId('warning-overdue-total');
      await warning.waitFor();
      expect(Number((await warning.innerText()).replace(/\D/g, ''))).toBe(overdueAll.total);

      // The default view (this month, as of today) equals /stats too.
      await openDashboard(page);
      const month = await api.get(`/stats?as_of=${today}&period=${today.slice(0, 7)}`);
      for (const f of FIGURES) expect(await dashboardFigure(page, f), `${f} this month`).toBe(month[f]);
      expectNoProblems(problems);
    });
  });
});
