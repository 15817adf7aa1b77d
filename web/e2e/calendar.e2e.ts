// The working-day calendar (Lịch làm việc): anyone reads a year, on a phone too; the demo's
// administrator, a department's, is offered the edit and told plainly when the server refuses it
// (only the top-level organisation's administrators set the calendar), and nothing changes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { Api, expectNoProblems, launchBrowser, PHONE, settle, withSession } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface CalendarYear {
  origin: string;
  version: number;
  days: { date: string; working: boolean; name: string }[];
}

describe('calendar', () => {
  test('a specialist reads 2026 on a phone: weekdays, days worked, where the days come from', async () => {
    await withSession(browser, 'calendar-phone', { user: 'cv.lan', viewport: PHONE }, async ({ page, problems }) => {
      await page.goto('/calendar?year=2026');
      await settle(page);
      await page.getByRole('heading', { name: 'Lịch làm việc năm 2026' }).waitFor();
      await page.getByText('Lịch nghỉ Chính phủ đã công bố').waitFor();
      const worked = page.getByRole('row', { name: /10\/01\/2026/ });
      await expect.poll(() => worked.innerText()).toMatch(/Thứ Bảy[\s\S]*Ngày làm việc \(làm bù\)[\s\S]*Làm bù/);
      expect(await page.getByRole('button', { name: /Sửa lịch|Khôi phục mặc định/ }).count()).toBe(0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'the page is no wider than the phone').toBeLessThanOrEqual(PHONE.width + 1);
      // The name is on the screen beside the date, not in a column to scroll to.
      const name = await worked.getByText('Làm bù', { exact: true }).boundingBox();
      expect(name, 'the name of the day worked').not.toBeNull();
      expect(name!.x + name!.width).toBeLessThanOrEqual(PHONE.width);

      await page.getByRole('button', { name: 'Năm sau' }).click();
      await page.getByRole('heading', { name: 'Lịch làm việc năm 2027' }).waitFor();
      await page.getByText('Ngày lễ theo Bộ luật Lao động (năm chưa công bố)').waitFor();
      expectNoProblems(problems);
    });
  });

  test('a department’s administrator is told who may edit, and the year stays as it was', async () => {
    const api = await Api.as('cv.lan');
    const before = await api.get<CalendarYear>('/calendar/2026');
    await withSession(browser, 'calendar-admin', { user: 'admin' }, async ({ page, problems }) => {
      await page.goto('/calendar?year=2026');
      await settle(page);
      await page.getByRole('button', { name: /Sửa lịch/ }).click();
      await page.getByRole('button', { name: 'Xóa ngày 01/01/2026' }).click();
      await page.getByRole('button', { name: 'Lưu lịch' }).click();
      const refusal = 'Chỉ quản trị viên của cơ quan cấp cao nhất (cấp tỉnh) được sửa lịch làm việc.';
      await page.getByRole('alert').getByText(refusal).waitFor();
      // The refusal of the PUT is the expected answer, not a fault of the page.
      expectNoProblems(problems, [/Failed to load resource: the server responded with a status of 403/]);
    });
    expect(await api.get<CalendarYear>('/calendar/2026')).toEqual(before);
  });
});
