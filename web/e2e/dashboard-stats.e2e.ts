// The dashboard's figures equal /api/v1/stats for the same report period, and each figure opens
// the task list behind it with exactly that many tasks; its "x/y" of a month is the consolidated
// report's for that month.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  Api,
  dashboardFigure,
  expectNoProblems,
  lastFinishedMonth,
  launchBrowser,
  listTotal,
  openDashboard,
  screenshot,
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
    // The whole year, so that every class has tasks in the demo data: as its report counts them.
    const year = today.slice(0, 4);
    const stats = await api.get(`/stats?report_period=${year}`);
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
        expect(url.searchParams.get('report_period'), `${f} lists the report's tasks`).toBe(year);
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

      // The default view (this month's report) equals /stats too.
      await openDashboard(page);
      const month = await api.get(`/stats?report_period=${today.slice(0, 7)}`);
      for (const f of FIGURES) expect(await dashboardFigure(page, f), `${f} this month`).toBe(month[f]);
      expectNoProblems(problems);
    });
  });

  test('the report’s figures of last month are the consolidated report’s, and each opens a list of that many tasks', async () => {
    const api = await Api.as('giamdoc');
    const today = await serverToday(api);
    const settings = await api.get<{ period_convention: string }>('/report-settings');
    const month = lastFinishedMonth(today, settings.period_convention);
    const stats = await api.get(`/stats?report_period=${month}`);
    const figures: Record<string, number | string> = stats.report_figures;
    expect(stats.report_period).toMatchObject({ period: month, period_running: false });
    expect(figures.due as number, 'tasks due in the demo’s last month').toBeGreaterThan(10);

    await withSession(browser, 'dashboard-report-figures', { user: 'giamdoc' }, async ({ page, problems }) => {
      await openDashboard(page, `period=${month}`);
      const card = page.locator('.dash-report');
      const ratio = (await card.getByTestId('report-due-completed').locator('strong').innerText()).trim();
      expect(ratio, 'due tasks completed, x/y').toBe(figures.due_completed_ratio);
      await screenshot(page, 'dashboard-report-month');

      const codes = Object.keys(figures).filter((f) => f !== 'cumulative' && f !== 'due_completed_ratio');
      expect(codes).toHaveLength(10);
      const number = async (f: string) =>
        Number((await card.locator(`a[data-report-figure="${f}"]`).first().innerText()).replace(/\D/g, ''));
      for (const f of codes) expect(await number(f), `figure ${f}`).toBe(figures[f]);

      // Every figure opens the list of exactly its tasks: the report's period and figure, no date.
      for (const f of codes) {
        await openDashboard(page, `period=${month}`);
        await card.locator(`a[data-report-figure="${f}"]`).first().click();
        await page.waitForURL((u) => u.pathname === '/tasks' && u.searchParams.get('report_figure') === f);
        await settle(page);
        const url = new URL(page.url());
        expect(Object.fromEntries(url.searchParams), `the list of ${f}`).toEqual({ report_period: month, report_figure: f });
        expect(await listTotal(page), `list total behind ${f}`).toBe(figures[f]);
        // The list says what it is, to the day the report counts.
        await page.getByTestId('list-report-scope').getByText(/^Theo báo cáo Tháng \d+\/\d{4} · .+ · số liệu đến ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
        if (f === 'due_completed') await screenshot(page, 'task-list-report-figure');
      }

      // The consolidated report of the same month reads out the same "x/y".
      await page.goto(`/reports?period=${month}`);
      const reported = page.getByRole('region', { name: 'Kết quả thực hiện nhiệm vụ' }).locator('dd[data-figure="due_completed_ratio"]');
      await reported.waitFor();
      expect((await reported.innerText()).trim(), 'the consolidated report’s x/y').toBe(ratio);
      expectNoProblems(problems);
    });
  });
});
