// The units' monthly reports (Báo cáo đơn vị): the infrastructure division's head writes and
// submits the previous month's report (the last edit sent without saving it first: it is saved
// with the submission), the consolidator returns it with a comment, the head reads the comment,
// edits (on a phone) and submits again without saving, the consolidator accepts it and the board says
// so; a reminder to the transport division reaches its head's bell and leads to the board.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Api, expectNoProblems, launchBrowser, PHONE, serverToday, settle, withSession } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const HEAD = 'tp.qlkcht';
const CONSOLIDATOR = 'khtc';
const OTHER_HEAD = 'tp.qlvt';
const UNIT = 'Phòng Quản lý kết cấu hạ tầng giao thông';
const OTHER_UNIT = 'Phòng Quản lý vận tải, phương tiện và người lái';
const COMMENT = 'Đề nghị bổ sung số liệu cầu yếu đã xử lý trong tháng.';

/** What the API holds of a unit's report. */
interface StoredReport {
  state: string;
  prose: Record<string, string>;
}

/** The month before today's, as the board opens it: { key: "2026-10", label: "10/2026" }. */
function previousMonth(today: string) {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  return { key: `${y}-${String(m).padStart(2, '0')}`, label: `${m}/${y}` };
}

/**
 * Confirms in the popover what `trigger` asks. The confirm button is pressed from the keyboard: a
 * click aimed while the popover still grows into place can land beside it on a busy machine.
 */
async function confirmIn(page: Page, trigger: string, confirm: string) {
  await page.getByRole('button', { name: trigger, exact: false }).first().click();
  await page.getByRole('tooltip').getByRole('button', { name: confirm, exact: true }).press('Enter');
}

async function confirmStep(page: Page, name: string, done: string) {
  await confirmIn(page, name, name);
  await page.getByText(done).waitFor();
}

async function openReport(page: Page, reportUrl: string) {
  await page.goto(reportUrl);
  await settle(page);
  await page.getByRole('heading', { name: /^Báo cáo đơn vị tháng/ }).waitFor();
}

