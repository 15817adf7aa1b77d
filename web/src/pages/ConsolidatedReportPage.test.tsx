import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsolidatedReport, IssuedReport, IssuedReportSummary, Me, ReportSettings } from '../api/types';
import fx from '../test/apiFixtures.json';
import recorded from '../test/fixtures/consolidated-report.json';
import issued from '../test/fixtures/issued-reports.json';
import { ME_LEADER, ME_SPECIALIST, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import ConsolidatedReportPage from './ConsolidatedReportPage';

// The demo agency's report for October 2026 as the planning division reads it once the
// infrastructure division's report was accepted; the third quarter; and October as a specialist
// of that division reads it once the inspectorate had a restricted task overdue in the month.
const MONTH = recorded.month as ConsolidatedReport;
const QUARTER = recorded.quarter as ConsolidatedReport;
const MONTH_SPECIALIST = recorded.monthSpecialist as ConsolidatedReport;
const ME_CONSOLIDATOR: Me = { ...ME_SPECIALIST, role: 'consolidator', organization_id: 4, full_name: 'Nguyễn Thị Hồng Nhung' };
// The demo agency's settings: calendar months.
const DEMO_SETTINGS = fx.reportSettingsDemo as ReportSettings;

function open(url: string, { me = ME_CONSOLIDATOR, settings = DEMO_SETTINGS }: { me?: Me; settings?: ReportSettings } = {}) {
  const calls = mockFetch((c: Call) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/report-settings') return { body: settings };
    if (c.path === '/reports/issued') return { body: { items: [] } };
    if (c.path === '/reports/preview') {
      const period = c.query.get('period');
      const answer = [MONTH, QUARTER].find((r) => r.period === period);
      if (me === ME_SPECIALIST && period === MONTH.period) return { body: MONTH_SPECIALIST };
      return answer ? { body: answer } : { status: 422, body: recorded.invalid };
    }
    return undefined;
  });
  renderPage(<ConsolidatedReportPage />, { path: '/reports', url });
  return calls;
}

const asked = (calls: Call[]) => calls.filter((c) => c.path === '/reports/preview').map((c) => c.query.get('period'));
const section = (name: string | RegExp) => screen.getByRole('region', { name });
const figure = (name: string) => section('Kết quả thực hiện nhiệm vụ').querySelector(`dd[data-figure="${name}"]`);
/** The rows of a table as the text of each cell. */
const cells = (table: HTMLElement) => within(table).getAllByRole('row').map((row) => [...row.children].map((c) => c.textContent));

afterEach(() => {
  vi.useRealTimers();
});

