// The report settings (Thiết lập báo cáo): the demo agency's administrator, on a phone, changes
// the agency code and a signer's title and finds them kept after a reload; a specialist reads
// the settings and is offered nothing to change.
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

interface ReportSettings {
  agency_code: string;
  signers: { person_id: number; full_name: string; authority: string; title: string }[];
  version: number;
  [other: string]: unknown;
}

/**
 * Sets the settings to a known state through the API: the defaults, with the planning division
 * consolidating and the director's deputy signing.
 */
async function startingSettings(admin: Api): Promise<ReportSettings> {
  const current = await admin.get<ReportSettings>('/report-settings');
  const { agency_id: _agency, version, signers: _signers, ...rest } = current;
  const body = {
    ...rest,
    consolidating_org_id: 4,
    agency_code: 'SGTVT',
    signers: [{ person_id: 2, authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' }],
  };
  const r = await admin.call<ReportSettings>('PUT', '/report-settings', body, { 'If-Match': `"${version}"` });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe('report settings', () => {
  test('the administrator changes the agency code and a signer’s title on a phone, and they are kept', async () => {
    const admin = await Api.as('admin');
    const before = await startingSettings(admin);
    await withSession(browser, 'report-settings-admin', { user: 'admin', viewport: PHONE }, async ({ page, problems }) => {
      await page.goto('/report-settings');
      await settle(page);
      const code = page.getByLabel('Ký hiệu cơ quan trong số văn bản');
      await expect.poll(() => code.inputValue()).toBe('SGTVT');
      await code.fill('sgtvt-qn');
      // Shown in capitals as it is typed, in the example of a number too.
      await page.getByText('Số văn bản sẽ ghi: Số: 15/BC-SGTVT-QN').waitFor();
      const signer = page.getByRole('group', { name: 'Người ký 1' });
      await expect.poll(() => signer.innerText()).toContain('Nguyễn Đức Hùng');
      await signer.getByLabel('Chức vụ').fill('Phó Giám đốc thường trực');

      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'the form is no wider than the phone').toBeLessThanOrEqual(PHONE.width + 1);

      await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
      await page.getByText('Đã lưu thiết lập báo cáo.').waitFor();
      await page.reload();
      await settle(page);
      await expect.poll(() => page.getByLabel('Ký hiệu cơ quan trong số văn bản').inputValue()).toBe('SGTVT-QN');
      const kept = page.getByRole('group', { name: 'Người ký 1' }).getByLabel('Chức vụ');
      await expect.poll(() => kept.inputValue()).toBe('PHÓ GIÁM ĐỐC THƯỜNG TRỰC');
      expectNoProblems(problems);
    });
    const after = await admin.get<ReportSettings>('/report-settings');
    expect(after).toMatchObject({
      version: before.version + 1,
      agency_code: 'SGTVT-QN',
      signers: [{ person_id: 2, full_name: 'Nguyễn Đức Hùng', authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC THƯỜNG TRỰC' }],
    });
  });

  test('a specialist reads the settings and is offered nothing to change', async () => {
    await withSession(browser, 'report-settings-specialist', { user: 'cv.lan' }, async ({ page, problems }) => {
      await page.goto('/report-settings');
      await settle(page);
      await page.getByRole('heading', { name: 'Thiết lập báo cáo' }).waitFor();
      await page.getByText('Chỉ quản trị viên của cơ quan được sửa thiết lập báo cáo.').waitFor();
      const code = page.getByLabel('Ký hiệu cơ quan trong số văn bản');
      await expect.poll(() => code.inputValue()).not.toBe('');
      expect(await code.isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: /Lưu thiết lập|Thêm|Xóa|Chuyển/ }).count()).toBe(0);
      expectNoProblems(problems);
    });
  });
});