describe('unit reports', () => {
  test('a report goes from the unit to the consolidating division, back, and is accepted; a reminder reaches the bell', async () => {
    const month = previousMonth(await serverToday(await Api.as(HEAD)));
    let reportUrl = '';

    await withSession(browser, 'unit-reports-write', { user: HEAD }, async ({ page, problems }) => {
      await page.goto('/unit-reports');
      await settle(page);
      await page.getByText(new RegExp(`Tháng ${month.label}: `)).first().waitFor();
      await page.getByRole('button', { name: /Báo cáo của đơn vị tôi/ }).click();
      await page.waitForURL(/\/unit-reports\/[1-9]\d*$/);
      reportUrl = new URL(page.url()).pathname;
      await page.getByText('Đang soạn').waitFor();
      await page.getByLabel('1. Kết quả nổi bật').fill('Hoàn thành kiểm tra cầu yếu trên tuyến ĐT.623.');
      await page.getByRole('button', { name: /Lưu nội dung/ }).click();
      await page.getByText('Đã lưu nội dung báo cáo.').waitFor();
      // Typed and sent without "Lưu nội dung": the submission saves it first, and says so.
      await page.getByLabel('4. Kiến nghị, đề xuất').fill('Đề nghị bổ sung kinh phí sửa chữa cầu.');
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      const confirm = page.getByRole('tooltip');
      await confirm.getByText(/^Nội dung bạn vừa sửa chưa được lưu; nội dung này sẽ được lưu rồi gửi cùng báo cáo\./).waitFor();
      await confirm.getByRole('button', { name: 'Gửi báo cáo', exact: true }).press('Enter');
      await page.getByText('Đã gửi báo cáo.').waitFor();
      await page.getByText('Đã gửi', { exact: true }).waitFor();
      expect(await page.getByRole('textbox').count()).toBe(0);
      expectNoProblems(problems);
    });
    const stored = await (await Api.as(HEAD)).get<StoredReport>(reportUrl);
    expect(stored.state).toBe('submitted');
    expect(stored.prose.highlights).toBe('Hoàn thành kiểm tra cầu yếu trên tuyến ĐT.623.');
    expect(stored.prose.proposals).toBe('Đề nghị bổ sung kinh phí sửa chữa cầu.');

    await withSession(browser, 'unit-reports-return', { user: CONSOLIDATOR }, async ({ page, problems }) => {
      await openReport(page, reportUrl);
      await page.getByText('Hoàn thành kiểm tra cầu yếu trên tuyến ĐT.623.').waitFor();
      await page.getByRole('button', { name: /Trả lại/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Trả lại báo cáo' });
      await dialog.getByLabel(/Ý kiến/).fill(COMMENT);
      await dialog.getByRole('button', { name: 'Trả lại' }).click();
      await page.getByText('Đã trả lại báo cáo.').waitFor();
      await page.getByText('Bị trả lại', { exact: true }).waitFor();
      expectNoProblems(problems);
    });

    await withSession(browser, 'unit-reports-resubmit', { user: HEAD, viewport: PHONE }, async ({ page, problems }) => {
      await openReport(page, reportUrl);
      const warning = page.getByRole('alert').filter({ hasText: 'Báo cáo bị trả lại, ý kiến:' });
      await warning.getByText(COMMENT).waitFor();
      const highlights = page.getByLabel('1. Kết quả nổi bật');
      await highlights.fill('Hoàn thành kiểm tra 12 cầu yếu trên tuyến ĐT.623, đã xử lý 5 cầu.');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'the report is no wider than the phone').toBeLessThanOrEqual(PHONE.width + 1);
      // Sent again without saving first: the text typed goes with it.
      await confirmStep(page, 'Gửi báo cáo', 'Đã gửi báo cáo.');
      expectNoProblems(problems);
    });
    const resubmitted = await (await Api.as(HEAD)).get<StoredReport>(reportUrl);
    expect(resubmitted.state).toBe('submitted');
    expect(resubmitted.prose.highlights).toBe('Hoàn thành kiểm tra 12 cầu yếu trên tuyến ĐT.623, đã xử lý 5 cầu.');
    expect(resubmitted.prose.proposals).toBe('Đề nghị bổ sung kinh phí sửa chữa cầu.');

    await withSession(browser, 'unit-reports-accept', { user: CONSOLIDATOR }, async ({ page, problems }) => {
      await openReport(page, reportUrl);
      await page.getByText('Hoàn thành kiểm tra 12 cầu yếu trên tuyến ĐT.623, đã xử lý 5 cầu.').waitFor();
      await confirmStep(page, 'Tiếp nhận', 'Đã tiếp nhận báo cáo.');
      const history = page.getByRole('region', { name: 'Quá trình xử lý' });
      await history.getByText(`Trả lại, ý kiến: “${COMMENT}”`).waitFor();

      await page.goto(`/unit-reports?period=${month.key}`);
      await settle(page);
      const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: `Mở báo cáo của ${UNIT}` }) });
      await row.getByText('Đã tiếp nhận').waitFor();
      await confirmIn(page, `Nhắc ${OTHER_UNIT} gửi báo cáo`, 'Nhắc');
      await page.getByText(/^Đã nhắc \d+ người\.$/).waitFor();
      expectNoProblems(problems);
    });

    await withSession(browser, 'unit-reports-bell', { user: OTHER_HEAD }, async ({ page, problems }) => {
      await page.goto('/');
      await settle(page);
      await page.getByRole('button', { name: /^Thông báo, \d+ chưa đọc$/ }).click();
      const reminder = page.getByRole('menuitem', {
        name: new RegExp(`^Nguyễn Thị Hồng Nhung nhắc: báo cáo tháng ${month.label} của ${OTHER_UNIT}, hạn \\d{2}/\\d{2}/\\d{4}$`),
      });
      await reminder.first().click();
      await page.waitForURL((u) => u.pathname === '/unit-reports' && u.searchParams.get('period') === month.key);
      await page.getByRole('button', { name: `Mở báo cáo của ${OTHER_UNIT}` }).waitFor();
      expectNoProblems(problems);
    });
  });
});