describe('ConsolidatedReportPage', () => {
  it('says in words that a period has not begun, and does not offer such periods', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T09:00:00+07:00'));
    const notStarted = { code: 'validation_failed', message: 'Dữ liệu chưa hợp lệ.', fields: [{ field: 'period', code: 'not_started' }] };
    mockFetch((c: Call) => {
      if (c.path === '/me') return { body: ME_CONSOLIDATOR };
      if (c.path === '/report-settings') return { body: DEMO_SETTINGS };
      if (c.path === '/reports/issued') return { body: { items: [] } };
      if (c.path === '/reports/preview') return { status: 422, body: notStarted };
      return undefined;
    });
    renderPage(<ConsolidatedReportPage />, { path: '/reports', url: '/reports?period=2027-03' });
    const said = await screen.findByText('Tháng 3/2027 chưa bắt đầu nên chưa có báo cáo.');
    expect(said.closest('[role="status"]')).not.toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    // No draft to download, nor a preview to speak of.
    expect(screen.queryByRole('link', { name: /Tải dự thảo/ })).toBeNull();
    expect(screen.queryByText(/Bản xem trước/)).toBeNull();
    // The picker opens on 2027, none of whose months has begun on 27/11/2026.
    fireEvent.mouseDown(screen.getByLabelText('Kỳ báo cáo'));
    fireEvent.click(screen.getByLabelText('Kỳ báo cáo'));
    const cell = (title: string) => document.querySelector(`td[title="${title}"]`);
    await waitFor(() => expect(cell('2027-03')).not.toBeNull());
    for (const month of ['2027-01', '2027-03', '2027-12']) expect(cell(month)).toHaveClass('ant-picker-cell-disabled');
  });

  it('states the period, its window in words and the figures as a briefing reads them, as a preview', async () => {
    const calls = open('/reports?period=2026-10');
    expect(await screen.findByText('Tháng 10/2026 · Số liệu tính từ ngày 1/10/2026 đến ngày 31/10/2026')).toBeInTheDocument();
    expect(asked(calls)).toEqual(['2026-10']);
    // The settings are asked for all the same: their convention says which periods have begun.
    expect(calls.filter((c) => c.path === '/report-settings')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 2, name: 'Báo cáo tổng hợp' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Bản xem trước — số liệu thay đổi theo dữ liệu cho đến khi ban hành.');
    expect(MONTH.totals).toMatchObject({ due_completed_ratio: '93/97', overdue: 4 });
    expect(screen.getByText('Hoàn thành 93/97 nhiệm vụ đến hạn, 4 nhiệm vụ quá hạn.')).toBeInTheDocument();
    expect(figure('due_completed_ratio')).toHaveTextContent('93/97');
    expect(figure('overdue')).toHaveTextContent('4');
    expect(figure('due_in_period')).toHaveTextContent(String(MONTH.totals.due_in_period));
    expect(figure('carried_over')).toHaveTextContent(String(MONTH.totals.carried_over));
    expect(figure('due_next_period')).toHaveTextContent(String(MONTH.totals.due_next_period));
  });

  it('says that a period still running is counted to the day the report is made', async () => {
    mockFetch((c: Call) => {
      if (c.path === '/me') return { body: ME_CONSOLIDATOR };
      if (c.path === '/reports/issued') return { body: { items: [] } };
      if (c.path === '/reports/preview') return { body: { ...MONTH, as_of: '2026-10-20', period_running: true } };
      return undefined;
    });
    renderPage(<ConsolidatedReportPage />, { path: '/reports', url: '/reports?period=2026-10' });
    expect(await screen.findByText('Tháng 10/2026 · Số liệu tính từ ngày 1/10/2026 đến ngày 20/10/2026')).toBeInTheDocument();
    expect(screen.getByText('Kỳ báo cáo chưa kết thúc (đến ngày 31/10/2026): số liệu tính đến hết ngày 20/10/2026.')).toBeInTheDocument();
  });

  it('names the groups as the product names sources, key tasks first, and gives the agency’s own row', async () => {
    open('/reports?period=2026-10');
    const bySource = await screen.findByRole('table', { name: 'Số liệu theo nguồn nhiệm vụ' });
    const rows = cells(bySource);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['Nguồn nhiệm vụ', 'Đến hạn đã hoàn thành'],
      ['Chương trình công tác của cấp trên – nhiệm vụ trọng tâm', '13/13'],
      ['Chương trình trọng tâm – nhiệm vụ trọng tâm', '32/33'],
      ['Nhiệm vụ đột xuất – nhiệm vụ khác', '25/26'],
      ['Kết luận cuộc họp – nhiệm vụ khác', '23/25'],
      ['Tổng cộng', '93/97'],
    ]);
    expect(rows[0]).toEqual([
      'Nguồn nhiệm vụ',
      'Đến hạn đã hoàn thành',
      'Quá hạn',
      'Hoàn thành trước hạn',
      'Thường xuyên',
      'Giao trong kỳ',
      'Đến hạn trong kỳ',
      'Hoàn thành trong kỳ',
      'Đến hạn kỳ tới',
      'Chuyển tiếp',
    ]);
    const byUnit = cells(screen.getByRole('table', { name: 'Số liệu theo đơn vị chủ trì' }));
    expect(byUnit[1][0]).toBe('Ban Quản lý dự án đầu tư xây dựng các công trình giao thông');
    expect(byUnit.at(-2)?.slice(0, 3)).toEqual(['Sở Giao thông vận tải tỉnh Quảng Ngãi (cơ quan trực tiếp chủ trì)', '02/02', '0']);
    expect(byUnit.at(-1)?.slice(0, 3)).toEqual(['Tổng cộng', '93/97', '4']);
  });

  it('lists the overdue tasks with their unit, deadline in force, days late and reason, each opening the task as at the period’s end', async () => {
    open('/reports?period=2026-10');
    const list = await screen.findByRole('table', { name: 'Nhiệm vụ quá hạn và lý do' });
    expect(screen.getByRole('heading', { name: 'Nhiệm vụ quá hạn đến cuối kỳ (4)' })).toBeInTheDocument();
    expect(within(list).getAllByRole('row')).toHaveLength(1 + 4);
    const row = within(list).getByTestId('task-89');
    const task = MONTH.overdue.find((t) => t.id === 89)!;
    expect(within(row).getByRole('link', { name: task.title })).toHaveAttribute('href', '/tasks/89?as_of=2026-10-31');
    // Due 14/05/2026, extended: 170 days late on 31/10/2026; the latest progress report is the reason.
    expect(row).toHaveTextContent('Thanh tra Sở');
    expect(row).toHaveTextContent('14/05/2026Đã gia hạn');
    expect(row).toHaveTextContent('Quá hạn170 ngày');
    expect(row).toHaveTextContent(`Báo cáo tiến độ ngày 10/10/2026${task.note}`);
    const next = screen.getByRole('table', { name: 'Nhiệm vụ trọng tâm đến hạn kỳ tới' });
    expect(screen.getByText('Kỳ tới: từ ngày 1/11/2026 đến ngày 30/11/2026')).toBeInTheDocument();
    expect(within(next).getAllByRole('row')).toHaveLength(1 + MONTH.next_period_key.length);
  });

  it('keeps a restricted task’s row, without its title, link or reason, so that the list adds up to the figure', async () => {
    open('/reports?period=2026-10', { me: ME_SPECIALIST });
    const list = await screen.findByRole('table', { name: 'Nhiệm vụ quá hạn và lý do' });
    expect(figure('overdue')).toHaveTextContent('5');
    expect(within(list).getAllByRole('row')).toHaveLength(1 + 5);
    const row = within(list).getByTestId('task-135');
    expect(within(row).getByText('Nhiệm vụ hạn chế quyền xem')).toBeInTheDocument();
    expect(within(row).queryByRole('link')).toBeNull();
    expect(row).toHaveTextContent('Thanh tra Sở');
    expect(row).toHaveTextContent('20/10/2026');
    expect(row).toHaveTextContent('Quá hạn11 ngày');
    expect(row).not.toHaveTextContent('Chưa có báo cáo tiến độ');
  });

  it('merges what the units sent under the five headings, each paragraph under its unit, beside where each report stands', async () => {
    open('/reports?period=2026-10');
    const prose = await screen.findByRole('region', { name: 'Nội dung báo cáo của các đơn vị' });
    expect(within(prose).getByText('Tổng hợp từ báo cáo đã gửi hoặc đã tiếp nhận của 5/9 đơn vị.')).toBeInTheDocument();
    const highlights = within(prose).getByRole('group', { name: '1. Kết quả nổi bật' });
    const paragraphs = within(highlights).getAllByText(/:$/).map((label) => label.closest('p')?.textContent);
    expect(paragraphs).toHaveLength(MONTH.unit_prose.length);
    expect(paragraphs).toContain('Phòng Quản lý kết cấu hạ tầng giao thông: Hoàn thành kiểm tra 12 cầu yếu trên tuyến ĐT.623.');
    const proposals = within(prose).getByRole('group', { name: '4. Kiến nghị, đề xuất' });
    expect(proposals).toHaveTextContent('Phòng Quản lý kết cấu hạ tầng giao thông: Đề nghị bổ sung kinh phí sửa chữa cầu Trà Khúc.');
    for (const heading of ['2. Tồn tại, hạn chế và nguyên nhân', '3. Khó khăn, vướng mắc', '5. Phương hướng, nhiệm vụ kỳ tới']) {
      expect(within(prose).getByRole('group', { name: heading })).toBeInTheDocument();
    }
    // The returned report and the draft are not merged.
    expect(prose).not.toHaveTextContent('Phòng Quản lý chất lượng công trình giao thông:');
    expect(prose).not.toHaveTextContent('Trung tâm Đăng kiểm xe cơ giới:');

    const states = section('Tình hình gửi báo cáo của các đơn vị');
    expect(within(states).getByText('Đã gửi: 5/9 đơn vị')).toBeInTheDocument();
    expect(within(states).getByRole('link', { name: 'Mở bảng theo dõi báo cáo đơn vị' })).toHaveAttribute('href', '/unit-reports?period=2026-10');
    const accepted = within(states).getByTestId('unit-5');
    expect(within(accepted).getByRole('link', { name: 'Phòng Quản lý kết cấu hạ tầng giao thông' })).toHaveAttribute('href', '/unit-reports/25');
    expect(within(accepted).getByText('Đã tiếp nhận')).toBeInTheDocument();
    const notStarted = within(states).getByTestId('unit-6');
    expect(within(notStarted).getByText('Chưa lập')).toBeInTheDocument();
    expect(within(notStarted).queryByRole('link')).toBeNull();
  });

  it('has no units’ reports for a quarter', async () => {
    const calls = open('/reports?period=2026-Q3');
    expect(await screen.findByText('Quý III/2026 · Số liệu tính từ ngày 1/7/2026 đến ngày 30/9/2026')).toBeInTheDocument();
    expect(asked(calls)).toEqual(['2026-Q3']);
    expect(figure('due_completed_ratio')).toHaveTextContent('85/89');
    expect(screen.getByRole('heading', { name: `Nhiệm vụ trọng tâm kỳ tới (${QUARTER.next_period_key.length})` })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Tình hình gửi báo cáo của các đơn vị' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Nội dung báo cáo của các đơn vị' })).toBeNull();
  });

  it('opens the last finished month in the agency’s convention when the address names no period', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T10:00:00+07:00'));
    const calendar = open('/reports');
    await screen.findByText(/^Tháng 10\/2026 · /);
    expect(asked(calendar)).toEqual(['2026-10']);
    expect(calendar.filter((c) => c.path === '/report-settings')).toHaveLength(1);
  });

  it('under the cut-off, takes the month that ended on the 14th', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T10:00:00+07:00'));
    // An address whose period is no period is taken as none.
    const cutoff = open('/reports?period=thang-muoi', { settings: { ...DEMO_SETTINGS, period_convention: 'cutoff_14th' } });
    await waitFor(() => expect(asked(cutoff)).toEqual(['2026-11']));
    // The recorded answers have no November: the server's refusal stands for it.
    expect(await screen.findByRole('alert')).toHaveTextContent('Dữ liệu chưa hợp lệ');
  });

  it('picks another kind of period around the same months, and the year’s first months by their number', async () => {
    const calls = open('/reports?period=2026-10');
    await screen.findByText(/^Tháng 10\/2026 · /);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Loại kỳ báo cáo' }));
    fireEvent.click(await screen.findByTitle('Quý'));
    await waitFor(() => expect(asked(calls).at(-1)).toBe('2026-Q4'));
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Loại kỳ báo cáo' }));
    fireEvent.click(await screen.findByTitle('Các tháng đầu năm'));
    await waitFor(() => expect(asked(calls).at(-1)).toBe('2026-M11'));
    const months = await screen.findByRole('combobox', { name: 'Số tháng đầu năm' });
    fireEvent.mouseDown(months);
    fireEvent.click(await screen.findByTitle('9 tháng đầu năm'));
    await waitFor(() => expect(asked(calls)).toEqual(['2026-10', '2026-Q4', '2026-M11', '2026-M09']));
  });

  it('shows the server’s refusal with a way to try again', async () => {
    const calls = open('/reports?period=2026-M11');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    await waitFor(() => expect(asked(calls)).toEqual(['2026-M11', '2026-M11']));
  });
});

