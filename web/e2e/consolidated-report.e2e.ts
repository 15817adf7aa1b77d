// The consolidated report (Báo cáo tổng hợp): the consolidating division opens it on the last
// finished month, whose "x/y" and overdue figures are the API's for that month; picks a quarter,
// which a reload keeps; prints it on A4 (the figures line in the PDF's text, every table within
// the sheet's width); and reads it on a phone no wider than the screen.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  Api,
  expectNoProblems,
  lastFinishedMonth,
  launchBrowser,
  PHONE,
  printed,
  screenshot,
  serverToday,
  settle,
  widerThanTheSheet,
  withSession,
} from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CONSOLIDATOR = 'khtc';

interface Figures {
  due_completed_ratio: string;
  overdue: number;
}
interface Preview {
  period: string;
  period_start: string;
  period_end: string;
  /** The last day counted: the period's end, or today while the period runs. */
  as_of: string;
  period_running: boolean;
  totals: Figures;
  overdue: unknown[];
  unit_reports: unknown[];
}

/** "1/10/2026": a date as the report's window writes it. */
const words = (iso: string) => iso.split('-').reverse().map(Number).join('/');
const windowWords = (p: Preview) => `Số liệu tính từ ngày ${words(p.period_start)} đến ngày ${words(p.as_of)}`;
const summaryLine = (f: Figures) => `Hoàn thành ${f.due_completed_ratio} nhiệm vụ đến hạn, ${f.overdue} nhiệm vụ quá hạn.`;

async function figure(page: Page, name: string): Promise<string> {
  const dd = page.getByRole('region', { name: 'Kết quả thực hiện nhiệm vụ' }).locator(`dd[data-figure="${name}"]`);
  return (await dd.innerText()).trim();
}

/** The page's period and its figures, once the report for `period` is on it. */
async function expectReport(page: Page, expected: Preview, title: string) {
  await page.waitForURL((u) => u.searchParams.get('period') === expected.period);
  await page.getByText(`${title} · ${windowWords(expected)}`).waitFor();
  await settle(page);
  // A period still running says so above its figures, and one that has ended does not.
  const running = page.getByText(`Kỳ báo cáo chưa kết thúc (đến ngày ${words(expected.period_end)})`, { exact: false });
  expect(await running.count(), 'the notice of a period still running').toBe(expected.period_running ? 1 : 0);
  expect(await figure(page, 'due_completed_ratio'), 'due tasks completed, x/y').toBe(expected.totals.due_completed_ratio);
  expect(await figure(page, 'overdue'), 'overdue').toBe(String(expected.totals.overdue));
  await page.getByText(summaryLine(expected.totals)).waitFor();
  const overdueList = page.getByRole('region', { name: 'Nhiệm vụ quá hạn và lý do' });
  expect(await overdueList.locator('tbody tr').count(), 'rows of the overdue list').toBe(expected.overdue.length);
}

