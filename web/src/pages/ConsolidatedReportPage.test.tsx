import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsolidatedReport, Me, ReportSettings } from '../api/types';
import fx from '../test/apiFixtures.json';
import recorded from '../test/fixtures/consolidated-report.json';
import { ME_SPECIALIST, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import ConsolidatedReportPage from './ConsolidatedReportPage';

// The demo agency's report for October 2026 as the planning division reads it once the
// infrastructure division's report was accepted; the third quarter; and October as a specialist
// of that division reads it once the inspectorate had a restricted task overdue in the month.
const MONTH = recorded.month as ConsolidatedReport;
const QUARTER = recorded.quarter as ConsolidatedReport;
const MONTH_SPECIALIST = recorded.monthSpecialist as ConsolidatedReport;
const ME_CONSOLIDATOR: Me = { ...ME_SPECIALIST, role: 'consolidator', organization_id: 4, full_name: 'Nguyễn Thị Hồng Nhung' };
const DEFAULTS = fx.reportSettingsDefaults as ReportSettings;

function open(url: string, { me = ME_CONSOLIDATOR, settings = DEFAULTS }: { me?: Me; settings?: ReportSettings } = {}) {
  const calls = mockFetch((c: Call) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/report-settings') return { body: settings };
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
  it('states the period, its window in words and the figures as a briefing reads them, as a preview', async () => {
    const calls = open('/reports?period=2026-10');
    expect(await screen.findByText('Tháng 10/2026 · Số liệu tính từ ngày 1/10/2026 đến ngày 31/10/2026')).toBeInTheDocument();
    expect(asked(calls)).toEqual(['2026-10']);
    expect(calls.some((c) => c.path === '/report-settings')).toBe(false);
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
    const cutoff = open('/reports?period=thang-muoi', { settings: { ...DEFAULTS, period_convention: 'cutoff_14th' } });
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