// October 2026 under the cut-off (15/9 to 14/10) before the division saved any text (the units'
// merged), and once it had; the report as issued, and the period's two issued reports (the
// replacement in force, the first replaced).
const DRAFT = issued.draftPreview as ConsolidatedReport;
const SAVED = issued.draftSaved as ConsolidatedReport;
const ISSUED = issued.issued as IssuedReport;
const REPLACEMENT = issued.replacement as IssuedReport;
const ISSUED_LIST = issued.list.items as IssuedReportSummary[];
const WITH_SIGNERS = fx.reportSettingsSaved as ReportSettings;

interface DraftAnswers {
  me?: Me;
  /** The previews answered in turn (the last one from then on). */
  previews?: ConsolidatedReport[];
  issuedItems?: IssuedReportSummary[];
  put?: { status: number; body: unknown };
  post?: { status: number; body: unknown };
}

function openDraft({ me = ME_CONSOLIDATOR, previews = [DRAFT], issuedItems = [], put, post }: DraftAnswers = {}) {
  let answered = 0;
  const calls = mockFetch((c: Call) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/report-settings') return { body: WITH_SIGNERS };
    if (c.method === 'GET' && c.path === '/reports/issued') return { body: { items: issuedItems } };
    if (c.path === '/reports/issued/next-number') return { body: issued.nextNumber };
    if (c.path === '/reports/preview') return { body: previews[Math.min(answered++, previews.length - 1)] };
    if (c.method === 'PUT' && c.path === '/reports/draft') return put;
    if (c.method === 'POST' && c.path === '/reports/issued') return post;
    return undefined;
  });
  renderPage(<ConsolidatedReportPage />, { path: '/reports', url: '/reports?period=2026-10' });
  return calls;
}