describe('consolidated report', () => {
  test('the consolidating division reads the last finished month and a quarter as the API counts them, prints them on A4, and on a phone', async () => {
    const api = await Api.as(CONSOLIDATOR);
    const today = await serverToday(api);
    const settings = await api.get<{ period_convention: string }>('/report-settings');
    const month = lastFinishedMonth(today, settings.period_convention);
    const monthPreview = await api.get<Preview>(`/reports/preview?period=${month}`);
    const [year, monthNumber] = month.split('-').map(Number);
    const quarter = `${year}-Q${Math.ceil(monthNumber / 3)}`;
    const quarterPreview = await api.get<Preview>(`/reports/preview?period=${quarter}`);
    const quarterTitle = `Quý ${['I', 'II', 'III', 'IV'][Math.ceil(monthNumber / 3) - 1]}/${year}`;

    await withSession(browser, 'consolidated-report', { user: CONSOLIDATOR }, async ({ page, problems }) => {
      await page.goto('/');
      await settle(page);
      await page.locator('.app-sider').getByRole('link', { name: 'Báo cáo tổng hợp' }).click();
      await page.getByRole('heading', { name: 'Báo cáo tổng hợp' }).waitFor();
      // Once the month's report is issued (the issuing test may have run first), the preview says
      // so; until then it follows the data until issued.
      const issued = await api.get<{ items: { period: string; replaced_by: unknown }[] }>('/reports/issued');
      const inForce = issued.items.some((r) => r.period === month && r.replaced_by === null);
      await page
        .getByText(inForce ? 'Bản xem trước dưới đây theo số liệu hiện tại, có thể khác báo cáo đã ban hành.' : 'Bản xem trước — số liệu thay đổi theo dữ liệu cho đến khi ban hành.')
        .waitFor();
      await expectReport(page, monthPreview, `Tháng ${monthNumber}/${year}`);
      // A month has the units' reports, with the way to their board.
      await page.getByRole('heading', { name: 'Tình hình gửi báo cáo của các đơn vị' }).waitFor();
      expect(await page.getByRole('link', { name: 'Mở bảng theo dõi báo cáo đơn vị' }).getAttribute('href')).toBe(`/unit-reports?period=${month}`);
      await screenshot(page, 'consolidated-report-month');

      const monthText = await printed(page, 'consolidated-report-month');
      expect(monthText).toContain(summaryLine(monthPreview.totals));
      expect(monthText).toContain('Bản xem trước');
      expect(await widerThanTheSheet(page), 'the month printed within an A4 sheet').toEqual([]);

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('.ant-select:has(input[aria-label="Loại kỳ báo cáo"])').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('Quý', { exact: true }).click();
      await expectReport(page, quarterPreview, quarterTitle);
      expect(await page.getByRole('heading', { name: 'Tình hình gửi báo cáo của các đơn vị' }).count(), 'a quarter has no units’ reports').toBe(0);

      await page.reload();
      await expectReport(page, quarterPreview, quarterTitle);
      await screenshot(page, 'consolidated-report-quarter');
      const quarterText = await printed(page, 'consolidated-report-quarter');
      expect(quarterText).toContain(summaryLine(quarterPreview.totals));
      expect(quarterText).toContain(quarterTitle);
      expect(await widerThanTheSheet(page), 'the quarter printed within an A4 sheet').toEqual([]);
      expectNoProblems(problems);
    });

    await withSession(browser, 'consolidated-report-phone', { user: CONSOLIDATOR, viewport: PHONE }, async ({ page, problems }) => {
      await page.goto(`/reports?period=${month}`);
      await expectReport(page, monthPreview, `Tháng ${monthNumber}/${year}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'the report is no wider than the phone').toBeLessThanOrEqual(PHONE.width + 1);
      // The figures' tables scroll sideways in their box, and say so.
      await page.getByText('Vuốt sang ngang để xem các cột khác →').first().waitFor();
      await screenshot(page, 'consolidated-report-month');
      expectNoProblems(problems);
    });
  });

  test('a period not begun is said so in words, with no draft to download and no preview', async () => {
    const api = await Api.as(CONSOLIDATOR);
    const nextYear = Number((await serverToday(api)).slice(0, 4)) + 1;
    await withSession(browser, 'consolidated-report-not-begun', { user: CONSOLIDATOR }, async ({ page, problems }) => {
      await page.goto(`/reports?period=${nextYear}-12`);
      await page.getByText(`Tháng 12/${nextYear} chưa bắt đầu nên chưa có báo cáo.`).waitFor();
      await settle(page);
      expect(await page.getByRole('link', { name: /Tải dự thảo/ }).count(), 'draft downloads').toBe(0);
      expect(await page.getByText(/Bản xem trước/).count(), 'a preview notice').toBe(0);
      // The preview is refused (422) on purpose: the page says why in words.
      expectNoProblems(problems, [/Failed to load resource: the server responded with a status of 422/]);
    });
  });
});
