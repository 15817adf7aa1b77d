// A work program imported from a CSV file: the planning division (khtc) opens a source, uploads the
// program, sees the row whose lead unit no division is called ("Phòng Pháp chế") in error and the
// row naming a body outside the agency warned about, reads a deadline without its year in another
// year chosen and back in the source's, gives the unit in error one in the preview (also read on a
// phone: the page no wider than the screen, the row's problem beside its text), confirms, and finds
// the tasks in the source's list and in the API; the task of the row naming bodies outside the
// agency shows its place in the program (the heading above it, its number, the program's note, the
// bodies as written) at both sizes and printed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Api, axeFindings, expectNoProblems, formatAxeFinding, launchBrowser, PHONE, screenshot, settle, uniq, withSession } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CONSOLIDATOR = 'khtc';
const UNKNOWN_UNIT = 'Phòng Pháp chế';
const FIXED_UNIT = 'Thanh tra Sở';
const OUTSIDE_BODY = 'Công an tỉnh';
// A body going on after its comma: one name, not two.
const OUTSIDE_BODIES = `UBND các huyện, thành phố, ${OUTSIDE_BODY}`;
const NOTE = 'Phối hợp kiểm tra liên ngành theo kế hoạch của tỉnh';

/** The program as the division would save it from Excel ("CSV UTF-8", semicolons); `tag` keeps each run's file its own. */
function programCsv(tag: string): { titles: string[]; text: string } {
  const titles = [
    `Sửa chữa, nâng cấp cầu Trà Khúc cũ (e2e ${tag})`,
    `Rà soát quy định về hành lang an toàn đường bộ (e2e ${tag})`,
    `Rà soát mạng lưới tuyến vận tải hành khách cố định (e2e ${tag})`,
  ];
  const rows = [
    ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm', 'Ghi chú'],
    ['I', 'LĨNH VỰC KẾT CẤU HẠ TẦNG GIAO THÔNG', '', '', '', '', ''],
    ['1', titles[0], 'Phòng QLKCHT', 'P. KHTC', 'Quý IV/2030', 'Báo cáo kết quả', ''],
    ['2', titles[1], UNKNOWN_UNIT, 'Phòng QLKCHT', 'Tháng 6', 'Tờ trình UBND tỉnh', ''],
    ['II', 'LĨNH VỰC VẬN TẢI', '', '', '', '', ''],
    ['1', titles[2], 'QLVT', `${FIXED_UNIT}, ${OUTSIDE_BODIES}`, 'Thường xuyên', 'Báo cáo', NOTE],
  ];
  return { titles, text: `\ufeff${rows.map((r) => r.join(';')).join('\r\n')}\r\n` };
}

/** The row of the preview's table for the sheet's row `n`. */
const previewRow = (page: Page, n: number) => page.getByTestId(`row-${n}`);

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** What axe-core finds wrong (WCAG 2.1 A and AA) on the page as it is now: nothing, or each finding. */
async function accessibilityFindings(page: Page, where: string): Promise<string[]> {
  return (await axeFindings(page, where)).map(formatAxeFinding);
}

/** The screen and the whole page from the top (a page scrolled down draws its sticky header midway). */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

