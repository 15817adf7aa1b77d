// The report settings (Thiết lập báo cáo): the demo agency's administrator, on a phone, changes
// the agency code and a signer's title and finds them kept after a reload; uploads a seal and a
// signature drawn by the test, sees them, and is told why an opaque image is refused; a specialist
// reads the settings and is offered nothing to change.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { Api, axeFindings, DESKTOP, expectNoProblems, formatAxeFinding, launchBrowser, PHONE, printed, screenshot, settle, withSession } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface ReportImage {
  sha256: string;
  width: number;
  height: number;
}
interface ReportSettings {
  agency_code: string;
  signers: { person_id: number; full_name: string; authority: string; title: string; signature: ReportImage | null }[];
  seal: ReportImage | null;
  version: number;
  [other: string]: unknown;
}

/**
 * Sets the settings to a known state through the API: the defaults, with the planning division
 * consolidating and the director's deputy signing.
 */
async function startingSettings(admin: Api): Promise<ReportSettings> {
  const current = await admin.get<ReportSettings>('/report-settings');
  const { agency_id: _agency, version, signers: _signers, seal: _seal, ...rest } = current;
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

/**
 * A PNG file drawn in the page's own canvas: a red ring (a seal), a blue stroke (a signature), or
 * an opaque white card, `width` × `height` pixels.
 */
async function drawnPng(page: Page, kind: 'ring' | 'stroke' | 'opaque', width: number, height: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ({ kind, width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const g = canvas.getContext('2d')!;
      if (kind === 'opaque') {
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, width, height);
      }
      g.lineWidth = Math.max(4, width / 40);
      g.strokeStyle = kind === 'ring' ? 'rgba(210, 20, 20, 0.9)' : 'rgba(20, 40, 190, 0.95)';
      g.beginPath();
      if (kind === 'ring') {
        g.arc(width / 2, height / 2, Math.min(width, height) / 2 - g.lineWidth, 0, 2 * Math.PI);
      } else {
        g.moveTo(width * 0.1, height * 0.7);
        g.bezierCurveTo(width * 0.3, 0, width * 0.5, height, width * 0.9, height * 0.3);
      }
      g.stroke();
      return canvas.toDataURL('image/png');
    },
    { kind, width, height },
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** Chooses `png` as the section's image, as picking it in the browser's file dialog does. */
async function upload(section: Locator, name: string, png: Buffer) {
  await section.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer: png });
}

/** The preview's image as the browser loaded it: its natural width, 0 until it is loaded. */
const loadedWidth = (img: Locator) => img.evaluate((el) => ((el as HTMLImageElement).complete ? (el as HTMLImageElement).naturalWidth : 0));

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

  test('the administrator uploads the seal and a signature, sees them, and is told why an opaque image is refused', async () => {
    const admin = await Api.as('admin');
    await startingSettings(admin);
    // From no seal: the demo's is removed.
    expect((await admin.call('DELETE', '/report-settings/seal')).status).toBe(204);
    await withSession(browser, 'report-settings-images', { user: 'admin', viewport: DESKTOP }, async ({ page, problems }) => {
      await page.goto('/report-settings');
      await settle(page);
      const seal = page.getByRole('region', { name: 'Con dấu của cơ quan' });
      await seal.getByText('Chưa có ảnh.').waitFor();

      await upload(seal, 'con-dau.png', await drawnPng(page, 'ring', 300, 300));
      await page.getByText('Đã lưu ảnh.').first().waitFor();
      const sealImage = seal.getByRole('img', { name: 'Ảnh con dấu của cơ quan' });
      await expect.poll(() => loadedWidth(sealImage)).toBe(300);
      await seal.getByText('300 × 300 điểm ảnh').waitFor();

      const signature = page.getByRole('region', { name: 'Chữ ký của Nguyễn Đức Hùng' });
      await upload(signature, 'chu-ky-nen-trang.png', await drawnPng(page, 'opaque', 360, 150));
      await expect
        .poll(() => signature.getByRole('alert').innerText())
        .toContain('Không nhận được ảnh này: Ảnh không có nền trong suốt, sẽ che mất chữ bên dưới');
      await upload(signature, 'chu-ky.png', await drawnPng(page, 'stroke', 360, 150));
      const signatureImage = signature.getByRole('img', { name: 'Ảnh chữ ký của Nguyễn Đức Hùng' });
      await expect.poll(() => loadedWidth(signatureImage)).toBe(360);
      expect(await signature.getByRole('alert').count()).toBe(0);

      // Another seal: the preview shows the new file, not the one the browser had.
      await upload(seal, 'con-dau-moi.png', await drawnPng(page, 'ring', 240, 240));
      await seal.getByText('240 × 240 điểm ảnh').waitFor();
      await expect.poll(() => loadedWidth(sealImage)).toBe(240);
      const card = page.getByText('Chữ ký và con dấu trên bản điện tử');
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'report-settings-images');
      const findings = await axeFindings(page, 'report settings with images');
      expect(findings.map(formatAxeFinding), 'WCAG 2.1 A/AA violations').toEqual([]);
      // On a phone the previews and their buttons fit the width; printed, the card is on the sheet.
      await page.setViewportSize(PHONE);
      await card.scrollIntoViewIfNeeded();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'the images are no wider than the phone').toBeLessThanOrEqual(PHONE.width + 1);
      await screenshot(page, 'report-settings-images');
      await page.setViewportSize(DESKTOP);
      expect(await printed(page, 'report-settings-images')).toContain('Chữ ký và con dấu trên bản điện tử');

      // Kept: after a reload, and for the API.
      await page.reload();
      await settle(page);
      await expect.poll(() => loadedWidth(page.getByRole('img', { name: 'Ảnh con dấu của cơ quan' }))).toBe(240);
      await expect.poll(() => loadedWidth(page.getByRole('img', { name: 'Ảnh chữ ký của Nguyễn Đức Hùng' }))).toBe(360);
      // The refusal is the one error the page met, and it said so itself.
      expectNoProblems(problems, [/Failed to load resource: the server responded with a status of 422/]);
    });
    const after = await admin.get<ReportSettings>('/report-settings');
    expect(after.seal).toMatchObject({ width: 240, height: 240 });
    expect(after.signers[0]).toMatchObject({ person_id: 2, signature: { width: 360, height: 150 } });
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
      expect(await page.getByRole('button', { name: /Lưu thiết lập|Thêm|Xóa|Chuyển|Tải ảnh|Thay ảnh/ }).count()).toBe(0);
      // The seal the administrator set, to look at.
      await expect.poll(() => loadedWidth(page.getByRole('img', { name: 'Ảnh con dấu của cơ quan' }))).toBeGreaterThan(0);
      expectNoProblems(problems);
    });
  });
});
