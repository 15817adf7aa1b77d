// A unit head assigns a task to their unit and one of its specialists through the task form; it
// appears in the task list.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { addDays, Api, expectNoProblems, launchBrowser, serverToday, settle, uniq, withSession } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

describe('unit head', () => {
  test('tp.qlkcht creates a task for the unit, assigned to cv.lan, and finds it in the list', async () => {
    const api = await Api.as('tp.qlkcht');
    const orgId = api.user!.organization_id;
    const today = await serverToday(api);
    const sources = await api.get<{ items: { id: number; doc_number: string }[] }>('/sources');
    const source = sources.items.find((s) => s.doc_number) ?? sources.items[0];
    const people = await api.get<{ items: { id: number; full_name: string; organization_id: number }[] }>('/people');
    const lan = people.items.find((p) => p.full_name === 'Nguyễn Thị Lan');
    expect(lan, 'Nguyễn Thị Lan in /people').toBeTruthy();

    await withSession(browser, 'unit-head-assign', { user: 'tp.qlkcht' }, async ({ page, problems }) => {
      await page.goto('/tasks/new');
      await settle(page);
      const form = page.locator('form').filter({ has: page.locator('#title') });
      await form.waitFor();

      // The source, by typing its document number.
      await form.locator('#source_id').click();
      await form.locator('#source_id').fill(source.doc_number);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
      await page.keyboard.press('Enter');

      const title = `Kiểm tra, sửa chữa mặt đường ĐT.624 đoạn Km5–Km7 (e2e ${uniq()})`;
      await form.locator('#title').fill(title);
      await form.locator('#content').fill('Tổ chức kiểm tra hiện trạng, lập phương án sửa chữa và báo cáo Giám đốc Sở.');
      await form.locator('#product').fill('Báo cáo');

      // The lead unit is the unit head's own, already chosen.
      await expect
        .poll(() => form.locator('.ant-form-item', { has: page.locator('#lead_org_id') }).innerText())
        .toContain('Phòng Quản lý kết cấu hạ tầng giao thông');

      // The assignee.
      await form.locator('#assignee_ids').click();
      await form.locator('#assignee_ids').fill('Nguyễn Thị Lan');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');

      // A deadline one month ahead.
      const deadline = addDays(today, 30);
      await form.locator('#deadline_date').click();
      await form.locator('#deadline_date').fill(vnDate(deadline));
      await page.keyboard.press('Tab');

      await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
      await page.waitForURL(/\/tasks\/\d+$/);
      // The success toast opens below the header: the user's name stays readable.
      const toast = page.locator('.ant-message-notice', { hasText: 'Đã giao nhiệm vụ' });
      await toast.waitFor();
      const header = await page.locator('.app-header').boundingBox();
      await expect
        .poll(async () => (await toast.boundingBox())?.y ?? 0, { timeout: 2000 })
        .toBeGreaterThanOrEqual(header!.y + header!.height);
      await settle(page);
      const id = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByRole('heading', { name: title }).waitFor();

      const task = await api.get<{
        lead_org: { id: number };
        assignees: { id: number }[];
        deadline: string;
        source_id: number;
      }>(`/tasks/${id}`);
      expect(task.lead_org.id).toBe(orgId);
      expect(task.assignees.map((a) => a.id)).toEqual([lan!.id]);
      expect(task.deadline).toBe(deadline);
      expect(task.source_id).toBe(source.id);

      // It is in the list (search without diacritics), with its lead unit.
      await page.goto(`/tasks?q=${encodeURIComponent('kiem tra, sua chua mat duong DT.624')}&sort=-id`);
      await settle(page);
      const row = page.locator('.task-table tbody tr', { hasText: title });
      await row.waitFor();
      expect(await row.innerText()).toContain('Phòng Quản lý kết cấu hạ tầng giao thông');
      expectNoProblems(problems);
    });
  });
});
