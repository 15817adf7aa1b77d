// Issuing the consolidated report: the consolidating division writes the report's text for the last
// finished month and saves it, downloads the draft (marked "DỰ THẢO", with the text), issues it
// with the first signer and lands on the issued report, whose PDF holds its number and the text.
// A task of the month completed afterwards changes the preview but neither the issued page's
// figures nor its PDF, byte for byte; a replacement is then issued, and both reports link to each
// other, in the register too; what changed since the report it replaced shows that task no longer
// overdue and the overdue figure one lower. On paper and on a phone.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  Api,
  axeFindings,
  expectNoProblems,
  formatAxeFinding,
  lastFinishedMonth,
  launchBrowser,
  pdfText,
  PHONE,
  printed,
  screenshot,
  serverToday,
  settle,
  uniq,
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

interface Signer {
  person_id: number;
  full_name: string;
  authority: string;
  title: string;
}
interface Settings {
  agency_id: number;
  version: number;
  period_convention: string;
  signers: Signer[];
  [other: string]: unknown;
}
interface Figures {
  due_completed_ratio: string;
  overdue: number;
}
interface ReportTask {
  id: number;
  hidden: boolean;
}
interface Preview {
  period: string;
  period_end: string;
  totals: Figures;
  overdue: ReportTask[];
  draft_version: number;
  prose: Record<string, string>;
}
interface Comparison {
  previous: { id: number } | null;
  no_longer_overdue: ReportTask[];
  newly_completed: ReportTask[];
}
interface Issued {
  id: number;
  number_text: string;
  issued_on: string;
  replaces: { id: number } | null;
  replaced_by: { id: number } | null;
  report: Preview;
}

/** What the run's tests share: the month, the text written, the signer, the reports issued. */
interface Run {
  month: string;
  monthTitle: string;
  highlights: string;
  proposals: string;
  signer: Signer;
  before: Preview;
  first?: Issued;
  firstPdf?: Buffer;
  /** The task of the month completed once the first report was out. */
  completed?: number;
  after?: Preview;
  second?: Issued;
}
const run = {} as Run;

/** "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC — Nguyễn Đức Hùng": a signer as the dialog offers them (written out here). */
const signerText = (s: Signer) => `${[s.authority, s.title].filter(Boolean).join(' / ')} — ${s.full_name}`;
const dateText = (iso: string) => iso.split('-').reverse().join('/');