const textSection = () => screen.findByRole('region', { name: 'Nội dung báo cáo' });
const box = (section: HTMLElement, heading: string) => within(section).getByRole('textbox', { name: heading }) as HTMLTextAreaElement;
const issueButton = (name: string) => screen.getByRole('button', { name: new RegExp(`^\\S+ ${name}$`) });

describe('ConsolidatedReportPage: the report’s text and its issue', () => {
  it('gives the consolidating division the units’ text merged to edit, and saves it with the version read', async () => {
    const calls = openDraft({ put: { status: 200, body: SAVED } });
    const section = await textSection();
    expect(within(section).getByText('Chưa lưu lần nào: nội dung dưới đây ghép từ báo cáo các đơn vị đã gửi, theo từng mục.')).toBeInTheDocument();
    expect(DRAFT.draft_version).toBe(0);
    expect(box(section, '1. Kết quả nổi bật').value).toBe(DRAFT.prose.highlights);
    expect(box(section, '5. Phương hướng, nhiệm vụ kỳ tới').value).toBe(DRAFT.prose.next_period);

    fireEvent.change(box(section, '1. Kết quả nổi bật'), { target: { value: SAVED.prose.highlights } });
    fireEvent.click(within(section).getByRole('button', { name: /Lưu nội dung$/ }));
    expect(await screen.findByText('Đã lưu nội dung báo cáo.')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/reports/draft');
    expect(put.headers['If-Match']).toBe('"0"');
    expect(put.body).toEqual({ ...DRAFT.prose, period: '2026-10', highlights: SAVED.prose.highlights });
    // The text is the division's now.
    await waitFor(() => expect(within(section).queryByText(/^Chưa lưu lần nào/)).toBeNull());
    expect(box(section, '2. Tồn tại, hạn chế và nguyên nhân').value).toBe(SAVED.prose.shortcomings);
  });

  it('says that someone else saved first, and shows the text as it now is', async () => {
    const calls = openDraft({ previews: [DRAFT, SAVED], put: { status: 412, body: issued.draftStale } });
    const section = await textSection();
    fireEvent.change(box(section, '3. Khó khăn, vướng mắc'), { target: { value: 'Thiếu kinh phí.' } });
    fireEvent.click(within(section).getByRole('button', { name: /Lưu nội dung$/ }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      'Người khác vừa lưu nội dung báo cáo này trước bạn. Trang đã tải lại nội dung mới nhất; phần bạn vừa sửa chưa được lưu.',
    );
    await waitFor(() => expect(box(section, '3. Khó khăn, vướng mắc').value).toBe(SAVED.prose.difficulties));
    expect(calls.filter((c) => c.path === '/reports/preview')).toHaveLength(2);
    expect(screen.queryByText('Đã lưu nội dung báo cáo.')).toBeNull();
  });

  it('reads the text to whoever may not write it, with the draft to download and nothing to issue', async () => {
    openDraft({ me: ME_SPECIALIST, previews: [SAVED] });
    const section = await textSection();
    expect(within(section).queryByRole('textbox')).toBeNull();
    expect(within(section).queryByRole('button')).toBeNull();
    expect(within(section).getByText(SAVED.prose.proposals)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Tải dự thảo \(PDF\)$/ })).toHaveAttribute('href', '/api/v1/reports/preview.pdf?period=2026-10');
    expect(screen.getByRole('link', { name: /Tải dự thảo \(Word\)$/ })).toHaveAttribute('href', '/api/v1/reports/preview.docx?period=2026-10');
    expect(screen.queryByRole('button', { name: /Ban hành/ })).toBeNull();
  });

  it('lets a leader write and issue too', async () => {
    openDraft({ me: ME_LEADER });
    const section = await textSection();
    expect(box(section, '4. Kiến nghị, đề xuất').value).toBe(DRAFT.prose.proposals);
    await waitFor(() => expect(issueButton('Ban hành')).toBeEnabled());
  });

  it('issues the period’s report with the first signer, as the draft has it, warned of text not saved, and opens the issued report', async () => {
    const calls = openDraft({ post: { status: 201, body: ISSUED } });
    const section = await textSection();
    fireEvent.change(box(section, '1. Kết quả nổi bật'), { target: { value: 'Chưa lưu.' } });
    await waitFor(() => expect(issueButton('Ban hành')).toBeEnabled());
    fireEvent.click(issueButton('Ban hành'));
    const dialog = await screen.findByRole('dialog', { name: 'Ban hành báo cáo tổng hợp' });
    expect(within(dialog).getByText('Nội dung bạn vừa sửa chưa được lưu; báo cáo sẽ được ban hành với nội dung đã lưu.')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByTestId('issue-number')).toHaveTextContent('04/BC-SGTVT'));
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: 'GIÁM ĐỐC — Trần Quốc Bảo' })).toBeChecked());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ban hành' }));
    expect(await screen.findByTestId('location')).toHaveTextContent(`/reports/issued/${ISSUED.id}`);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ period: '2026-10', signer_person_id: 1 }]);
  });

  it('shows the period’s issued reports at the top, and offers a replacement of the one in force', async () => {
    // The year's register holds the demo's reports of August and September too: not this period's.
    expect(new Set(ISSUED_LIST.map((r) => r.period))).toEqual(new Set(['2026-08', '2026-09', '2026-10']));
    const calls = openDraft({ issuedItems: ISSUED_LIST, post: { status: 201, body: REPLACEMENT } });
    const issuedNote = await screen.findByRole('note');
    expect(issuedNote).toHaveTextContent('Kỳ này đã ban hành 2 báo cáo');
    const items = within(issuedNote).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Số 05/BC-SGTVT ngày 24/11/2026 — đang có hiệu lực',
      'Số 04/BC-SGTVT ngày 24/11/2026 — đã được thay thế bởi báo cáo số 05/BC-SGTVT',
    ]);
    expect(within(items[0]).getByRole('link')).toHaveAttribute('href', '/reports/issued/5');
    expect(within(items[1]).getByRole('link')).toHaveAttribute('href', '/reports/issued/4');
    // The preview says it is not the report issued, and which that is.
    const preview = screen.getByText(/^Báo cáo kỳ này đã ban hành:/).closest('[role="status"]') as HTMLElement;
    expect(preview).toHaveTextContent(
      'Báo cáo kỳ này đã ban hành: Số 05/BC-SGTVT ngày 24/11/2026. Bản xem trước dưới đây theo số liệu hiện tại, có thể khác báo cáo đã ban hành.',
    );
    expect(within(preview).getByRole('link')).toHaveAttribute('href', '/reports/issued/5');
    expect(screen.queryByText(/cho đến khi ban hành/)).toBeNull();

    await waitFor(() => expect(issueButton('Ban hành báo cáo thay thế')).toBeEnabled());
    expect(screen.queryByRole('button', { name: /^\S+ Ban hành$/ })).toBeNull();
    fireEvent.click(issueButton('Ban hành báo cáo thay thế'));
    const dialog = await screen.findByRole('dialog', { name: 'Ban hành báo cáo thay thế' });
    expect(within(dialog).getByTestId('issue-replaces')).toHaveTextContent('Số 05/BC-SGTVT ngày 24/11/2026');
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: 'GIÁM ĐỐC — Trần Quốc Bảo' })).toBeChecked());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ban hành báo cáo thay thế' }));
    expect(await screen.findByTestId('location')).toHaveTextContent(`/reports/issued/${REPLACEMENT.id}`);
    // The one in force is replaced.
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ period: '2026-10', signer_person_id: 1, replaces_id: 5 });
  });

  it('says so when someone issued the period’s report meanwhile, and asks for the list again', async () => {
    const calls = openDraft({ post: { status: 409, body: issued.alreadyIssued } });
    await textSection();
    await waitFor(() => expect(issueButton('Ban hành')).toBeEnabled());
    fireEvent.click(issueButton('Ban hành'));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: 'GIÁM ĐỐC — Trần Quốc Bảo' })).toBeChecked());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ban hành' }));
    expect(await screen.findByText('Báo cáo của kỳ này vừa được người khác ban hành. Danh sách đã được tải lại; nếu cần sửa, hãy ban hành báo cáo thay thế.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.filter((c) => c.method === 'GET' && c.path === '/reports/issued')).toHaveLength(2);
  });
});
