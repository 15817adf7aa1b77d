// A specialist logs in through the form and reports progress on one of their tasks with an
// attachment; the update and its attachment appear on the task page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { Api, expectNoProblems, launchBrowser, loginThroughForm, settle, uniq, withSession } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('specialist', () => {
  test('cv.lan reports progress with an attachment and sees it on the task page', async () => {
    const api = await Api.as('cv.lan');
    const personId = api.user!.person_id;
    const open = await api.get<{ items: { id: number }[] }>(
      `/tasks?assignee=${personId}&status=in_progress,overdue&sort=id&page_size=50`,
    );
    expect(open.items.length, 'cv.lan has an open task in the demo').toBeGreaterThan(0);
    let taskId = 0;
    for (const it of open.items) {
      const t = await api.get<{ permissions: { report_progress: boolean } }>(`/tasks/${it.id}`);
      if (t.permissions.report_progress) {
        taskId = it.id;
        break;
      }
    }
    expect(taskId, 'an open task cv.lan may report on').toBeGreaterThan(0);

    await withSession(browser, 'specialist-progress', {}, async ({ context, page, problems }) => {
      await loginThroughForm(page, 'cv.lan');
      // The user's name is always visible.
      await expect.poll(() => page.locator('.app-user-name').first().textContent()).toContain('Nguyễn Thị Lan');

      await page.goto(`/tasks/${taskId}`);
      await settle(page);
      await page.getByRole('button', { name: 'Báo cáo tiến độ' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const body = `Đã khảo sát hiện trường, hoàn thiện dự thảo báo cáo (${uniq()})`;
      await dialog.getByLabel('Nội dung').fill(body);
      await dialog.getByLabel('Tỷ lệ hoàn thành (%)').fill('60');
      const fileName = `bao-cao-tien-do-${uniq()}.txt`;
      const fileText = 'Báo cáo tiến độ – tệp thử nghiệm e2e\n';
      await dialog.locator('input[type=file]').setInputFiles({
        name: fileName,
        mimeType: 'text/plain',
        buffer: Buffer.from(fileText, 'utf8'),
      });
      await expect.poll(() => dialog.getByText(fileName).count()).toBeGreaterThan(0);
      await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Báo cáo tiến độ' }).click();
      await dialog.waitFor({ state: 'detached' });
      await settle(page);

      // The update and its attachment are on the page ...
      const update = page.locator('.ant-list-item', { hasText: body });
      await update.waitFor();
      const link = update.getByRole('link', { name: fileName });
      await link.waitFor();
      await expect.poll(() => update.getByText('60%').count()).toBeGreaterThan(0);
      // ... and the attachment downloads with the same bytes.
      const href = await link.getAttribute('href');
      expect(href).toMatch(new RegExp(`^/api/v1/tasks/${taskId}/attachments/\\d+$`));
      const download = await context.request.get(href!);
      expect(download.status()).toBe(200);
      expect(await download.text()).toBe(fileText);

      // The server recorded it too.
      const updates = await api.get<{ items: { body: string; percent: number; attachments: { file_name: string }[] }[] }>(
        `/tasks/${taskId}/updates`,
      );
      const saved = updates.items.find((u) => u.body === body);
      expect(saved?.percent).toBe(60);
      expect(saved?.attachments.map((a) => a.file_name)).toEqual([fileName]);

      // After a reload it is still there.
      await page.reload();
      await settle(page);
      await page.locator('.ant-list-item', { hasText: body }).getByRole('link', { name: fileName }).waitFor();
      expectNoProblems(problems);
    });
  });
});