/** The agency's signers; were there none, its administrator names the deputy director through the API. */
async function signers(): Promise<Signer[]> {
  const admin = await Api.as('admin');
  const settings = await admin.get<Settings>('/report-settings');
  if (settings.signers.length > 0) return settings.signers;
  const deputy = await Api.as('pgd.hung');
  const { agency_id: _agency, version, signers: _none, seal: _seal, ...rest } = settings;
  const body = { ...rest, signers: [{ person_id: deputy.user!.person_id, authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' }] };
  const r = await admin.call<Settings>('PUT', '/report-settings', body, { 'If-Match': `"${version}"` });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.signers;
}

/** WCAG 2.1 A and AA as the accessibility suite checks them, on the page as it is now. */
async function expectAccessible(page: Page, where: string) {
  const findings = await axeFindings(page, where);
  expect(findings.map(formatAxeFinding), 'WCAG 2.1 A/AA violations').toEqual([]);
}

/** Clicks a download link and keeps the file under the artifacts' issue-report/; returns its path. */
async function download(page: Page, name: RegExp, file: string): Promise<string> {
  const [event] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const dir = path.join(inject('artifactsDir'), 'issue-report');
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, file);
  await event.saveAs(target);
  return target;
}

async function figure(page: Page, name: string): Promise<string> {
  const dd = page.getByRole('region', { name: 'Kết quả thực hiện nhiệm vụ' }).locator(`dd[data-figure="${name}"]`);
  return (await dd.innerText()).trim();
}

/** The issued report's page once loaded: its number as the heading, and the label of a frozen report. */
async function issuedPage(page: Page, report: Issued) {
  await page.getByRole('heading', { name: `Báo cáo số ${report.number_text}` }).waitFor();
  await page.getByText('Đã ban hành — số liệu cố định, không thay đổi').waitFor();
  await settle(page);
  await expectIssuedCrumbs(page);
}

/** A page of an issued report is, in its breadcrumb as in the side menu, under "Báo cáo đã ban hành". */
async function expectIssuedCrumbs(page: Page) {
  const crumbs = page.getByRole('navigation', { name: 'breadcrumb' });
  expect(await crumbs.getByRole('link', { name: 'Báo cáo đã ban hành', exact: true }).getAttribute('href')).toBe('/reports/issued');
  expect(await crumbs.getByText('Báo cáo tổng hợp').count(), 'the preview’s section in the breadcrumb').toBe(0);
}

/** The changes page once loaded: its heading and its table of figures. */
async function changesPage(page: Page) {
  await page.getByRole('heading', { name: 'Thay đổi so với báo cáo trước' }).waitFor();
  await page.getByRole('table', { name: 'Số liệu từng nhóm trong báo cáo trước và báo cáo này' }).waitFor();
  await settle(page);
  await expectIssuedCrumbs(page);
}

/** A figure of the whole agency on the changes page: before, now, and the words of its mark. */
async function totalChange(page: Page, figure: 'due_completed_ratio' | 'overdue') {
  const cell = page.getByTestId('change-total').locator(`td[data-figure="${figure}"]`);
  const text = async (selector: string) => (await cell.locator(selector).innerText()).trim();
  return { before: await text('.cmp-before'), now: await text('.cmp-after'), mark: await text('.cmp-mark') };
}

/** Issues the report from the open dialog with the first signer and returns the report the page lands on. */
async function issueFromDialog(page: Page, api: Api, title: string, okText: string): Promise<Issued> {
  const next = await api.get<{ number_text: string }>('/reports/issued/next-number');
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  await dialog.getByText(next.number_text, { exact: true }).waitFor();
  await dialog.getByText(run.monthTitle, { exact: true }).waitFor();
  await expect.poll(() => dialog.getByRole('radio', { name: signerText(run.signer) }).isChecked(), { message: 'the first signer, as on the draft' }).toBe(true);
  await dialog.getByText('Báo cáo đã ban hành không bao giờ sửa được.').waitFor();
  await screenshot(page, `issue-report-dialog${title.includes('thay thế') ? '-replacement' : ''}`);
  await expectAccessible(page, `the dialog "${title}"`);
  await dialog.getByRole('button', { name: okText, exact: true }).click();
  await page.waitForURL(/\/reports\/issued\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const report = await api.get<Issued>(`/reports/issued/${id}`);
  expect(report.number_text).toBe(next.number_text);
  await issuedPage(page, report);
  return report;
}

describe('issuing the consolidated report', () => {
  test('the consolidating division writes and saves the text, and downloads the draft with it', async () => {
    const api = await Api.as(CONSOLIDATOR);
    const today = await serverToday(api);
    const settings = await api.get<Settings>('/report-settings');
    run.month = lastFinishedMonth(today, settings.period_convention);
    const [year, month] = run.month.split('-').map(Number);
    run.monthTitle = `Tháng ${month}/${year}`;
    const tag = uniq();
    run.highlights = `Hoàn thành sửa chữa cầu yếu (e2e ${tag}).`;
    run.proposals = `Đề nghị bổ sung kinh phí (e2e ${tag}).`;
    run.signer = (await signers())[0];
    const issued = await api.get<{ items: { period: string }[] }>('/reports/issued');
    expect(issued.items.filter((r) => r.period === run.month), 'the month has no issued report yet (a fresh demo)').toEqual([]);

    await withSession(browser, 'issue-report-text', { user: CONSOLIDATOR }, async ({ page, problems }) => {
      await page.goto('/reports');
      await page.waitForURL((u) => u.searchParams.get('period') === run.month);
      const text = page.getByRole('region', { name: 'Nội dung báo cáo', exact: true });
      await text.getByRole('textbox', { name: '1. Kết quả nổi bật' }).fill(run.highlights);
      await text.getByRole('textbox', { name: '4. Kiến nghị, đề xuất' }).fill(run.proposals);
      await text.getByRole('button', { name: 'Lưu nội dung' }).click();
      await page.getByText('Đã lưu nội dung báo cáo.').waitFor();
      await screenshot(page, 'issue-report-text');
      run.before = await api.get<Preview>(`/reports/preview?period=${run.month}`);
      expect(run.before.draft_version, 'saved once').toBe(1);
      expect(run.before.prose.highlights).toBe(run.highlights);
      expect(run.before.prose.proposals).toBe(run.proposals);

      const draft = pdfText(await download(page, /Tải dự thảo \(PDF\)/, 'draft.pdf'), false);
      expect(draft).toContain('DỰ THẢO');
      expect(draft).toContain(run.highlights);
      expect(draft).toContain(run.proposals);
      const word = await download(page, /Tải dự thảo \(Word\)/, 'draft.docx');
      expect(fs.readFileSync(word).subarray(0, 2).toString('latin1'), 'a Word file is a zip').toBe('PK');
      expectNoProblems(problems);
    });
  });

  test('issues it with the first signer; the issued report and its PDF stay as issued when a task of the month changes, while the preview follows', async () => {
    const api = await Api.as(CONSOLIDATOR);
    await withSession(browser, 'issue-report-issue', { user: CONSOLIDATOR }, async ({ page, problems }) => {
      await page.goto(`/reports?period=${run.month}`);
      await page.getByRole('region', { name: 'Nội dung báo cáo', exact: true }).waitFor();
      await settle(page);
      await page.getByRole('button', { name: /Ban hành$/ }).click();
      const first = await issueFromDialog(page, api, 'Ban hành báo cáo tổng hợp', 'Ban hành');
      run.first = first;
      expect(first.report.totals).toEqual(run.before.totals);
      expect(await figure(page, 'due_completed_ratio')).toBe(run.before.totals.due_completed_ratio);
      expect(await figure(page, 'overdue')).toBe(String(run.before.totals.overdue));
      await page.getByText(signerText(run.signer)).first().waitFor();
      await screenshot(page, 'issue-report-issued');
      await expectAccessible(page, 'the issued report');

      const pdfFile = await download(page, /Tải PDF$/, 'issued-1.pdf');
      run.firstPdf = fs.readFileSync(pdfFile);
      const text = pdfText(pdfFile, false);
      expect(text).toMatch(/Số: \d{2}\/BC-/);
      expect(text).toContain(`Số: ${first.number_text}`);
      expect(text).toContain(run.highlights);
      expect(text).toContain(run.proposals);
      expect(text).not.toContain('DỰ THẢO');
      const excel = await download(page, /Tải Excel$/, 'issued-1.xlsx');
      expect(fs.readFileSync(excel).subarray(0, 2).toString('latin1'), 'an Excel file is a zip').toBe('PK');
      const excelHref = await page.getByRole('link', { name: /Tải Excel$/ }).getAttribute('href');
      expect(excelHref).toBe(`/api/v1/reports/issued/${first.id}/xlsx`);
      const excelAnswer = await page.request.get(excelHref!);
      expect(excelAnswer.status()).toBe(200);
      expect(excelAnswer.headers()['content-type']).toMatch(/^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/);

      // A task of the month that was overdue at its end, recorded as completed on that day.
      const leader = await Api.as('giamdoc');
      let completed: number | undefined;
      for (const t of run.before.overdue.filter((x) => !x.hidden)) {
        const task = await leader.get<{ status: string; permissions: { complete: boolean } }>(`/tasks/${t.id}`);
        if (!task.permissions.complete) continue;
        const r = await leader.call('POST', `/tasks/${t.id}/complete`, { completed_on: run.before.period_end, note: 'Hoàn thành (ghi nhận muộn).' });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        completed = t.id;
        break;
      }
      expect(completed, 'an overdue task of the month the director may complete').toBeDefined();
      run.completed = completed;
      run.after = await api.get<Preview>(`/reports/preview?period=${run.month}`);
      expect(run.after.totals.overdue, 'the preview follows the data').toBe(run.before.totals.overdue - 1);

      await page.reload();
      await issuedPage(page, first);
      expect(await figure(page, 'overdue'), 'the issued page keeps its figures').toBe(String(run.before.totals.overdue));
      expect(await figure(page, 'due_completed_ratio')).toBe(run.before.totals.due_completed_ratio);
      const again = fs.readFileSync(await download(page, /Tải PDF$/, 'issued-1-again.pdf'));
      expect(again.equals(run.firstPdf), 'the issued PDF, byte for byte').toBe(true);

      await page.goto(`/reports?period=${run.month}`);
      await page.getByRole('region', { name: 'Nội dung báo cáo', exact: true }).waitFor();
      await settle(page);
      expect(await figure(page, 'overdue'), 'the preview changed').toBe(String(run.after.totals.overdue));
      const note = page.getByRole('note').filter({ hasText: 'Kỳ này đã ban hành 1 báo cáo' });
      expect(await note.getByRole('link').getAttribute('href')).toBe(`/reports/issued/${first.id}`);
      await note.getByText('đang có hiệu lực').waitFor();
      const preview = page.getByRole('status').filter({ hasText: 'Báo cáo kỳ này đã ban hành:' });
      await preview.getByText('Bản xem trước dưới đây theo số liệu hiện tại, có thể khác báo cáo đã ban hành.').waitFor();
      expect(await preview.getByRole('link', { name: `Số ${first.number_text} ngày ${dateText(first.issued_on)}` }).getAttribute('href')).toBe(`/reports/issued/${first.id}`);
      await screenshot(page, 'issue-report-preview');
      await expectAccessible(page, 'the report with its text and its issued report');
      expectNoProblems(problems);
    });
  });

  test('a replacement takes the next number, and the two reports link to each other, on the pages and in the register', async () => {
    const api = await Api.as(CONSOLIDATOR);
    const first = run.first!;
    let second: Issued | undefined;
    await withSession(browser, 'issue-report-replace', { user: CONSOLIDATOR }, async ({ page, problems }) => {
      await page.goto(`/reports?period=${run.month}`);
      await page.getByRole('region', { name: 'Nội dung báo cáo', exact: true }).waitFor();
      await settle(page);
      await page.getByRole('button', { name: 'Ban hành báo cáo thay thế' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ban hành báo cáo thay thế' });
      await dialog.getByText(`Số ${first.number_text} ngày ${dateText(first.issued_on)}`).waitFor();
      second = await issueFromDialog(page, api, 'Ban hành báo cáo thay thế', 'Ban hành báo cáo thay thế');
      run.second = second;
      expect(second.replaces?.id).toBe(first.id);
      await page.goto(`/reports?period=${run.month}`);
      await page.getByRole('note').filter({ hasText: 'Kỳ này đã ban hành 2 báo cáo' }).waitFor();
      await settle(page);
      await expectAccessible(page, 'the report with its two issued reports');
      await page.goto(`/reports/issued/${second.id}`);
      await issuedPage(page, second);
      // Issued from the data as they are now.
      expect(await figure(page, 'overdue')).toBe(String(run.after!.totals.overdue));
      const replaces = page.getByRole('link', { name: `Số ${first.number_text} ngày ${dateText(first.issued_on)}` });
      await replaces.click();
      await issuedPage(page, first);
      const note = page.getByRole('note').filter({ hasText: `Báo cáo này đã được thay thế bởi báo cáo số ${second.number_text}` });
      await expectAccessible(page, 'a replaced report');
      await note.getByRole('link', { name: 'Xem báo cáo thay thế' }).click();
      await issuedPage(page, second);

      await page.goto('/');
      await settle(page);
      await page.locator('.app-sider').getByRole('link', { name: 'Báo cáo đã ban hành' }).click();
      const table = page.getByRole('table', { name: 'Các báo cáo đã ban hành' });
      await table.waitFor();
      const firstRow = table.getByTestId(`issued-${first.id}`);
      const secondRow = table.getByTestId(`issued-${second.id}`);
      await firstRow.getByText(`Bị thay thế bởi số ${second.number_text}`).waitFor();
      await secondRow.getByText(`Thay thế số ${first.number_text}`).waitFor();
      expect(await secondRow.getByRole('link', { name: /Tải PDF báo cáo số/ }).getAttribute('href')).toBe(`/api/v1/reports/issued/${second.id}/pdf`);
      expect(await secondRow.getByRole('link', { name: /Tải Excel báo cáo số/ }).getAttribute('href')).toBe(`/api/v1/reports/issued/${second.id}/xlsx`);
      await screenshot(page, 'issue-report-register');
      await expectAccessible(page, 'the register');
      expectNoProblems(problems);
    });

    await withSession(browser, 'issue-report-paper', { user: CONSOLIDATOR }, async ({ page, problems }) => {
      await page.goto(`/reports/issued/${first.id}`);
      await issuedPage(page, first);
      const paper = await printed(page, 'issued-report');
      expect(paper).toContain('Đã ban hành — số liệu cố định, không thay đổi');
      expect(paper).toContain(`Báo cáo số ${first.number_text}`);
      expect(paper).toContain(run.highlights);
      expect(await widerThanTheSheet(page), 'the issued report printed within an A4 sheet').toEqual([]);
      expectNoProblems(problems);
    });

    await withSession(browser, 'issue-report-phone', { user: CONSOLIDATOR, viewport: PHONE }, async ({ page, problems }) => {
      const loaded: Record<string, () => Promise<unknown>> = {
        'issue-report-issued': () => issuedPage(page, second!),
        'issue-report-register': () => page.getByRole('table', { name: 'Các báo cáo đã ban hành' }).waitFor(),
        'issue-report-preview': () => page.getByRole('textbox', { name: '1. Kết quả nổi bật' }).waitFor(),
      };
      for (const [url, name] of [
        [`/reports/issued/${second!.id}`, 'issue-report-issued'],
        ['/reports/issued', 'issue-report-register'],
        [`/reports?period=${run.month}`, 'issue-report-preview'],
      ] as const) {
        await page.goto(url);
        await loaded[name]();
        await settle(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${url} is no wider than the phone`).toBeLessThanOrEqual(PHONE.width + 1);
        await screenshot(page, name);
      }
      await page.getByRole('textbox', { name: '1. Kết quả nổi bật' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'issue-report-text');
      // The dialog on a phone, left without issuing.
      await page.getByRole('button', { name: 'Ban hành báo cáo thay thế' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ban hành báo cáo thay thế' });
      await dialog.getByRole('radio', { name: signerText(run.signer) }).waitFor();
      await screenshot(page, 'issue-report-dialog-replacement');
      await dialog.getByRole('button', { name: 'Hủy bỏ' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expectNoProblems(problems);
    });
  });

  test('what changed since the report it replaced: the task completed meanwhile no longer overdue, the overdue figure one lower', async () => {
    const api = await Api.as(CONSOLIDATOR);
    const first = run.first!;
    const second = run.second!;
    const completed = run.completed!;
    const changes = await api.get<Comparison>(`/reports/issued/${second.id}/changes`);
    expect(changes.previous?.id, 'compared with the report it replaced').toBe(first.id);
    expect(changes.no_longer_overdue.map((t) => t.id)).toEqual([completed]);
    expect(changes.newly_completed.map((t) => t.id)).toEqual([completed]);
    const changesUrl = `/reports/issued/${second.id}/changes`;

    await withSession(browser, 'issue-report-changes', { user: CONSOLIDATOR }, async ({ page, problems }) => {
      // From the replacement's row of the register.
      await page.goto('/reports/issued');
      const row = page.getByRole('table', { name: 'Các báo cáo đã ban hành' }).getByTestId(`issued-${second.id}`);
      await row.getByRole('link', { name: `Thay đổi của báo cáo số ${second.number_text} so với báo cáo trước` }).click();
      await page.waitForURL((u) => u.pathname === changesUrl);
      await changesPage(page);
      await page.getByText('So với báo cáo bị thay thế').waitFor();
      const replaced = page.getByRole('link', { name: `Số ${first.number_text} ngày ${dateText(first.issued_on)}` });
      expect(await replaced.getAttribute('href')).toBe(`/reports/issued/${first.id}`);
      expect(await totalChange(page, 'overdue')).toEqual({
        before: String(run.before.totals.overdue),
        now: String(run.after!.totals.overdue),
        mark: '▼ giảm 1',
      });
      expect(await totalChange(page, 'due_completed_ratio')).toEqual({
        before: run.before.totals.due_completed_ratio,
        now: run.after!.totals.due_completed_ratio,
        mark: '▲ tỷ lệ tăng',
      });
      await page.getByRole('region', { name: 'Nhiệm vụ hết quá hạn (1)' }).getByTestId(`task-${completed}`).waitFor();
      await page.getByRole('region', { name: 'Nhiệm vụ mới hoàn thành (1)' }).getByTestId(`task-${completed}`).waitFor();
      await page.getByText('Không có nhiệm vụ nào mới quá hạn.').waitFor();
      await screenshot(page, 'issue-report-changes');
      await expectAccessible(page, 'the changes since the replaced report');

      // From the replacement's own page too; and on paper.
      await page.goto(`/reports/issued/${second.id}`);
      await issuedPage(page, second);
      await page.getByRole('link', { name: 'Thay đổi so với báo cáo trước' }).click();
      await page.waitForURL((u) => u.pathname === changesUrl);
      await changesPage(page);
      const paper = await printed(page, 'report-changes');
      expect(paper).toContain('Thay đổi so với báo cáo trước');
      expect(paper).toContain(`Báo cáo số ${second.number_text}`);
      expect(paper).toContain('giảm 1');
      expect(await widerThanTheSheet(page), 'the changes printed within an A4 sheet').toEqual([]);
      expectNoProblems(problems);
    });

    await withSession(browser, 'issue-report-changes-phone', { user: CONSOLIDATOR, viewport: PHONE }, async ({ page, problems }) => {
      await page.goto(changesUrl);
      await changesPage(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'the changes page is no wider than the phone').toBeLessThanOrEqual(PHONE.width + 1);
      await screenshot(page, 'issue-report-changes');
      await expectAccessible(page, 'the changes on a phone');
      expectNoProblems(problems);
    });
  });
});