describe('importing a work program', () => {
  test('khtc uploads a CSV program, gives the unknown unit one, confirms, and the tasks are the source’s', async () => {
    const api = await Api.as(CONSOLIDATOR);
    const tag = uniq();
    const source = await api.post<{ id: number; title: string }>('/sources', {
      kind: 'key_program',
      title: `Chương trình công tác trọng tâm năm 2030 (e2e ${tag})`,
      doc_number: `${tag.slice(-4)}/CTr-SGTVT`,
      issuer: 'Sở Giao thông vận tải tỉnh Quảng Ngãi',
    });
    const organizations = await api.get<{ items: { id: number; name: string }[] }>('/organizations');
    const fixedUnitId = organizations.items.find((o) => o.name === FIXED_UNIT)!.id;
    const program = programCsv(tag);
    const file = path.join(inject('tempDir'), `chuong-trinh-2030-${tag}.csv`);
    fs.writeFileSync(file, program.text);
    let importUrl = '';

    await withSession(browser, 'import-program', { user: CONSOLIDATOR }, async ({ page, problems }) => {
      await page.goto(`/sources/${source.id}`);
      await settle(page);
      await page.getByRole('heading', { name: source.title }).waitFor();
      await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
      await page.waitForURL((u) => u.pathname === `/sources/${source.id}/import`);
      await page.getByText('Kéo thả tệp vào đây hoặc bấm để chọn tệp').waitFor();
      expect(await accessibilityFindings(page, 'import upload @1366')).toEqual([]);
      await page.locator('input[type="file"]').setInputFiles(file);

      await page.waitForURL(/\/imports\/\d+$/);
      importUrl = new URL(page.url()).pathname;
      await page.getByText('3 nhiệm vụ, 2 tiêu đề nhóm, 1 dòng có lỗi, 1 dòng có cảnh báo').waitFor();
      const wrong = previewRow(page, 4);
      await wrong.getByText(`Không nhận ra đơn vị chủ trì “${UNKNOWN_UNIT}”.`).waitFor();
      await wrong.getByText(`${UNKNOWN_UNIT} (chưa nhận ra)`).waitFor();
      await previewRow(page, 6)
        .getByText(`Không khớp đơn vị nào của cơ quan: “UBND các huyện, thành phố”, “${OUTSIDE_BODY}”.`, { exact: false })
        .waitFor();
      // The lead name to pick for, apart from the bodies outside the agency, kept as written.
      const leads = page.getByRole('region', { name: 'Ghi là đơn vị chủ trì: cần chọn đơn vị' });
      await leads.getByText(`“${UNKNOWN_UNIT}”`).waitFor();
      await leads.getByText('1 dòng đang chờ').waitFor();
      const outside = page.getByRole('region', { name: 'Chỉ ghi là đơn vị phối hợp: có lẽ là cơ quan bên ngoài' });
      await outside.getByText(`“${OUTSIDE_BODY}”`).waitFor();
      await outside.getByText('“UBND các huyện, thành phố”').waitFor();
      expect(await leads.getByText(`“${OUTSIDE_BODY}”`).count()).toBe(0);
      const confirm = page.getByRole('button', { name: 'Xác nhận nhập' });
      expect(await confirm.isDisabled()).toBe(true);
      await settle(page);
      await shoot(page, 'import-preview');
      await page.locator('.ant-card', { hasText: 'Đơn vị chưa nhận ra' }).screenshot({
        path: path.join(inject('artifactsDir'), 'screenshots', 'import-units-1366.png'),
      });
      expect(await accessibilityFindings(page, 'import preview @1366')).toEqual([]);

      // "Tháng 6" is read in the year of the source's title, and in another year chosen.
      const year = page.getByRole('spinbutton', { name: 'Năm của chương trình' });
      expect(await year.inputValue()).toBe('2030');
      await page.getByText('theo tên nguồn', { exact: true }).waitFor();
      await wrong.getByText('30/06/2030').waitFor();
      await year.fill('2031');
      await year.press('Enter');
      await page.getByText('do bạn chọn', { exact: true }).waitFor();
      await wrong.getByText('30/06/2031').waitFor();
      expect(await year.inputValue()).toBe('2031');

      // The same draft on a phone: no wider than the screen, the table scrolling on its own, the
      // row's problem under its text.
      await withSession(browser, 'import-program-phone', { user: CONSOLIDATOR, viewport: PHONE }, async (phone) => {
        await phone.page.goto(importUrl);
        await settle(phone.page);
        const row = previewRow(phone.page, 4);
        await row.getByText(`Không nhận ra đơn vị chủ trì “${UNKNOWN_UNIT}”.`).waitFor();
        expect(await row.getByText(`Không nhận ra đơn vị chủ trì “${UNKNOWN_UNIT}”.`).isVisible()).toBe(true);
        await phone.page.getByText('Vuốt sang ngang để xem các cột khác').first().waitFor();
        expect(await pageWidth(phone.page), 'the preview is no wider than the phone').toBeLessThanOrEqual(PHONE.width + 1);
        // The year chosen, with the way back to the source's, inside the screen.
        const reset = phone.page.getByRole('button', { name: 'Theo nguồn' });
        await reset.waitFor();
        const box = await reset.boundingBox();
        expect(box && box.x + box.width, 'the year’s reset is inside the screen').toBeLessThanOrEqual(PHONE.width);
        await shoot(phone.page, 'import-preview');
        await phone.page.locator('.ant-card', { hasText: 'Đơn vị chưa nhận ra' }).screenshot({
          path: path.join(inject('artifactsDir'), 'screenshots', 'import-units-390.png'),
        });
        expect(await accessibilityFindings(phone.page, 'import preview @390')).toEqual([]);
        expectNoProblems(phone.problems);
      });

      await page.getByRole('button', { name: 'Theo nguồn' }).click();
      await page.getByText('theo tên nguồn', { exact: true }).waitFor();
      await wrong.getByText('30/06/2030').waitFor();
      expect(await page.getByRole('button', { name: 'Theo nguồn' }).count()).toBe(0);

      // The unit, found by typing part of its name.
      const picker = page.getByRole('combobox', { name: `Đơn vị cho tên “${UNKNOWN_UNIT}”` });
      await picker.click();
      await picker.fill('thanh tra');
      // The only unit left is the first, which Enter takes: a click aimed while the list is redrawn
      // after the typing could be lost.
      const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${FIXED_UNIT}"]`);
      await option.waitFor();
      expect(await page.locator('.ant-select-dropdown:visible .ant-select-item-option').count()).toBe(1);
      await picker.press('Enter');
      await wrong.getByText(FIXED_UNIT, { exact: true }).waitFor();
      await page.getByText('3 nhiệm vụ, 2 tiêu đề nhóm, 1 dòng có cảnh báo', { exact: true }).waitFor();
      expect(await page.getByText('Còn 1 dòng có lỗi').count()).toBe(0);
      await page.getByTestId('fixed-unit').getByText(`“${UNKNOWN_UNIT}”`).waitFor();
      await shoot(page, 'import-fixed');

      await confirm.click();
      await page.getByRole('tooltip').getByText('Tạo 3 nhiệm vụ của nguồn này từ tệp, tất cả cùng lúc?').waitFor();
      // Pressed from the keyboard: a click aimed while the popover grows can land beside it.
      await page.getByRole('tooltip').getByRole('button', { name: 'Nhập', exact: true }).press('Enter');
      await page.waitForURL((u) => u.pathname === `/sources/${source.id}`);
      await page.getByText(`Đã nhập 3 nhiệm vụ từ tệp ${path.basename(file)}.`).waitFor();
      await settle(page);
      // The source's tasks, and its imports.
      for (const title of program.titles) await page.getByRole('link', { name: title }).first().waitFor();
      const imports = page.locator('.ant-card', { hasText: 'Các lần nhập từ tệp' });
      await imports.getByRole('link', { name: path.basename(file) }).waitFor();
      await imports.getByText('Đã nhập', { exact: true }).waitFor();
      await shoot(page, 'import-source');
      expectNoProblems(problems);
    });

    const tasks = await api.get<{ items: { id: number; title: string; lead_org: { id: number; name: string }; deadline: string | null }[] }>(
      `/tasks?source=${source.id}&page_size=100&sort=id`,
    );
    expect(tasks.items.map((t) => t.title)).toEqual(program.titles);
    expect(tasks.items[1].lead_org.id).toBe(fixedUnitId);
    expect(tasks.items[0].deadline).toBe('2030-12-31');
    expect(tasks.items[1].deadline).toBe('2030-06-30');

    // The task of the program's last row, with its place in the program: the heading above it, its
    // number, the program's note and the bodies outside the agency as the program wrote them.
    const placed = tasks.items[2];
    const importId = Number(importUrl.split('/').at(-1));
    const task = await api.get<{ program_place: unknown }>(`/tasks/${placed.id}`);
    expect(task.program_place).toEqual({
      import_id: importId,
      number: '1',
      headings: ['II. LĨNH VỰC VẬN TẢI'],
      note: NOTE,
      outside_units: OUTSIDE_BODIES,
    });
    const seePlace = async (page: Page) => {
      await page.goto(`/tasks/${placed.id}`);
      await settle(page);
      const place = page.getByTestId('program-place');
      await place.waitFor();
      expect(await place.getByRole('listitem').allInnerTexts()).toEqual(['II. LĨNH VỰC VẬN TẢI']);
      await place.getByText('STT:').waitFor();
      expect(await place.innerText()).toContain(`Ghi chú: ${NOTE}`);
      expect(await place.innerText()).toContain(`Cơ quan phối hợp bên ngoài: ${OUTSIDE_BODIES}`);
      expect(await place.getByRole('link', { name: 'Xem lần nhập chương trình từ tệp' }).getAttribute('href')).toBe(importUrl);
      return place;
    };
    await withSession(browser, 'import-program-task', { user: CONSOLIDATOR }, async ({ page, problems }) => {
      await seePlace(page);
      await shoot(page, 'import-task-place');
      expect(await accessibilityFindings(page, 'imported task @1366')).toEqual([]);
      // On paper: the place, without the way to the import.
      const dir = path.join(inject('artifactsDir'), 'print');
      fs.mkdirSync(dir, { recursive: true });
      const pdf = path.join(dir, 'import-task-place.pdf');
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: pdf, format: 'A4' });
      const printed = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(printed).toContain('Thuộc mục: II. LĨNH VỰC VẬN TẢI');
      expect(printed).toContain(`Ghi chú: ${NOTE}`);
      expect(printed).toContain(`Cơ quan phối hợp bên ngoài: ${OUTSIDE_BODIES}`);
      expect(printed).not.toContain('Xem lần nhập chương trình từ tệp');
      expectNoProblems(problems);
    });
    await withSession(browser, 'import-program-task-phone', { user: CONSOLIDATOR, viewport: PHONE }, async ({ page, problems }) => {
      const place = await seePlace(page);
      expect(await pageWidth(page), 'the task is no wider than the phone').toBeLessThanOrEqual(PHONE.width + 1);
      await place.scrollIntoViewIfNeeded();
      await screenshot(page, 'import-task-place-at');
      await shoot(page, 'import-task-place');
      expect(await accessibilityFindings(page, 'imported task @390')).toEqual([]);
      expectNoProblems(problems);
    });

    // Confirmed, the import reads as done on a phone too, with nothing left to change.
    await withSession(browser, 'import-program-done', { user: CONSOLIDATOR, viewport: PHONE }, async ({ page, problems }) => {
      await page.goto(importUrl);
      await settle(page);
      await page.getByText(/^Đã nhập 3 nhiệm vụ lúc /).waitFor();
      expect(await page.getByRole('button', { name: 'Xác nhận nhập' }).count()).toBe(0);
      expect(await pageWidth(page), 'the import is no wider than the phone').toBeLessThanOrEqual(PHONE.width + 1);
      await shoot(page, 'import-done');
      expect(await accessibilityFindings(page, 'import done @390')).toEqual([]);
      expectNoProblems(problems);
    });
  });
});
